import { LoginOutlined } from '@ant-design/icons';
import { BrandHeader, HealthBadge, LocaleSwitch, useMessages } from '@gongkai/ui';
import { Layout, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { publisherMessages } from '../publisher.messages';

export function PublisherLayout() {
  const t = useMessages(publisherMessages);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <BrandHeader
        subtitle={t.subtitle}
        extra={
          <>
            <LocaleSwitch />
            <Link to="/studio">
              <LoginOutlined /> {t.staffSignIn}
            </Link>
          </>
        }
      />
      <Layout.Content style={{ padding: '0 24px' }}>
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
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Space orientation="vertical" size="small">
          <Typography.Text type="secondary">{t.footer}</Typography.Text>
          <HealthBadge />
        </Space>
      </Layout.Footer>
    </Layout>
  );
}
