import { randomUUID } from 'node:crypto';
import { createTestApp, seedDesk, type TestApp } from './testing/test-app';

/**
 * Every route of the OpenAPI document × every role (and no session): a route that is not public
 * answers 401 without a session; none ever answers 5xx to a request with unknown ids and an empty
 * body — bad input is the clerk's mistake (4xx), never the server's.
 */
const PUBLIC_PREFIXES = [
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/public/',
  '/api/metrics',
];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function concrete(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === 'year') return '2025';
    if (name === 'n' || name === 'version') return '1';
    if (name === 'kind') return 'decision';
    if (/code/i.test(name)) return 'no-such-agency';
    return randomUUID();
  });
}

describe('every route × every role', () => {
  let t: TestApp;
  let routes: { method: (typeof METHODS)[number]; path: string }[];
  let cookies: Record<'clerk' | 'leader' | 'auditor' | 'admin', string>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
    cookies = (await seedDesk(t)).cookies;
    const doc = (await t.http().get('/api/docs/json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => m in ops).map((method) => ({ method, path })),
    );
  });
  afterAll(() => t.close());

  it('documents the routes it checks', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers 401 without a session on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      if (PUBLIC_PREFIXES.some((p) => path.startsWith(p))) continue;
      const res = await t.http()[method](concrete(path)).send({});
      if (res.status !== 401) wrong.push(`${method.toUpperCase()} ${path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 5xx, whoever asks', async () => {
    const wrong: string[] = [];
    for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
      for (const { method, path } of routes) {
        const res = await t.http()[method](concrete(path)).set('Cookie', cookies[role]).send({});
        if (res.status >= 500)
          wrong.push(`${role} ${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
