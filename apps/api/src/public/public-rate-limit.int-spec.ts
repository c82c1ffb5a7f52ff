import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisThrottlerStorage } from '../common/redis-throttler.storage';
import { apiConfigFromEnv } from '../config/api-config';
import { createTestApp, seedAgency, seedDesk, type TestApp } from '../testing/test-app';

async function withEnv<T>(env: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

const LIMITS = { PUBLIC_READ_RATE_LIMIT: '3', ONLINE_STATUS_RATE_LIMIT: '4' };
const UNKNOWN_CODE = { queryCode: 'ZZZZZZZZZZ', phoneLast4: '0000' };

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

/** Several API instances behind a load balancer: one count per client, kept in Redis. */
describe('rate limits shared by API instances through Redis', () => {
  const prefix = `gongkai-test-shared-${randomUUID().slice(0, 8)}:throttle:`;
  const redis = new Redis(apiConfigFromEnv().redisUrl, { lazyConnect: true });
  let a: TestApp;
  let b: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    [a, b, other] = await withEnv(LIMITS, async () => [
      await createTestApp({ config: { rateLimitPrefix: prefix } }),
      await createTestApp({ config: { rateLimitPrefix: prefix } }),
      // A deployment (or test) with a prefix of its own.
      await createTestApp(),
    ]);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await Promise.all([a.close(), b.close(), other.close()]);
  });

  it('refuses the request past the limit whichever instance it reaches, not twice the limit', async () => {
    const reads: number[] = [];
    for (const t of [a, b, a, b, a])
      reads.push((await t.http().get('/api/public/agencies')).status);
    expect(reads).toEqual([200, 200, 200, 429, 429]);

    const lookups: number[] = [];
    for (const t of [b, a, b, a, b, a]) {
      lookups.push(
        (await t.http().post('/api/public/applications/status').send(UNKNOWN_CODE)).status,
      );
    }
    expect(lookups).toEqual([404, 404, 404, 404, 429, 429]);

    const metrics = await a.http().get('/api/metrics').expect(200);
    expect(metrics.text).toMatch(/^gongkai_rate_limit_fallbacks_total 0$/m);
  });

  it('keeps the counters under the prefix, apart from another prefix’s', async () => {
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith(prefix))).toBe(true);
    // The same client, counted from zero under its own prefix.
    for (let i = 0; i < 3; i++) await other.http().get('/api/public/agencies').expect(200);
    await other.http().get('/api/public/agencies').expect(429);
  });
});

// Nothing listens on port 1: Redis is "stopped" for this API (as in jobs/redis-down.int-spec.ts).
describe('public routes with Redis unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await withEnv(LIMITS, () =>
      createTestApp({
        now: new Date('2025-06-30T02:00:00Z'),
        config: { redisUrl: 'redis://127.0.0.1:1' },
      }),
    );
  });
  afterAll(() => t.close());

  it('fails open: answers 2xx/4xx, never 5xx, and still limits in this process', async () => {
    const reads: number[] = [];
    for (let i = 0; i < 5; i++) reads.push((await t.http().get('/api/public/agencies')).status);
    expect(reads).toEqual([200, 200, 200, 429, 429]);

    const lookup = await t.http().post('/api/public/applications/status').send(UNKNOWN_CODE);
    expect(lookup.status).toBe(404);

    const agency = await seedAgency(t.db);
    const submitted = await t
      .http()
      .post('/api/public/applications')
      .send({
        agencyCode: agency.code,
        applicant: {
          category: 'natural_person',
          name: '王五',
          identityNumber: '11010519491231002X',
          phone: '13912345678',
        },
        information: { description: '请提供某文件' },
        provision: { form: 'paper', delivery: 'pickup' },
        confirmed: true,
      });
    expect(submitted.status).toBe(201);
  });

  it('counts the requests it limited without Redis (gongkai_rate_limit_fallbacks_total)', () => {
    // Read from the storage: a scrape here would also wait for the job queue's Redis.
    expect(t.app.get(RedisThrottlerStorage).fallbacks).toBe(7);
  });
});
