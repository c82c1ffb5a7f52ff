import { createFakeFetch } from '../testing/fake-fetch';
import { ApiClient } from './api-client';
import { ApiError, NETWORK_ERROR_STATUS } from './api-error';

describe('ApiClient', () => {
  it('sends JSON to /api with the session cookie and returns the parsed body', async () => {
    const fetch = createFakeFetch({ 'POST /api/cases': { status: 201, body: { id: 'c1' } } });
    const client = new ApiClient({ fetch });

    await expect(client.post('/cases', { title: '申请' })).resolves.toEqual({ id: 'c1' });
    expect(fetch.calls).toEqual([
      { method: 'POST', url: '/api/cases', body: { title: '申请' }, credentials: 'include' },
    ]);
  });

  it('builds query strings and drops undefined values', () => {
    const client = new ApiClient({ baseUrl: '/api/' });
    expect(client.url('cases', { year: 2023, state: undefined, q: '公开 信息' })).toBe(
      '/api/cases?year=2023&q=%E5%85%AC%E5%BC%80+%E4%BF%A1%E6%81%AF',
    );
  });

  it("turns the API's error body into an ApiError with its Chinese message and field errors", async () => {
    const fetch = createFakeFetch({
      'POST /api/auth/login': {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: '输入有误：username 不能为空',
          fieldErrors: [{ field: 'username', message: '不能为空' }],
        },
      },
    });
    const error = await new ApiClient({ fetch }).post('/auth/login', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.message).toBe('输入有误：username 不能为空');
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('Bad Request');
    expect(apiError.fieldErrors).toEqual([{ field: 'username', message: '不能为空' }]);
    expect(apiError.fieldMessage('username')).toBe('不能为空');
  });

  it('gives a Chinese message when the answer is not the API error body', async () => {
    const fetch = createFakeFetch({
      'GET /api/health': {
        status: 502,
        body: '<html>Bad Gateway</html>',
        contentType: 'text/html',
      },
    });
    await expect(new ApiClient({ fetch }).get('/health')).rejects.toMatchObject({
      status: 502,
      message: '服务暂时不可用，请稍后重试',
    });
  });

  it('reports a failed request as a network error', async () => {
    const fetch = createFakeFetch({ 'GET /api/health': 'network-error' });
    await expect(new ApiClient({ fetch }).get('/health')).rejects.toMatchObject({
      status: NETWORK_ERROR_STATUS,
      message: '无法连接服务器，请检查网络或稍后重试',
    });
  });

  it('returns undefined for an empty answer', async () => {
    const fetch = createFakeFetch({ 'POST /api/auth/logout': { status: 204 } });
    await expect(new ApiClient({ fetch }).post('/auth/logout')).resolves.toBeUndefined();
  });
});
