import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  FormOutlined,
  LogoutOutlined,
  SettingOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { BrandMark, HealthBadge, LocaleSwitch, useMessages } from '@gongkai/ui';
import { Button, Space, Tag, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ForbiddenPage } from './forbidden.page';
import { mayVisit, PAGE_ROLES } from './page-access';
import { adminMessages } from '../admin.messages';
import { hasRole, type DeskRole } from '../auth/desk-user';
import { useDeskUser, useSession } from '../auth/session.context';
import { PageSpinner } from './public-layout';
import { roleLabel } from './role-labels';

interface MenuEntry {
  path: string;
  name: string;
  icon: React.ReactNode;
  roles: readonly DeskRole[];
}

/** The desk: Ant Design Pro side menu by role, the user's name, agency and role in the header. */
export function DeskLayout() {
  const t = useMessages(adminMessages);
  const user = useDeskUser();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  const menu = useMemo<MenuDataItem[]>(() => {
    const entries: MenuEntry[] = [
      {
        path: '/',
        name: t.menuWorkbench,
        icon: <DashboardOutlined />,
        roles: PAGE_ROLES['/'],
      },
      {
        path: '/cases/new',
        name: t.menuRegister,
        icon: <FormOutlined />,
        roles: PAGE_ROLES['/cases/new'],
      },
      {
        path: '/cases',
        name: t.menuCases,
        icon: <UnorderedListOutlined />,
        roles: PAGE_ROLES['/cases'],
      },
      {
        path: '/approvals',
        name: t.menuApprovals,
        icon: <CheckSquareOutlined />,
        roles: PAGE_ROLES['/approvals'],
      },
      {
        path: '/statistics',
        name: t.menuStatistics,
        icon: <BarChartOutlined />,
        roles: PAGE_ROLES['/statistics'],
      },
      {
        path: '/imports',
        name: t.menuImport,
        icon: <CloudUploadOutlined />,
        roles: PAGE_ROLES['/imports'],
      },
      { path: '/audit', name: t.menuAudit, icon: <AuditOutlined />, roles: PAGE_ROLES['/audit'] },
      {
        path: '/deadlines',
        name: t.menuDeadlines,
        icon: <CalculatorOutlined />,
        roles: PAGE_ROLES['/deadlines'],
      },
      {
        path: '/agencies',
        name: t.menuAgencies,
        icon: <ApartmentOutlined />,
        roles: PAGE_ROLES['/agencies'],
      },
      {
        path: '/settings',
        name: t.menuSettings,
        icon: <SettingOutlined />,
        roles: PAGE_ROLES['/settings'],
      },
    ];
    return entries
      .filter((e) => hasRole(user, ...e.roles))
      .map(({ path, name, icon }) => ({ path, name, icon }));
  }, [t, user]);

  // The menu highlights the deepest entry that prefixes the path (a case detail → 申请列表).
  const selected =
    menu
      .map((m) => m.path ?? '')
      .filter((p) =>
        p === '/'
          ? location.pathname === '/'
          : location.pathname === p || location.pathname.startsWith(p + '/'),
      )
      .sort((a, b) => b.length - a.length)
      .find((p) => !(p === '/cases' && location.pathname === '/cases/new')) ?? '/';

  return (
    <ProLayout
      title={false}
      logo={
        <Space size={8} aria-label="公开 Gongkai">
          <BrandMark />
          <span style={{ fontSize: 18, fontWeight: 700, letterSpacing: 2 }}>公开</span>
        </Space>
      }
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes: menu }}
      location={{ pathname: selected }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      onMenuHeaderClick={() => void navigate('/')}
      actionsRender={() => [
        <HealthBadge key="health" />,
        <Space key="user" size={4} data-testid="desk-user">
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary">· {user.agencyName}</Typography.Text>
          {user.roles.map((r) => (
            <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
              {roleLabel(t, r)}
            </Tag>
          ))}
        </Space>,
        <LocaleSwitch key="locale" />,
        <Button
          key="signout"
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => void signOut().then(() => navigate('/login', { replace: true }))}
        >
          {t.signOut}
        </Button>,
      ]}
      footerRender={() => (
        <div style={{ textAlign: 'center', padding: 16 }}>
          <Typography.Text type="secondary">{t.footer}</Typography.Text>
        </div>
      )}
    >
      <Suspense fallback={<PageSpinner />}>
        {mayVisit(user, location.pathname) ? <Outlet /> : <ForbiddenPage />}
      </Suspense>
    </ProLayout>
  );
}
