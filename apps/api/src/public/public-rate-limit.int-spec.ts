import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

/** DESIGN.md "Security": the public endpoints are rate-limited; signed-in routes are not. */
describe('rate limit of the public report site', () => {
  let t: TestApp;
  const saved = process.env['PUBLIC_READ_RATE_LIMIT'];

  beforeAll(async () => {
    process.env['PUBLIC_READ_RATE_LIMIT'] = '3';
    t = await createTestApp();
  });
  afterAll(async () => {
    if (saved === undefined) Reflect.deleteProperty(process.env, 'PUBLIC_READ_RATE_LIMIT');
    else process.env['PUBLIC_READ_RATE_LIMIT'] = saved;
    await t.close();
  });

  it('answers 429 with a message once a client passes a route’s limit, and keeps signed-in routes open', async () => {
    for (let i = 0; i < 3; i++) await t.http().get('/api/public/agencies').expect(200);
    const limited = await t.http().get('/api/public/agencies').expect(429);
    expect(limited.body.message).toBe('操作过于频繁，请稍后再试');
    const desk = await seedDesk(t);
    for (let i = 0; i < 5; i++) {
      await t.http().get('/api/auth/me').set('Cookie', desk.cookies.clerk).expect(200);
    }
  });
});
