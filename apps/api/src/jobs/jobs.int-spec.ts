import { UnrecoverableError, Worker, type Queue } from 'bullmq';
import { QUEUE_NAME } from '@gongkai/contracts';
import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import { seedDesk } from '../testing/test-app';
import { createJobsTestApp } from './jobs-test-app';
import { JobsQueue } from './jobs-queue';
import { JobsService } from './jobs.service';

describe('background jobs over HTTP, on real Redis', () => {
  let t: Awaited<ReturnType<typeof createJobsTestApp>>;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;
  let jobs: JobsService;
  let worker: Worker | null = null;

  beforeAll(async () => {
    process.env['METRICS_TOKEN'] = 'metrics-secret';
    t = await createJobsTestApp();
    delete process.env['METRICS_TOKEN'];
    desk = await seedDesk(t);
    other = await seedDesk(t);
    jobs = t.app.get(JobsService);
  });
  afterAll(async () => {
    await worker?.close();
    await t.app.get(JobsQueue).use((q: Queue) => q.obliterate({ force: true }));
    await t.close();
  });

  const u = (url: string) => new URL(url);
  const connection = () => ({
    host: u(t.config.redisUrl).hostname,
    port: Number(u(t.config.redisUrl).port || 6379),
    maxRetriesPerRequest: null,
  });

  it('enqueues with a stable id, retries with backoff, and adds nothing for a repeated request', async () => {
    const first = await jobs.enqueue('worker.heartbeat', { agencyId: desk.agency.id }, ['a', 1]);
    expect(first).toMatchObject({
      id: 'worker.heartbeat__a__1',
      state: 'waiting',
      attempts: 3,
      agencyId: desk.agency.id,
    });
    const again = await jobs.enqueue('worker.heartbeat', { agencyId: desk.agency.id }, ['a', 1]);
    expect(again.id).toBe(first.id);
    const counts = await t.app.get(JobsQueue).use((q) => q.getJobCounts('waiting'));
    expect(counts['waiting']).toBe(1);
    const job = await t.app.get(JobsQueue).use((q) => q.getJob(first.id));
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 5000 });
  });

  it('lets an administrator run the alert job for their scope, once per minute', async () => {
    const byClerk = await t.http().post('/api/jobs/alerts').set('Cookie', desk.cookies.clerk);
    expect(byClerk.status).toBe(403);
    const res = await t.http().post('/api/jobs/alerts').set('Cookie', desk.cookies.admin);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ name: 'alerts.daily', agencyId: desk.agency.id });
    const job = await t.app.get(JobsQueue).use((q) => q.getJob(res.body.id));
    expect(job?.data.agencyIds).toContain(desk.agency.id);
    const again = await t.http().post('/api/jobs/alerts').set('Cookie', desk.cookies.admin);
    expect(again.body.id).toBe(res.body.id);
    await t.app.get(JobsQueue).use((q) => q.remove(res.body.id));
  });

  it('shows a job in scope with its state, progress and result, and hides other agencies’ jobs', async () => {
    worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        await job.updateProgress(50);
        if (job.data.fail) throw new UnrecoverableError('台账第3行：申请人类型无法识别');
        return { imported: 12 };
      },
      { connection: connection(), prefix: t.config.queuePrefix },
    );
    const done = await jobs.enqueue('worker.heartbeat', { agencyId: desk.agency.id }, ['b']);
    const failed = await jobs.enqueue(
      'worker.heartbeat',
      { agencyId: desk.agency.id, fail: true },
      ['c'],
    );
    // Up to 30 s: a worker's first job waits for its connections, slow on a busy two-core host.
    const waitFor = async (id: string, state: string) => {
      for (let i = 0; i < 300; i++) {
        const res = await t.http().get(`/api/jobs/${id}`).set('Cookie', desk.cookies.clerk);
        if (res.body.state === state) return res.body;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`job ${id} never reached ${state}`);
    };
    expect(await waitFor(done.id, 'completed')).toMatchObject({
      progress: 50,
      result: { imported: 12 },
      failedReason: null,
    });
    expect(await waitFor(failed.id, 'failed')).toMatchObject({
      failedReason: '台账第3行：申请人类型无法识别',
    });

    await t.http().get(`/api/jobs/${done.id}`).set('Cookie', other.cookies.clerk).expect(404);
    await t.http().get('/api/jobs/no-such-job').set('Cookie', desk.cookies.clerk).expect(404);
    await t.http().get(`/api/jobs/${done.id}`).expect(401);

    const list = await t
      .http()
      .get('/api/jobs/failed')
      .set('Cookie', desk.cookies.admin)
      .expect(200);
    expect(list.body.items.map((j: { id: string }) => j.id)).toEqual([failed.id]);
    const elsewhere = await t
      .http()
      .get('/api/jobs/failed')
      .set('Cookie', other.cookies.admin)
      .expect(200);
    expect(elsewhere.body.items).toEqual([]);
    await t.http().get('/api/jobs/failed').set('Cookie', desk.cookies.clerk).expect(403);
  });

  it('exports Prometheus metrics behind METRICS_TOKEN: queue, failures, durations, transitions, open cases', async () => {
    const transitions = new CaseTransitionService(t.db, { today: () => '2025-06-30' });
    await transitions.register(
      {
        agencyId: desk.agency.id,
        receivedOn: '2025-06-02',
        channel: 'online',
        applicant: { category: 'natural_person', name: '吴十' },
      },
      SYSTEM_ACTOR,
    );
    await t.http().get('/api/metrics').expect(401);
    await t.http().get('/api/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const res = await t
      .http()
      .get('/api/metrics')
      .set('Authorization', 'Bearer metrics-secret')
      .expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toContain('gongkai_queue_up 1');
    expect(text).toMatch(/gongkai_queue_jobs\{state="failed"\} 1/);
    expect(text).toMatch(/gongkai_queue_jobs\{state="completed"\} 2/);
    expect(text).toMatch(/gongkai_queue_failed_jobs\{name="worker.heartbeat"\} 1/);
    expect(text).toMatch(
      /gongkai_job_duration_seconds\{name="worker.heartbeat",quantile="0.5"\} [\d.e-]+/,
    );
    expect(text).toMatch(/gongkai_case_transitions_total\{type="REGISTERED"\} [1-9]\d*/);
    expect(text).toMatch(/gongkai_open_cases\{state="intake"\} [1-9]\d*/);
  });
});
