import { getQueueToken } from '@nestjs/bullmq';
import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents, type Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { JOB_SCHEDULE_TIMEZONE, QUEUE_NAME } from '@gongkai/contracts';
import {
  CaseEntity,
  createDataSource,
  ensureAgency,
  UserEntity,
  type AlertMailer,
} from '@gongkai/persistence';
import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import type { Redis } from 'ioredis';
import { HEARTBEAT_KEY } from './jobs/heartbeat.handler';
import { QueueProcessor } from './jobs/queue.processor';
import { WORKER_REDIS } from './redis.provider';
import { createWorkerTestDatabase } from './testing/worker-test-database';
import { ManualClock, todayOf } from './worker-clock';
import { WorkerModule } from './worker.module';
import { redisConnection, workerConfigFromEnv, type WorkerConfig } from './worker-config';

/** 00:00:30 on `date` in Shanghai. */
const shanghai = (date: string) => new Date(`${date}T00:00:30+08:00`);

describe('worker on real Redis and PostgreSQL', () => {
  let database: { url: string; drop: () => Promise<void> };
  let config: WorkerConfig;
  let db: DataSource;
  let app: INestApplicationContext | null = null;
  let events: QueueEvents;
  const clock = new ManualClock(shanghai('2025-03-05'));
  const mail: string[] = [];
  const mailer: AlertMailer = { send: async (m) => void mail.push(`${m.to} ${m.subject}`) };
  let transitions: CaseTransitionService;
  let agencyId: string;

  beforeAll(async () => {
    database = await createWorkerTestDatabase();
    config = {
      ...workerConfigFromEnv(),
      databaseUrl: database.url,
      queuePrefix: `gongkai-test-worker-${process.pid}`,
      concurrency: 3,
    };
    db = await createDataSource(database.url).initialize();
    transitions = new CaseTransitionService(db, { today: () => todayOf(clock) });
    agencyId = (await ensureAgency(db.manager, { code: 'worker-test', name: '测试机关' })).agency
      .id;
    events = new QueueEvents(QUEUE_NAME, {
      connection: redisConnection(config.redisUrl),
      prefix: config.queuePrefix,
    });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    if (app) {
      await app.get<Queue>(getQueueToken(QUEUE_NAME)).obliterate({ force: true });
      await app.close();
    }
    await events.close();
    await db.destroy();
    await database.drop();
  });

  const startWorker = async () => {
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(config, { clock, mailer }),
      { logger: false },
    );
    await app.init();
    return app;
  };
  const queue = () => {
    if (!app) throw new Error('worker not started');
    return app.get<Queue>(getQueueToken(QUEUE_NAME));
  };
  const run = async (name: string, data: object = {}) => {
    const job = await queue().add(name, data);
    return job.waitUntilFinished(events, 20_000);
  };
  // Up to 30 s: a worker's first job waits for its connections, slow on a busy two-core host.
  const waitFor = async (condition: () => Promise<boolean>) => {
    for (let i = 0; i < 300; i++) {
      if (await condition()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('condition never held');
  };
  const load = (id: string) => db.getRepository(CaseEntity).findOneByOrFail({ id });
  const alertsOf = (caseId: string) =>
    db.query(
      `SELECT kind, count(*)::int AS n FROM notifications WHERE case_id = $1 GROUP BY kind ORDER BY kind`,
      [caseId],
    );

  it('catches up on a deadline that lapsed while no worker (and no Redis) was running', async () => {
    const { case: c } = await transitions.register(
      {
        agencyId,
        receivedOn: '2025-03-03',
        channel: 'online',
        applicant: { category: 'natural_person', name: '孙八' },
      },
      SYSTEM_ACTOR,
    );
    await transitions.apply(
      c.id,
      { type: 'REQUEST_SUPPLEMENT', on: '2025-03-05', items: ['身份证明'], dueOn: '2025-03-20' },
      { id: 'clerk-1', role: 'clerk' },
    );
    // Weeks pass with nothing consuming the queue; the deadline lives only in PostgreSQL.
    clock.set(shanghai('2025-04-10'));
    await startWorker();

    // The worker sweeps at start-up, not at the next minute: a job of its own, not the scheduler's.
    const startUp = (await queue().getJobs(['waiting', 'active', 'completed'])).filter(
      (j) => j.name === 'deadlines.sweep' && !j.repeatJobKey,
    );
    expect(startUp).toHaveLength(1);
    await waitFor(async () => (await load(c.id)).closed);
    expect(await load(c.id)).toMatchObject({
      closed: true,
      outcome: 'other.supplement_overdue',
      decidedOn: '2025-03-21',
    });
    // Delivered again (at least once): nothing more happens.
    expect(((await run('deadlines.sweep')) as { applied: number }).applied).toBe(0);
    expect(
      (
        (await db.query(
          `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = 'SUPPLEMENT_OVERDUE'`,
          [c.id],
        )) as { n: number }[]
      )[0].n,
    ).toBe(1);
  });

  it('upserts the recurring jobs as cron schedules in Asia/Shanghai', async () => {
    const schedulers = await queue().getJobSchedulers();
    const byName = Object.fromEntries(schedulers.map((s) => [s.name, s]));
    expect(byName['deadlines.sweep']).toMatchObject({
      pattern: '* * * * *',
      tz: JOB_SCHEDULE_TIMEZONE,
    });
    expect(byName['alerts.daily']).toMatchObject({
      pattern: '5 0 * * *',
      tz: JOB_SCHEDULE_TIMEZONE,
    });
    expect(byName['year.close']).toMatchObject({
      pattern: '10 0 1 1 *',
      tz: JOB_SCHEDULE_TIMEZONE,
    });
  });

  it('raises the daily alerts once, e-mailing them through the mailer', async () => {
    const users = db.getRepository(UserEntity);
    const leader = await users.save(
      users.create({
        username: 'worker-test-leader',
        displayName: '负责人',
        passwordHash: 'x',
        roles: ['leader'],
        agencyId,
        subtreeScope: false,
      }),
    );
    await db.query('UPDATE users SET email = $2 WHERE id = $1', [
      leader.id,
      'leader@example.gov.cn',
    ]);
    const { case: c } = await transitions.register(
      {
        agencyId,
        receivedOn: '2025-04-01',
        channel: 'online',
        applicant: { category: 'natural_person', name: '周九' },
      },
      SYSTEM_ACTOR,
    );
    clock.set(new Date(`${c.answerDueOn}T00:05:00+08:00`));
    // The minute sweep (scheduled in real time) may have raised it first; the daily job mails it.
    const first = (await run('alerts.daily')) as { created: number; emailed: number };
    expect(first).toMatchObject({ emailed: 1 });
    expect(mail).toEqual([expect.stringContaining('leader@example.gov.cn')]);
    const again = (await run('alerts.daily')) as { created: number; emailed: number };
    expect(again).toMatchObject({ created: 0, emailed: 0 });
    expect(await alertsOf(c.id)).toEqual([{ kind: 'answer_due_soon', n: 1 }]);
  });

  it('raises alerts in the minute sweep, once per case and stage, without e-mail', async () => {
    const { case: c } = await transitions.register(
      {
        agencyId,
        receivedOn: '2025-04-01',
        channel: 'in_person',
        applicant: { category: 'natural_person', name: '吴十' },
      },
      SYSTEM_ACTOR,
    );
    const sent = mail.length;
    // A fresh install whose case is already overdue: no 00:05 job has run yet.
    clock.set(new Date(`${c.answerDueOn}T10:00:00+08:00`));
    await run('deadlines.sweep');
    expect(await alertsOf(c.id)).toEqual([{ kind: 'answer_due_soon', n: 1 }]);
    clock.set(shanghai('2025-06-02'));
    const overdue = (await run('deadlines.sweep')) as { alertsCreated: number };
    expect(overdue.alertsCreated).toBeGreaterThanOrEqual(1);
    expect(await alertsOf(c.id)).toEqual([
      { kind: 'answer_due_soon', n: 1 },
      { kind: 'answer_overdue', n: 1 },
    ]);
    await run('deadlines.sweep');
    expect(await alertsOf(c.id)).toEqual([
      { kind: 'answer_due_soon', n: 1 },
      { kind: 'answer_overdue', n: 1 },
    ]);
    expect(mail.length).toBe(sent);
  });

  it('closes the year that just ended on 1 January, once', async () => {
    const open = await db.query(`SELECT id FROM cases WHERE NOT closed`);
    expect(open.length).toBeGreaterThan(0);
    clock.set(new Date('2026-01-01T00:10:00+08:00'));
    const first = (await run('year.close')) as { year: number; marked: number };
    expect(first).toMatchObject({ year: 2025, marked: open.length });
    const second = (await run('year.close', { year: 2025 })) as { marked: number };
    expect(second.marked).toBe(0);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM case_events WHERE type = 'YEAR_CLOSED'`,
    )) as { n: number }[];
    expect(n).toBe(open.length);
  });

  it('runs as many jobs at once as WORKER_CONCURRENCY says', () => {
    expect(app?.get(QueueProcessor).worker.concurrency).toBe(3);
  });

  it('runs the heartbeat through its registered handler', async () => {
    const result = (await run('worker.heartbeat')) as { at: string };
    const redis = app?.get<Redis>(WORKER_REDIS);
    expect(await redis?.get(HEARTBEAT_KEY)).toBe(result.at);
  });

  it('imports a ledger through its registered handler with progress, and fails an unreadable file at once', async () => {
    const line = (ref: string) =>
      JSON.stringify({
        ref,
        receivedOn: '2025-03-03',
        channel: 'online',
        applicant: { category: 'natural_person' },
        outcome: 'disclosed',
        decidedOn: '2025-03-20',
      });
    const data = { agencyId, actorId: 'system', jsonl: [line('L-1'), line('L-2')].join('\n') };
    const job = await queue().add('ledger.import', data);
    expect(await job.waitUntilFinished(events, 20_000)).toMatchObject({
      committed: true,
      imported: 2,
      rejected: [],
    });
    expect((await queue().getJob(job.id ?? ''))?.progress).toEqual({
      phase: 'importing',
      done: 2,
      total: 2,
    });
    // Delivered again: every line is found by its ref, nothing is written twice.
    expect(await run('ledger.import', data)).toMatchObject({ imported: 0, unchanged: 2 });

    const unreadable = await queue().add(
      'ledger.import',
      { agencyId, actorId: 'system', xlsxBase64: Buffer.from('not a workbook').toString('base64') },
      { attempts: 3 },
    );
    await expect(unreadable.waitUntilFinished(events, 20_000)).rejects.toThrow(
      '无法读取 Excel 台账',
    );
    expect((await queue().getJob(unreadable.id ?? ''))?.attemptsMade).toBe(1);
  });
});
