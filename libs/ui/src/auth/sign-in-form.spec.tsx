import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiClient } from '../api/api-client';
import { ApiClientProvider } from '../api/api-client.context';
import { I18nProvider } from '../i18n/i18n.context';
import { createFakeFetch, type FakeHandler } from '../testing/fake-fetch';
import { SignInForm } from './sign-in-form';

function renderForm(handler: FakeHandler) {
  const fetch = createFakeFetch({ 'POST /api/auth/login': handler });
  const onSignedIn = jest.fn();
  render(
    <I18nProvider initialLocale="zh-CN">
      <ApiClientProvider client={new ApiClient({ fetch })}>
        <SignInForm onSignedIn={onSignedIn} />
      </ApiClientProvider>
    </I18nProvider>,
  );
  return { fetch, onSignedIn };
}

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('SignInForm', () => {
  it('posts the credentials and hands over the signed-in user', async () => {
    const { fetch, onSignedIn } = renderForm({
      body: {
        username: 'clerk',
        displayName: '张经办',
        agencyName: '示例区人民政府办公室',
        roles: ['clerk'],
      },
    });
    fillAndSubmit('clerk', 'secret');

    await waitFor(() => expect(onSignedIn).toHaveBeenCalled());
    expect(onSignedIn).toHaveBeenCalledWith({
      username: 'clerk',
      displayName: '张经办',
      agencyName: '示例区人民政府办公室',
      roles: ['clerk'],
    });
    expect(fetch.calls[0]).toEqual({
      method: 'POST',
      url: '/api/auth/login',
      body: { username: 'clerk', password: 'secret' },
      credentials: 'include',
    });
  });

  it("shows the API's message when sign-in is refused", async () => {
    const { onSignedIn } = renderForm({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' },
    });
    fillAndSubmit('clerk', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('asks for both fields before calling the API', async () => {
    const { fetch } = renderForm({ body: {} });
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(await screen.findByText('请输入密码')).toBeInTheDocument();
    expect(fetch.calls).toHaveLength(0);
  });
});
