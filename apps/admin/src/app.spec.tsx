import { ApiClient, createFakeFetch, healthAnswer, type FakeHandler } from '@gongkai/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './app';

function renderApp(login: FakeHandler = { status: 404 }) {
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'up'),
    'POST /api/auth/login': login,
    'POST /api/auth/logout': { status: 204 },
  });
  render(<App client={new ApiClient({ fetch })} />);
  return fetch;
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

  it('shows the product name, the sign-in form when signed out, and the health of the stack', async () => {
    const fetch = renderApp();

    expect(screen.getByRole('link', { name: '公开 Gongkai' })).toBeInTheDocument();
    expect(screen.getByText('依申请公开办理平台')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/login');

    await waitFor(() =>
      expect(screen.getByTestId('health-database')).toHaveTextContent('数据库 正常'),
    );
    expect(screen.getByTestId('health-redis')).toHaveTextContent('Redis 正常');
    expect(fetch.calls.some((c) => c.url === '/api/health')).toBe(true);
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

  it('signs in to the workbench and signs out again', async () => {
    const fetch = renderApp({
      body: {
        username: 'clerk',
        displayName: '张经办',
        agencyName: '示例区人民政府办公室',
        roles: ['clerk'],
      },
    });
    await signIn('clerk', 'demo-password');

    expect(await screen.findByText('已登录：张经办 · 示例区人民政府办公室')).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(fetch.calls.find((c) => c.url === '/api/auth/login')?.body).toEqual({
      username: 'clerk',
      password: 'demo-password',
    });

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { name: '工作人员登录' })).toBeInTheDocument();
    expect(fetch.calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('switches to English', async () => {
    renderApp();
    await screen.findByRole('heading', { name: '工作人员登录' });
    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));
    expect(await screen.findByRole('heading', { name: 'Staff sign-in' })).toBeInTheDocument();
    expect(screen.getByText('Disclosure-on-request desk')).toBeInTheDocument();
  });
});
