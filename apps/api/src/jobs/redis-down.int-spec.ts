import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import { seedDesk } from '../testing/test-app';
import { createJobsTestApp } from './jobs-test-app';
import { QueueUnavailableError } from './jobs-queue';
import { JobsService } from './jobs.service';

// Nothing listens on port 1: Redis is "stopped" for this API.
describe('the API with Redis unreachable', () => {
  let t: Awaited<ReturnType<typeof createJobsTestApp>>;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createJobsTestApp({ redisUrl: 'redis://127.0.0.1:1' });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  it('boots and keeps serving the case routes', async () => {
    const transitions = new CaseTransitionService(t.db, { today: () => '2025-06-30' });
    const { case: c } = await transitions.register(
      {
        agencyId: desk.agency.id,
        receivedOn: '2025-06-02',
        channel: 'online',
        applicant: { category: 'natural_person', name: '郑十一' },
      },
      SYSTEM_ACTOR,
    );
    const list = await t.http().get('/api/cases').set('Cookie', desk.cookies.clerk).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    await t.http().get(`/api/cases/${c.id}`).set('Cookie', desk.cookies.clerk).expect(200);
    await t.http().get('/api/notifications').set('Cookie', desk.cookies.clerk).expect(200);
  });

  it('answers the job routes with a clear 503, and enqueueing fails soft', async () => {
    const res = await t
      .http()
      .get('/api/jobs/any-id')
      .set('Cookie', desk.cookies.clerk)
      .expect(503);
    expect(res.body.message).toContain('任务队列暂时不可用');
    await t.http().get('/api/jobs/failed').set('Cookie', desk.cookies.admin).expect(503);
    await expect(
      t.app.get(JobsService).enqueue('worker.heartbeat', { agencyId: desk.agency.id }, ['x']),
    ).rejects.toBeInstanceOf(QueueUnavailableError);
  });

  it('still exports the database metrics, with the queue reported down', async () => {
    const res = await t.http().get('/api/metrics').expect(200);
    expect(res.text).toContain('gongkai_queue_up 0');
    expect(res.text).toMatch(/gongkai_open_cases\{state="intake"\} [1-9]\d*/);
  });
});
