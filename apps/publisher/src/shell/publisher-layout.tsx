import { LoginOutlined } from '@ant-design/icons';
import { BrandHeader, LocaleSwitch, useDocumentTitle, useMessages } from '@gongkai/ui';
import { Layout, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { publisherMessages } from '../publisher.messages';
import { sitePageTitle } from './site-pages';
import './publisher.css';

export function PublisherLayout() {
  const t = useMessages(publisherMessages);
  useDocumentTitle(t[sitePageTitle(useLocation().pathname)]);
  const navStyle = ({ isActive }: { isActive: boolean }) => ({
    padding: '10px 4px',
    fontWeight: isActive ? 600 : 400,
    borderBottom: isActive ? '2px solid currentColor' : '2px solid transparent',
  });
  return (
    <Layout style={{ minHeight: '100vh' }} className="publisher-shell">
      <BrandHeader
        subtitle={t.subtitle}
        extra={
          <>
            <LocaleSwitch />
            <Link to="/studio" aria-label={t.staffSignIn}>
              <LoginOutlined aria-hidden />{' '}
              <span className="publisher-staff-label">{t.staffSignIn}</span>
            </Link>
          </>
        }
      />
      <nav
        aria-label={t.subtitle}
        className="publisher-nav"
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 20,
          padding: '0 24px',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <NavLink to="/reports" style={navStyle}>
          {t.navReports}
        </NavLink>
        <NavLink to="/apply" style={navStyle}>
          {t.navApply}
        </NavLink>
        <NavLink to="/track" style={navStyle}>
          {t.navTrack}
        </NavLink>
        <NavLink to="/open-data" style={navStyle}>
          {t.openData}
        </NavLink>
      </nav>
      <Layout.Content style={{ padding: '0 24px' }} className="publisher-content">
        <main>
          <Suspense
            fallback={
              <Spin description={t.loading} style={{ display: 'block', margin: '96px auto' }} />
            }
          >
            <Outlet />
          </Suspense>
        </main>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }} className="publisher-footer">
        {/* Citizens are not told the state of the servers (数据库/Redis); /api/health is for operators. */}
        <Space orientation="vertical" size="small">
          <Typography.Text type="secondary">{t.footer}</Typography.Text>
        </Space>
      </Layout.Footer>
    </Layout>
  );
}
