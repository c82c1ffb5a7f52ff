import { createTestApp, registerCase, seedDesk, type TestApp } from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');
const POOL = 2;

/**
 * Registrations of one agency queue on its register lock, each holding a pool connection while it
 * waits. The lock holder must finish on its own connection: when it asked for another one for its
 * first view, three registrations on a pool of two waited for each other for ever.
 */
describe('concurrent registrations on a small connection pool', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW, config: { databasePoolSize: POOL } });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  it('registers more applications at once than the pool has connections, each with its own ref', async () => {
    const cases = await Promise.all(
      Array.from({ length: POOL * 3 }, (_, i) =>
        registerCase(t, desk.cookies.clerk, {
          receivedOn: '2025-06-20',
          channel: 'online',
          applicant: { category: 'natural_person', name: `并发申请人${i}` },
          request: '申请公开本机关2024年度部门预算',
        }),
      ),
    );
    expect(new Set(cases.map((c) => c.ref)).size).toBe(POOL * 3);
  });
});
