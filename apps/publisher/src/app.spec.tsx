import { ApiClient, createFakeFetch, healthAnswer, type FakeHandler } from '@gongkai/ui';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from './app';

function renderApp(login: FakeHandler = { status: 404 }) {
  const fetch = createFakeFetch({
    'GET /api/health': healthAnswer('up', 'down'),
    'POST /api/auth/login': login,
  });
  render(<App client={new ApiClient({ fetch })} />);
  return fetch;
}

describe('publisher shell', () => {
  beforeEach(() => {
    window.localStorage.clear();
    window.history.replaceState({}, '', '/');
  });

  it('shows the public landing page with its three sections, the staff link and no server state', async () => {
    const fetch = renderApp();

    expect(screen.getByRole('link', { name: '公开 Gongkai' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: '政府信息公开' }),
    ).toBeInTheDocument();
    for (const name of ['年度报告', '网上申请', '申请查询']) {
      expect(screen.getByRole('region', { name: new RegExp(name) })).toBeInTheDocument();
    }
    expect(screen.getByRole('region', { name: /网上申请/ })).toHaveTextContent('查询码');
    expect(screen.getByRole('link', { name: /工作人员登录/ })).toHaveAttribute('href', '/studio');

    // The footer tells citizens nothing about the servers, even when Redis is down.
    expect(screen.queryByTestId('health-redis')).toBeNull();
    expect(screen.queryByTestId('health-database')).toBeNull();
    expect(screen.queryByText(/Redis|数据库/)).toBeNull();
    expect(fetch.calls.some((c) => c.url === '/api/health')).toBe(false);
  });

  it("goes to the studio's sign-in and shows the API's message on refusal", async () => {
    renderApp({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' },
    });
    fireEvent.click(await screen.findByRole('link', { name: /工作人员登录/ }));

    expect(
      await screen.findByRole('heading', { name: '报告编制 · 工作人员登录' }),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'leader' } });
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
  });

  it('switches the landing page to English', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: '政府信息公开' });
    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Government information disclosure' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: /Apply online/ })).toBeInTheDocument();
  });

  it('titles the browser tab by the page from the site table, in the chosen language', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: '政府信息公开' });
    await waitFor(() => expect(document.title).toBe('政府信息公开 - 公开 Gongkai'));

    fireEvent.click(screen.getByRole('link', { name: '网上申请' }));
    await waitFor(() => expect(window.location.pathname).toBe('/apply'));
    await waitFor(() => expect(document.title).toBe('网上申请 - 公开 Gongkai'));

    fireEvent.click(screen.getByRole('button', { name: '切换语言' }));
    await waitFor(() => expect(document.title).toBe('Apply online - 公开 Gongkai'));
  });

  it('titles a page the site does not have as not found', async () => {
    window.history.replaceState({}, '', '/no-such-page');
    renderApp();
    await waitFor(() => expect(document.title).toBe('页面不存在 - 公开 Gongkai'));
  });
});
