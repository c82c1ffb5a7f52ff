import { apiConfigFromEnv } from '../config/api-config';
import { createTestApp, seedDesk, TEST_PASSWORD, type TestApp } from '../testing/test-app';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 8 of issue 16: no CSP, no frame protection, no HSTS, `X-Powered-By: Express`, a
 * cookie never `Secure` even behind a TLS proxy, /api/metrics and /api/docs open to anyone, and
 * the API listening on every interface by default.
 */
describe('security headers and exposed endpoints', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ config: { trustProxy: 'loopback', metricsToken: null } });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  it('sends a strict CSP, frame protection and nosniff on every answer, and no X-Powered-By', async () => {
    for (const path of ['/api/health', '/api/auth/me', '/api/no-such-route']) {
      const res = await t.http().get(path);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS and a Secure __Host- cookie only when the request came over TLS through a trusted proxy', async () => {
    const plain = await t
      .http()
      .post('/api/auth/login')
      .send({ username: desk.users.clerk.username, password: TEST_PASSWORD })
      .expect(200);
    expect(String(plain.headers['set-cookie'])).toMatch(/^gongkai_session=/);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/i);

    const tls = await t
      .http()
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: desk.users.clerk.username, password: TEST_PASSWORD })
      .expect(200);
    expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const cookie = String(tls.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-gongkai_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//);
    const session = cookie.split(';')[0] as string;
    await t
      .http()
      .get('/api/auth/me')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', session)
      .expect(200);
  });

  it('ignores X-Forwarded-Proto when no proxy is trusted', async () => {
    const untrusting = await createTestApp();
    try {
      const res = await untrusting
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-Proto', 'https')
        .send({ username: desk.users.clerk.username, password: TEST_PASSWORD })
        .expect(200);
      expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await untrusting.close();
    }
  });

  it('serves /api/metrics to loopback only when no METRICS_TOKEN is set', async () => {
    await t.http().get('/api/metrics').expect(200);
    const remote = await t.http().get('/api/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(remote.status).toBe(403);
  });

  it('serves /api/metrics to anyone with the token when one is set', async () => {
    const tokened = await createTestApp({
      config: { trustProxy: 'loopback', metricsToken: 'metrics-secret-1' },
    });
    try {
      await tokened.http().get('/api/metrics').set('X-Forwarded-For', '203.0.113.9').expect(401);
      await tokened
        .http()
        .get('/api/metrics')
        .set('X-Forwarded-For', '203.0.113.9')
        .set('Authorization', 'Bearer metrics-secret-1')
        .expect(200);
    } finally {
      await tokened.close();
    }
  });

  it('keeps /api/docs behind sign-in in production', async () => {
    const production = await createTestApp({ config: { docsNeedSession: true } });
    try {
      await production.http().get('/api/docs/json').expect(401);
      await production.http().get('/api/docs').expect(401);
      const cookie = (
        await production
          .http()
          .post('/api/auth/login')
          .send({ username: desk.users.auditor.username, password: TEST_PASSWORD })
          .expect(200)
      ).headers['set-cookie'] as unknown as string[];
      await production
        .http()
        .get('/api/docs/json')
        .set('Cookie', cookie.map((c) => c.split(';')[0]).join('; '))
        .expect(200);
    } finally {
      await production.close();
    }
  });

  it('binds to 127.0.0.1 unless API_HOST says otherwise, and reads the new settings', () => {
    expect(apiConfigFromEnv({}).host).toBe('127.0.0.1');
    expect(apiConfigFromEnv({ API_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    const production = apiConfigFromEnv({ NODE_ENV: 'production', METRICS_TOKEN: 's' });
    expect(production).toMatchObject({ docsNeedSession: true, metricsToken: 's' });
    expect(apiConfigFromEnv({}).webOrigins).toEqual([
      'http://127.0.0.1:4200',
      'http://127.0.0.1:4300',
      'http://localhost:4200',
      'http://localhost:4300',
    ]);
  });
});
