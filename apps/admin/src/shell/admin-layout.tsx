import { BrandHeader, HealthBadge, LocaleSwitch, useMessages } from '@gongkai/ui';
import { Layout, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { Outlet } from 'react-router-dom';
import { adminMessages } from '../admin.messages';

export function AdminLayout() {
  const t = useMessages(adminMessages);
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
        <Suspense
          fallback={
            <Spin description={t.loading} style={{ display: 'block', margin: '96px auto' }} />
          }
        >
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t.footer}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
