/** One canned answer: status (200 by default) and a JSON body. */
export interface FakeAnswer {
  status?: number;
  body?: unknown;
  contentType?: string;
}

export interface FakeRequest {
  method: string;
  url: string;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

export type FakeHandler =
  FakeAnswer | 'network-error' | ((request: FakeRequest) => FakeAnswer | Promise<FakeAnswer>);

export type FakeFetch = typeof fetch & { calls: FakeRequest[] };

/**
 * A `fetch` for component tests (jsdom has none): routes are keyed `'GET /api/health'`; anything
 * else answers 404 in the API's error shape. Every request is recorded in `calls`.
 */
export function createFakeFetch(routes: Record<string, FakeHandler>): FakeFetch {
  const calls: FakeRequest[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init.method ?? 'GET').toUpperCase();
    const request: FakeRequest = {
      method,
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
    };
    calls.push(request);
    const handler = routes[`${method} ${url.split('?')[0]}`];
    if (handler === 'network-error') throw new TypeError('Failed to fetch');
    const answer: FakeAnswer =
      handler === undefined
        ? {
            status: 404,
            body: { statusCode: 404, error: 'Not Found', message: `Cannot ${method} ${url}` },
          }
        : typeof handler === 'function'
          ? await handler(request)
          : handler;
    return fakeResponse(answer);
  };
  return Object.assign(fake, { calls }) as FakeFetch;
}

function fakeResponse({
  status = 200,
  body,
  contentType = 'application/json; charset=utf-8',
}: FakeAnswer): Response {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name: string) => (name.toLowerCase() === 'content-type' ? contentType : null),
    },
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

/** Terminus' answer with both services in the given states (503 when one is down). */
export function healthAnswer(database: 'up' | 'down', redis: 'up' | 'down'): FakeAnswer {
  const details = { database: { status: database }, redis: { status: redis } };
  const ok = database === 'up' && redis === 'up';
  return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'error', details } };
}
