import { BrandHeader, HealthBadge, LocaleSwitch, useDocumentTitle, useMessages } from '@gongkai/ui';
import { Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { adminMessages } from '../admin.messages';

/** Around the sign-in page: light, so a first visit does not download the desk. */
export function PublicLayout() {
  const t = useMessages(adminMessages);
  // The sign-in page is the only page outside the desk.
  useDocumentTitle(t.signInHeading);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <BrandHeader
        subtitle={t.subtitle}
        extra={
          <>
            <HealthBadge />
            <LocaleSwitch />
          </>
        }
      />
      <Layout.Content style={{ padding: '0 24px' }}>
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t.footer}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}

export function PageSpinner() {
  const t = useMessages(adminMessages);
  return <Spin description={t.loading} style={{ display: 'block', margin: '96px auto' }} />;
}
