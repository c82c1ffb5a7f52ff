import { ApiClient, createFakeFetch, healthAnswer, type FakeAnswer } from '@gongkai/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './app';

// ECharts ships as ES modules jest does not load; the workbench's charts are not this spec's.
jest.mock('./common/echart', () => ({ EChart: () => null }));

const CLERK = {
  id: 'u1',
  username: 'clerk',
  displayName: '张经办',
  roles: ['clerk'],
  agencyId: 'a1',
  agencyCode: 'demo',
  agencyName: '示例区人民政府办公室',
  scopeAgencyIds: ['a1'],
  writeAgencyIds: ['a1'],
};

const unauthorized = {
  status: 401,
  body: { statusCode: 401, error: 'Unauthorized', message: '请先登录' },
};

function renderApp(login: FakeAnswer = { status: 404 }, signedIn = false) {
  let session = signedIn;
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'up'),
    'GET /api/auth/me': () => (session ? { body: { user: CLERK } } : unauthorized),
    'POST /api/auth/login': () => {
      if (login.status === undefined) session = true;
      return login;
    },
    'POST /api/auth/logout': () => {
      session = false;
      return { status: 204 };
    },
    'GET /api/cases': () =>
      session ? { body: { items: [], total: 0, page: 1, pageSize: 10 } } : unauthorized,
    'GET /api/dashboard': {
      body: {
        year: 2025,
        intake: [],
        outcomes: [],
        timeliness: { served: 0, late: 0 },
        open: { total: 0, overdue: 0 },
      },
    },
  });
  const client = new ApiClient({ fetch });
  render(<App client={client} />);
  return {
    fetch,
    client,
    expire: () => {
      session = false;
    },
  };
}

async function signIn(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('admin shell', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.history.replaceState({}, '', '/');
  });

  it('shows the sign-in form when signed out, and the health of the stack', async () => {
    const { fetch } = renderApp();
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(screen.getByText('依申请公开办理平台')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');
    await waitFor(() =>
      expect(screen.getByTestId('health-database')).toHaveTextContent('数据库 正常'),
    );
    expect(fetch.calls.some((c) => c.url === '/api/auth/me')).toBe(true);
  });

  it("shows the API's message when sign-in is refused", async () => {
    renderApp({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' },
    });
    await signIn('clerk', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(window.location.pathname).toBe('/login');
  });

  it('signs in to the workbench with name, agency and role in the header, and signs out', async () => {
    const { fetch } = renderApp({ body: { user: CLERK } });
    await signIn('clerk', 'demo-password');

    const header = await screen.findByTestId('desk-user');
    expect(header).toHaveTextContent('张经办');
    expect(header).toHaveTextContent('示例区人民政府办公室');
    expect(header).toHaveTextContent('经办人');
    expect(window.location.pathname).toBe('/');
    expect(fetch.calls.find((c) => c.url === '/api/auth/login')?.body).toEqual({
      username: 'clerk',
      password: 'demo-password',
    });

    fireEvent.click(screen.getByRole('button', { name: /退出登录/ }));
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('restores the session on reload and sends an expired one back to sign-in with a message', async () => {
    const { expire, client } = renderApp(undefined, true);
    expect(await screen.findByTestId('desk-user')).toHaveTextContent('张经办');
    expire();
    // Any route answering 401, from any page, ends the session in the shell.
    await client.get('/cases').catch(() => undefined);
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(screen.getByText('请先登录')).toBeInTheDocument();
  });

  it('switches to English', async () => {
    renderApp();
    await screen.findByRole('heading', { name: '工作人员登录' });
    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
  });

  it('shows 403 for a page the signed-in role may not use', async () => {
    window.history.replaceState({}, '', '/settings');
    renderApp(undefined, true);
    expect(await screen.findByText('您的角色不能使用此页面')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /新增用户|新建/ })).toBeNull();
  });

  it('titles the browser tab by the page from the route table, in the chosen language', async () => {
    renderApp({ body: { user: CLERK } });
    await screen.findByRole('heading', { name: '工作人员登录' });
    await waitFor(() => expect(document.title).toBe('工作人员登录 - 公开 Gongkai'));
    await signIn('clerk', 'demo-password');
    await screen.findByTestId('desk-user');
    await waitFor(() => expect(document.title).toBe('工作台 - 公开 Gongkai'));

    fireEvent.click(screen.getByRole('link', { name: /申请列表/ }));
    await waitFor(() => expect(window.location.pathname).toBe('/cases'));
    await waitFor(() => expect(document.title).toBe('申请列表 - 公开 Gongkai'));

    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));
    await waitFor(() => expect(document.title).toBe('Applications - 公开 Gongkai'));
  });

  it('titles a refused page 403', async () => {
    window.history.replaceState({}, '', '/settings');
    renderApp(undefined, true);
    expect(await screen.findByText('您的角色不能使用此页面')).toBeInTheDocument();
    expect(document.title).toBe('您的角色不能使用此页面 - 公开 Gongkai');
  });

  it('paints the desk grey down the whole page, not one window high', async () => {
    renderApp(undefined, true);
    const shell = await screen.findByTestId('desk-shell');
    expect(shell.style.minHeight).toBe('100vh');
    expect(shell.style.backgroundColor).not.toBe('');
    expect(shell).toContainElement(screen.getByTestId('desk-user'));
  });
});
