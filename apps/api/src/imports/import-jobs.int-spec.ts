import { UnrecoverableError, Worker, type Job, type Queue } from 'bullmq';
import ExcelJS from 'exceljs';
import {
  ledgerImportProgressSchema,
  QUEUE_NAME,
  type JobView,
  type LedgerImportJobData,
  type LedgerImportProgress,
} from '@gongkai/contracts';
import {
  CaseTransitionService,
  importLedgerFile,
  UnreadableLedgerError,
} from '@gongkai/application';
import { createJobsTestApp } from '../jobs/jobs-test-app';
import { JobsQueue } from '../jobs/jobs-queue';
import { JobsService } from '../jobs/jobs.service';
import { seedDesk } from '../testing/test-app';
import { caseCount, ledgerLine } from './ledger-lines.testing';

/**
 * POST /api/imports/jobs on real Redis and PostgreSQL. The API may not import the worker app, so
 * a BullMQ worker here runs what the worker's LedgerImportHandler runs (importLedgerFile with
 * progress); apps/worker/src/worker.int-spec.ts runs the handler itself through WorkerModule.
 */
describe('ledger imports as background jobs', () => {
  let t: Awaited<ReturnType<typeof createJobsTestApp>>;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let worker: Worker;
  const progress = new Map<string, LedgerImportProgress[]>();
  // Attempts to fail after the import has committed, as a worker that crashes before completing.
  const crashAfterCommit = new Set<string>();

  beforeAll(async () => {
    t = await createJobsTestApp();
    desk = await seedDesk(t);
    const transitions = t.app.get(CaseTransitionService, { strict: false });
    const u = new URL(t.config.redisUrl);
    worker = new Worker(
      QUEUE_NAME,
      async (job: Job<LedgerImportJobData>) => {
        const { agencyId, actorId, jsonl, xlsxBase64, skipInvalid } = job.data;
        const report = await importLedgerFile(
          t.db,
          transitions,
          { jsonl, xlsxBase64 },
          {
            agencyId,
            actorId,
            skipInvalid,
            onProgress: async (p) => {
              progress.set(job.id ?? '', [...(progress.get(job.id ?? '') ?? []), p]);
              await job.updateProgress(ledgerImportProgressSchema.parse(p));
            },
          },
        ).catch((error: unknown) => {
          if (error instanceof UnreadableLedgerError) throw new UnrecoverableError(error.message);
          throw error;
        });
        if (crashAfterCommit.delete(job.id ?? '')) throw new Error('worker lost after commit');
        return report;
      },
      {
        connection: { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null },
        prefix: t.config.queuePrefix,
      },
    );
  });
  afterAll(async () => {
    await worker.close();
    await t.app.get(JobsQueue).use((q: Queue) => q.obliterate({ force: true }));
    await t.close();
  });

  const line = ledgerLine;
  const count = (agencyId: string) => caseCount(t.db, agencyId);
  const start = async (body: object, cookie = desk.cookies.clerk) =>
    (await t.http().post('/api/imports/jobs').set('Cookie', cookie).send(body).expect(202))
      .body as {
      jobId: string;
    };
  const finished = (job: JobView) => job.state === 'completed' || job.state === 'failed';
  /** Polls GET /api/jobs/:id as the desk does. */
  const waitFor = async (
    id: string,
    done: (job: JobView) => boolean = finished,
    cookie = desk.cookies.clerk,
  ): Promise<JobView> => {
    for (let i = 0; i < 200; i++) {
      const res = await t.http().get(`/api/jobs/${id}`).set('Cookie', cookie);
      if (res.status === 200 && done(res.body)) return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} never finished`);
  };

  it('imports a ledger in the background, reporting progress to 100 % and the report as result', async () => {
    const jsonl = [
      line('2025-001'),
      line('2025-002', { outcome: null, decidedOn: undefined }),
      line('2025-003', { channel: 'post' }),
    ].join('\n');
    const { jobId } = await start({ jsonl });
    expect(jobId).toMatch(/^ledger\.import__/);
    const job = await waitFor(jobId, finished);
    expect(job).toMatchObject({ name: 'ledger.import', state: 'completed', failedReason: null });
    expect(ledgerImportProgressSchema.parse(job.progress)).toEqual({
      phase: 'importing',
      done: 3,
      total: 3,
    });
    expect(job.result).toMatchObject({
      committed: true,
      lines: 3,
      imported: 3,
      unchanged: 0,
      rejected: [],
    });
    expect(progress.get(jobId)).toEqual([
      { phase: 'validating', done: 0, total: 3 },
      { phase: 'validating', done: 1, total: 3 },
      { phase: 'validating', done: 2, total: 3 },
      { phase: 'validating', done: 3, total: 3 },
      { phase: 'importing', done: 0, total: 3 },
      { phase: 'importing', done: 1, total: 3 },
      { phase: 'importing', done: 2, total: 3 },
      { phase: 'importing', done: 3, total: 3 },
    ]);
    expect(await count(desk.agency.id)).toBe(3);
    const journal = await t.db.query(
      `SELECT DISTINCT actor_id FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.agency_id = $1`,
      [desk.agency.id],
    );
    expect(journal).toEqual([{ actor_id: desk.users.clerk.id }]);

    // The same file again while its job is kept: the same job, nothing added.
    expect((await start({ jsonl })).jobId).toBe(jobId);
    expect(await count(desk.agency.id)).toBe(3);
  });

  it('lists every bad line in the result and imports none', async () => {
    const other = await seedDesk(t);
    const jsonl = [
      line('2025-101'),
      line('2025-102', { channel: 'pigeon' }),
      line('2025-103'),
      line('2025-104', { decidedOn: '2025-02-01' }),
      '{not json',
    ].join('\n');
    const { jobId } = await start({ jsonl }, other.cookies.clerk);
    const job = await waitFor(jobId, finished, other.cookies.clerk);
    expect(job.state).toBe('completed');
    const result = job.result as { committed: boolean; imported: number; rejected: unknown[] };
    expect(result).toMatchObject({ committed: false, imported: 0, lines: 5 });
    expect(result.rejected).toEqual([
      { line: 2, ref: '2025-102', reason: expect.stringContaining('channel') },
      { line: 4, ref: '2025-104', reason: expect.stringContaining('早于收到申请之日') },
      { line: 5, ref: null, reason: '不是有效的 JSON' },
    ]);
    expect(job.progress).toEqual({ phase: 'validating', done: 5, total: 5 });
    expect(await count(other.agency.id)).toBe(0);
  });

  it('changes nothing twice when a worker dies after the commit and the job is retried', async () => {
    const other = await seedDesk(t);
    const jsonl = [line('2025-201'), line('2025-202')].join('\n');
    const view = await t.app
      .get(JobsService)
      .enqueue(
        'ledger.import',
        { agencyId: other.agency.id, actorId: other.users.clerk.id, jsonl },
        [other.agency.id, 'crash'],
        { backoff: { type: 'fixed', delay: 10 } },
      );
    crashAfterCommit.add(view.id);
    const job = await waitFor(view.id, finished, other.cookies.clerk);
    expect(job).toMatchObject({ state: 'completed', attemptsMade: 2 });
    expect(job.result).toMatchObject({ committed: true, imported: 0, unchanged: 2 });
    expect(await count(other.agency.id)).toBe(2);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.agency_id = $1 AND e.type = 'REGISTERED'`,
      [other.agency.id],
    );
    expect(n).toBe(2);
  });

  it('fails an unreadable Excel file at once with a clear reason, and runs it again when uploaded again', async () => {
    const xlsxBase64 = Buffer.from('not a workbook').toString('base64');
    const { jobId } = await start({ xlsxBase64 });
    const failed = await waitFor(jobId, finished);
    expect(failed).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(failed.failedReason).toContain('无法读取 Excel 台账');

    expect((await start({ xlsxBase64 })).jobId).toBe(jobId);
    const again = await waitFor(
      jobId,
      (j) => j.state === 'failed' && j.finishedAt !== failed.finishedAt,
    );
    expect(again.attemptsMade).toBe(1);
  });

  it('reads Excel ledgers too, and answers bad bodies and other roles as the synchronous route does', async () => {
    const other = await seedDesk(t);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['登记编号', '收到日期', '申请方式', '申请人类型', '办理结果', '答复日期']);
    sheet.addRow([
      '2025-301',
      '2025-03-03',
      'in_person',
      'natural_person',
      'disclosed',
      '2025-03-21',
    ]);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const { jobId } = await start({ xlsxBase64 }, other.cookies.admin);
    expect((await waitFor(jobId, finished, other.cookies.admin)).result).toMatchObject({
      imported: 1,
    });

    await t.http().post('/api/imports/jobs').set('Cookie', desk.cookies.clerk).send({}).expect(400);
    await t
      .http()
      .post('/api/imports/jobs')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl: 'x', xlsxBase64: 'eA==' })
      .expect(400);
    for (const role of ['leader', 'auditor'] as const)
      await t
        .http()
        .post('/api/imports/jobs')
        .set('Cookie', desk.cookies[role])
        .send({ jsonl: line('x') })
        .expect(403);
    await t
      .http()
      .post('/api/imports/jobs')
      .send({ jsonl: line('x') })
      .expect(401);
    // Another agency's clerk does not see the job.
    await t.http().get(`/api/jobs/${jobId}`).set('Cookie', desk.cookies.clerk).expect(404);
  });
});
