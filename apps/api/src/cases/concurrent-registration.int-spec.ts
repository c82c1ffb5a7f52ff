import { randomUUID } from 'node:crypto';
import { Client, type Pool } from 'pg';
import type { Response } from 'supertest';
import { apiConfigFromEnv } from '../config/api-config';
import { createTestApp, login, seedAgency, seedUser, type TestApp } from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');
const POOL = 2;
const REGISTRATIONS = POOL * 3;
/** Longer than six registrations take on a busy machine; shorter than the test's own limit. */
const HANG_MS = 60_000;
const HUNG =
  'registrations hung: a second pool connection is taken while the register lock is held';

/** The database URL with an application_name of this file's own, so it ends only its backends. */
function tagged(url: string, applicationName: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', applicationName);
  return u.toString();
}

const application = (i: number) => ({
  receivedOn: '2025-06-20',
  channel: 'online',
  applicant: { category: 'natural_person', name: `并发申请人${i}` },
  request: '申请公开本机关2024年度部门预算',
});

/**
 * Registrations of one agency queue on its register lock (pg_advisory_xact_lock), each holding a
 * pool connection while it waits. The lock holder must finish on its own connection: when it
 * asked the pool for another one for its first view, registrations outnumbering the pool waited
 * for each other for ever.
 *
 * Cold start: what the test needs is seeded by an app of its own, which is closed; the
 * registrations are then the very first requests of a fresh app on a pool of two, so no earlier
 * request has warmed a cache (calendar, session scope) that would spare a query on that path.
 */
describe('concurrent registrations on a pool of two, as the first requests of a fresh app', () => {
  const applicationName = `gk-regpool-${randomUUID().slice(0, 8)}`;
  const names = [applicationName, `${applicationName}-seed`];
  const env = apiConfigFromEnv();
  let monitor: Client;
  let cookie: string;
  let t: TestApp | undefined;
  let pending: Promise<unknown> | undefined;

  /** Ends this file's backends (the app's and the seeding app's), never anyone else's. */
  const endOwnBackends = () =>
    monitor.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = ANY($1) AND pid <> pg_backend_pid()`,
      [names],
    );

  beforeAll(async () => {
    monitor = new Client({
      connectionString: tagged(env.databaseUrl, `${applicationName}-monitor`),
    });
    await monitor.connect();
    // Seeding: an agency, a clerk and the clerk's session, by an app that is closed before the
    // app under test starts.
    const seeding = await createTestApp({
      now: NOW,
      config: { databaseUrl: tagged(env.databaseUrl, `${applicationName}-seed`) },
    });
    try {
      const agency = await seedAgency(seeding.db);
      const clerk = await seedUser(seeding.db, { agency, roles: ['clerk'] });
      cookie = await login(seeding, clerk.username);
    } finally {
      await seeding.close();
    }
  });

  afterAll(async () => {
    if (t) {
      // A hung run: end its backends first, so the stuck requests answer and the app can close.
      for (let round = 0; pending && round < 10; round++) {
        await endOwnBackends();
        const settled = await Promise.race([
          pending.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
        ]);
        if (settled) break;
      }
      await t.close();
    }
    // Whatever is left of this file's connections holds no lock past it.
    await endOwnBackends();
    await monitor.end();
  });

  it(
    'registers six applications at once, each 201 with its own ref, on at most two connections',
    async () => {
      t = await createTestApp({
        now: NOW,
        config: { databaseUrl: tagged(env.databaseUrl, applicationName), databasePoolSize: POOL },
      });
      const app = t;
      const pool = (app.db.driver as unknown as { master: Pool }).master;
      expect(pool.options.max).toBe(POOL);
      // No idle connection is closed and reopened during the run, so every one opened counts.
      pool.options.idleTimeoutMillis = 0;
      const openAtStart = pool.totalCount;
      let opened = 0;
      let peakOpen = pool.totalCount;
      let peakWaiting = 0;
      const observe = () => {
        peakOpen = Math.max(peakOpen, pool.totalCount);
        peakWaiting = Math.max(peakWaiting, pool.waitingCount);
      };
      pool.on('connect', () => {
        opened++;
        observe();
      });
      pool.on('acquire', observe);

      let answered = 0;
      const requests = Array.from({ length: REGISTRATIONS }, (_, i) =>
        app
          .http()
          .post('/api/cases')
          .set('Cookie', cookie)
          .send(application(i))
          .then((res) => {
            answered++;
            observe();
            return res;
          }),
      );
      const all = Promise.all(requests);
      pending = Promise.allSettled(requests);

      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<'hung'>((resolve) => {
        timer = setTimeout(() => resolve('hung'), HANG_MS);
      });
      const outcome = await Promise.race([all, hung]).finally(() => clearTimeout(timer));
      if (outcome === 'hung') {
        const backends = (await monitor.query(
          `SELECT state, coalesce(wait_event_type || ':' || wait_event, '-') AS waits
             FROM pg_stat_activity WHERE application_name = $1 ORDER BY backend_start`,
          [applicationName],
        )) as { rows: { state: string; waits: string }[] };
        throw new Error(
          `${HUNG} (after ${HANG_MS / 1000} s: ${answered} of ${REGISTRATIONS} answered; ` +
            `pool of ${POOL}: ${pool.totalCount} open, ${pool.waitingCount} waiting; backends: ` +
            `${backends.rows.map((b) => `${b.state} ${b.waits}`).join(', ') || 'none'})`,
        );
      }
      pending = undefined;
      const responses = outcome as Response[];
      expect(responses.map((r) => [r.status, r.status === 201 ? '' : r.body])).toEqual(
        responses.map(() => [201, '']),
      );
      const refs = responses.map((r) => (r.body as { case: { ref: string } }).case.ref);
      expect(new Set(refs).size).toBe(REGISTRATIONS);
      // The pool of two was the only way to the database: no more than two connections were
      // ever opened, and the registrations outnumbered them (some waited for a connection).
      expect(openAtStart + opened).toBeLessThanOrEqual(POOL);
      expect(peakOpen).toBeLessThanOrEqual(POOL);
      expect(peakWaiting).toBeGreaterThan(0);
    },
    HANG_MS + 30_000,
  );
});
