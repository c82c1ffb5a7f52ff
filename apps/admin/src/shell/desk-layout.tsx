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
import { BrandMark, HealthBadge, LocaleSwitch, useDocumentTitle, useMessages } from '@gongkai/ui';
import { Button, Space, Tag, theme, Typography } from 'antd';
import { Suspense, useMemo, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ForbiddenPage } from './forbidden.page';
import { deskPageTitle, DESK_PAGES, mayVisit } from './page-access';
import { adminMessages } from '../admin.messages';
import { hasRole } from '../auth/desk-user';
import { useDeskUser, useSession } from '../auth/session.context';
import { PageSpinner } from './public-layout';
import { roleLabel } from './role-labels';

/** The menu, in order: each entry's name and roles are its page's (DESK_PAGES). */
const MENU: readonly (readonly [path: string, icon: ReactNode])[] = [
  ['/', <DashboardOutlined key="/" />],
  ['/cases/new', <FormOutlined key="/cases/new" />],
  ['/cases', <UnorderedListOutlined key="/cases" />],
  ['/approvals', <CheckSquareOutlined key="/approvals" />],
  ['/statistics', <BarChartOutlined key="/statistics" />],
  ['/imports', <CloudUploadOutlined key="/imports" />],
  ['/audit', <AuditOutlined key="/audit" />],
  ['/deadlines', <CalculatorOutlined key="/deadlines" />],
  ['/agencies', <ApartmentOutlined key="/agencies" />],
  ['/settings', <SettingOutlined key="/settings" />],
];

/** The desk: Ant Design Pro side menu by role, the user's name, agency and role in the header. */
export function DeskLayout() {
  const t = useMessages(adminMessages);
  const user = useDeskUser();
  const { signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  const menu = useMemo<MenuDataItem[]>(
    () =>
      MENU.filter(([path]) => hasRole(user, ...DESK_PAGES[path].roles)).map(([path, icon]) => ({
        path,
        name: t[DESK_PAGES[path].title],
        icon,
      })),
    [t, user],
  );
  useDocumentTitle(t[deskPageTitle(user, location.pathname)]);
  const { token } = theme.useToken();

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

  // ProLayout paints its grey on a fixed layer one window high, so a printed or full-page view of
  // a long page turned white below the first screen: the shell itself is grey, as tall as the page.
  return (
    <div
      data-testid="desk-shell"
      style={{ minHeight: '100vh', backgroundColor: token.colorBgLayout }}
    >
      <ProLayout
        title={false}
        // The tab's title is set from DESK_PAGES above, in the user's language.
        pageTitleRender={false}
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
    </div>
  );
}
