import { raiseAlerts } from '@gongkai/persistence';
import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

// 2025-03-26 00:05 in Shanghai, when the daily alerts run.
const NOW = new Date('2025-03-25T16:05:00Z');

describe('notifications over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;
  const caseIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
    const transitions = new CaseTransitionService(t.db, { today: () => '2025-03-26' });
    // Two answers due 2025-03-31 (3 WD left) and one 补正 notice on its last-but-one day.
    for (const receivedOn of ['2025-03-03', '2025-03-03', '2025-03-18']) {
      const { case: c } = await transitions.register(
        {
          agencyId: desk.agency.id,
          receivedOn,
          channel: 'online',
          applicant: { category: 'natural_person', name: '冯十二' },
          assignedClerkId: desk.users.clerk.id,
        },
        SYSTEM_ACTOR,
      );
      caseIds.push(c.id);
    }
    const raised = await raiseAlerts(t.db, {
      today: '2025-03-26',
      now: NOW,
      agencyIds: [desk.agency.id],
    });
    expect(raised.created).toBe(6);
  });
  afterAll(() => t.close());

  const list = (cookie: string, query = '') =>
    t.http().get(`/api/notifications${query}`).set('Cookie', cookie);

  it('lists only my own alerts, with the case reference, unread first', async () => {
    const res = await list(desk.cookies.clerk).expect(200);
    expect(res.body).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 20 });
    expect(res.body.items.map((n: { kind: string }) => n.kind).sort()).toEqual([
      'answer_due_soon',
      'answer_due_soon',
      'supplement_notice_due',
    ]);
    expect(res.body.items[0]).toMatchObject({
      caseRef: expect.stringMatching(/^2025-\d{4}$/),
      readAt: null,
      title: expect.any(String),
    });
    expect((await list(desk.cookies.leader).expect(200)).body.total).toBe(3);
    expect((await list(desk.cookies.auditor).expect(200)).body.total).toBe(0);
    expect((await list(other.cookies.leader).expect(200)).body.total).toBe(0);
    await t.http().get('/api/notifications').expect(401);
  });

  it('marks one read (idempotently), moving it after the unread ones', async () => {
    const before = (await list(desk.cookies.clerk)).body.items as { id: string }[];
    const target = before[0].id;
    const first = await t
      .http()
      .post(`/api/notifications/${target}/read`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(first.body.readAt).toBe(NOW.toISOString());
    t.clock.advanceMinutes(30);
    const again = await t
      .http()
      .post(`/api/notifications/${target}/read`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(again.body.readAt).toBe(NOW.toISOString());

    const after = await list(desk.cookies.clerk).expect(200);
    expect(after.body.unread).toBe(2);
    expect(after.body.items.at(-1).id).toBe(target);
    const unreadOnly = await list(desk.cookies.clerk, '?unreadOnly=true').expect(200);
    expect(unreadOnly.body.total).toBe(2);
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).not.toContain(target);
  });

  it('refuses another person’s notification as not found, and pages', async () => {
    const mine = (await list(desk.cookies.clerk)).body.items as { id: string }[];
    await t
      .http()
      .post(`/api/notifications/${mine[1].id}/read`)
      .set('Cookie', desk.cookies.leader)
      .expect(404);
    await t
      .http()
      .post('/api/notifications/not-a-uuid/read')
      .set('Cookie', desk.cookies.clerk)
      .expect(404);
    const page2 = await list(desk.cookies.clerk, '?page=2&pageSize=2').expect(200);
    expect(page2.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.body.items).toHaveLength(1);
    await list(desk.cookies.clerk, '?pageSize=1000').expect(400);
  });
});
