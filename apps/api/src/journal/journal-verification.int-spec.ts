import { generateKeyPairSync } from 'node:crypto';
import { Worker, type Job, type Queue } from 'bullmq';
import { systemClock, TakeCheckpointUseCase, VerifyJournalUseCase } from '@gongkai/application';
import {
  QUEUE_NAME,
  type JobView,
  type JournalAuditView,
  type JournalCheckpointsResponse,
  type JournalVerifyJobData,
  type JournalVerifyProgress,
} from '@gongkai/contracts';
import { publicKeyFingerprint, type JournalSigningKey } from '@gongkai/persistence';
import { createJobsTestApp } from '../jobs/jobs-test-app';
import { JobsQueue } from '../jobs/jobs-queue';
import { registerCase, seedDesk } from '../testing/test-app';

/**
 * The desk's 日志校验 over HTTP on real Redis and PostgreSQL. The API may not import the worker,
 * so a BullMQ worker here runs what apps/worker's JournalHandler runs (VerifyJournalUseCase with
 * progress).
 */
describe('journal verification as a job, checkpoints and their files', () => {
  let t: Awaited<ReturnType<typeof createJobsTestApp>>;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;
  let worker: Worker;
  const progress: JournalVerifyProgress[] = [];
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key: JournalSigningKey = {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };

  beforeAll(async () => {
    t = await createJobsTestApp();
    desk = await seedDesk(t);
    other = await seedDesk(t);
    const u = new URL(t.config.redisUrl);
    worker = new Worker(
      QUEUE_NAME,
      async (job: Job<JournalVerifyJobData>) =>
        new VerifyJournalUseCase(t.db, systemClock).execute({
          agencyIds: job.data.agencyIds ?? undefined,
          trustedFingerprint: key.fingerprint,
          onProgress: async (p) => {
            progress.push(p);
            await job.updateProgress(p);
          },
        }),
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

  const waitFor = async (id: string, cookie: string): Promise<JobView> => {
    for (let i = 0; i < 300; i++) {
      const res = await t.http().get(`/api/jobs/${id}`).set('Cookie', cookie);
      if (res.status === 200 && (res.body.state === 'completed' || res.body.state === 'failed'))
        return res.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} never finished`);
  };

  it('runs the verification with progress, finds a tampered case by ref, and hands out checkpoint files', async () => {
    const c = await registerCase(t, desk.cookies.clerk, {
      receivedOn: '2025-03-03',
      channel: 'online',
      applicant: { category: 'natural_person', name: '张三' },
      request: '申请公开某项目批复',
    });
    await registerCase(t, other.cookies.clerk, {
      receivedOn: '2025-03-03',
      channel: 'online',
      applicant: { category: 'natural_person', name: '李四' },
      request: '申请公开某项目批复',
    });
    await t.http().post('/api/journal/verifications').set('Cookie', desk.cookies.clerk).expect(403);
    await t.http().get('/api/journal/checkpoints').set('Cookie', desk.cookies.admin).expect(403);

    const start = await t
      .http()
      .post('/api/journal/verifications')
      .set('Cookie', desk.cookies.auditor)
      .expect(202);
    const clean = await waitFor(start.body.jobId, desk.cookies.auditor);
    expect(clean.state).toBe('completed');
    expect(clean.result).toMatchObject({ ok: true, casesChecked: 1, agenciesChecked: 1 });
    expect(progress.at(-1)).toEqual({ casesTotal: 1, casesChecked: 1, eventsChecked: 1 });

    await new TakeCheckpointUseCase(
      t.db,
      systemClock,
      () => key,
      new VerifyJournalUseCase(t.db, systemClock),
    ).execute({ agency: { id: desk.agency.id, code: desk.agency.code } });
    const list = (
      await t.http().get('/api/journal/checkpoints').set('Cookie', desk.cookies.auditor).expect(200)
    ).body as JournalCheckpointsResponse;
    const mine = list.items.find((i) => i.agencyCode === desk.agency.code);
    if (!mine) throw new Error('the checkpoint is not listed');
    expect(mine).toMatchObject({ caseCount: 1, fingerprint: key.fingerprint, downloadable: true });
    const file = await t
      .http()
      .get(`/api/journal/checkpoints/${mine.id}/file`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(file.headers['content-disposition']).toContain(`journal-checkpoint-${desk.agency.code}`);
    expect(JSON.parse(file.text ?? file.body.toString())).toMatchObject({
      root: mine.root,
      entries: [expect.objectContaining({ caseId: c.id })],
    });
    await t
      .http()
      .get(`/api/journal/checkpoints/${mine.id}/file`)
      .set('Cookie', other.cookies.auditor)
      .expect(404);

    await t.db.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`UPDATE cases SET applicant_category = 'commercial_enterprise' WHERE id = $1`, [
        c.id,
      ]);
    });
    const again = await t
      .http()
      .post('/api/journal/verifications')
      .set('Cookie', desk.cookies.leader)
      .expect(202);
    const found = await waitFor(again.body.jobId, desk.cookies.leader);
    const result = found.result as JournalAuditView;
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ caseId: c.id, ref: c.ref, field: 'applicant_category' }),
    ]);
    expect(result.checkpoints).toEqual([expect.objectContaining({ fingerprint: key.fingerprint })]);
  });
});
