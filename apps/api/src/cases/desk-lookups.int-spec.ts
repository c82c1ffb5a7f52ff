import { createTestApp, registerCase, seedDesk, type TestApp } from '../testing/test-app';
import { requestSimilarity } from '@gongkai/application';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

const application = (over: Record<string, unknown> = {}) => ({
  receivedOn: '2025-06-03',
  channel: 'online',
  applicant: {
    category: 'natural_person',
    name: '李四',
    identityNumber: '11010519491231002X',
  },
  request: '申请公开2024年某路段改造工程的立项批复文件',
  ...over,
});

describe('the desk look-ups over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
  });
  afterAll(() => t.close());

  const dashboard2025 = async (cookie: string) => {
    const res = await t.http().get('/api/dashboard').query({ year: 2025 }).set('Cookie', cookie);
    expect(res.status).toBe(200);
    return res;
  };

  const register = async (cookie: string, over: Record<string, unknown> = {}) => ({
    case: await registerCase(t, cookie, application(over)),
  });

  it('rates requests about the same thing as similar, and different things as not', () => {
    expect(
      requestSimilarity('某路段改造工程的立项批复', '申请公开某路段改造工程立项批复文件'),
    ).toBeGreaterThan(0.5);
    expect(requestSimilarity('某路段改造工程的立项批复', '2023年财政预算执行情况')).toBeLessThan(
      0.2,
    );
  });

  it("finds the same applicant's similar earlier applications, only in the user's scope", async () => {
    const first = await register(desk.cookies.clerk);
    await register(desk.cookies.clerk, { request: '申请公开本单位2023年度财政预算执行情况' });
    await register(other.cookies.clerk); // another agency: never shown

    const res = await t
      .http()
      .get('/api/cases/similar')
      .query({ name: ' 李四 ', request: '请公开某路段改造工程立项批复' })
      .set('Cookie', desk.cookies.clerk);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expect(res.body[0]).toMatchObject({ id: first.case.id, ref: first.case.ref, state: 'intake' });
    expect(res.body[0].similarity).toBeGreaterThan(0.3);

    const nobody = await t
      .http()
      .get('/api/cases/similar')
      .query({ name: '王五', request: '立项批复' })
      .set('Cookie', desk.cookies.clerk);
    expect(nobody.body).toEqual([]);
  });

  it('refuses a look-up without a name, in Chinese, and is not mistaken for a case id', async () => {
    const res = await t.http().get('/api/cases/similar').set('Cookie', desk.cookies.clerk);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('申请人');
  });

  it('gives the dashboard figures of the year', async () => {
    const res = await dashboard2025(desk.cookies.clerk);
    expect(res.body.year).toBe(2025);
    expect(res.body.intake).toEqual([{ month: 6, channel: 'online', count: 2 }]);
    expect(res.body.open).toEqual({ total: 2, overdue: 0 });
    expect(res.body.timeliness).toEqual({ served: 0, late: 0 });
  });

  it('counts an approved decision not served by its deadline as overdue, as the domain does', async () => {
    const own = await seedDesk(t);
    const send = async (cookie: string, id: string, version: number, event: object) => {
      const res = await t
        .http()
        .post(`/api/cases/${id}/events`)
        .set('Cookie', cookie)
        .send({ ...event, expectedVersion: version });
      expect([res.status, res.body.case?.state]).toEqual([200, expect.any(String)]);
      return res.body.case as { version: number; state: string };
    };
    // Received 2025-05-06: the answer was due 2025-06-04, before today (2025-06-30).
    const served = await register(own.cookies.clerk, { receivedOn: '2025-05-06' });
    let c = await send(own.cookies.clerk, served.case.id, served.case.version, {
      type: 'ACCEPT',
      payload: { on: '2025-05-06' },
    });
    c = await send(own.cookies.clerk, served.case.id, c.version, {
      type: 'DRAFT_DECISION',
      payload: { on: '2025-05-20', outcome: 'disclosed' },
    });
    c = await send(own.cookies.leader, served.case.id, c.version, {
      type: 'APPROVE_DECISION',
      payload: { on: '2025-05-21' },
    });
    expect(c.state).toBe('awaitingService');
    const open = await register(own.cookies.clerk, { receivedOn: '2025-05-07' });
    await send(own.cookies.clerk, open.case.id, open.case.version, {
      type: 'ACCEPT',
      payload: { on: '2025-05-07' },
    });
    await register(own.cookies.clerk, { receivedOn: '2025-06-27' }); // due in July

    const res = await dashboard2025(own.cookies.clerk);
    // Two open cases; two answers owed past the deadline (the open one and the unserved one).
    expect(res.body.open).toEqual({ total: 2, overdue: 2 });
    const list = await t
      .http()
      .get('/api/cases')
      .query({ due: 'overdue' })
      .set('Cookie', own.cookies.clerk);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [served.case.id, open.case.id].sort(),
    );
  });

  it('lists who revealed which identity number, for auditors', async () => {
    const c = await register(desk.cookies.clerk);
    const reveal = await t
      .http()
      .post(`/api/cases/${c.case.id}/identity/reveal`)
      .set('Cookie', desk.cookies.clerk)
      .send({ reason: '核对身份' });
    expect(reveal.status).toBe(200);

    const res = await t
      .http()
      .get('/api/identity-reveals')
      .query({ caseId: c.case.id })
      .set('Cookie', desk.cookies.auditor);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        caseId: c.case.id,
        caseRef: c.case.ref,
        applicantName: '李四',
        userId: desk.users.clerk.id,
        userName: desk.users.clerk.displayName,
        reason: '核对身份',
      }),
    ]);
    const elsewhere = await t
      .http()
      .get('/api/identity-reveals')
      .set('Cookie', other.cookies.auditor);
    expect(elsewhere.body).toEqual([]);
    const clerk = await t.http().get('/api/identity-reveals').set('Cookie', desk.cookies.clerk);
    expect(clerk.status).toBe(403);
  });

  it("sets the agency's approval steps (admin only) for cases registered afterwards", async () => {
    const before = await t.http().get('/api/approval-policy').set('Cookie', desk.cookies.admin);
    expect(before.body).toEqual({ agencyId: desk.agency.id, decisionSteps: 1 });
    const bad = await t
      .http()
      .put('/api/approval-policy')
      .set('Cookie', desk.cookies.admin)
      .send({ decisionSteps: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('至少需要1级审批');
    const byClerk = await t
      .http()
      .put('/api/approval-policy')
      .set('Cookie', desk.cookies.clerk)
      .send({ decisionSteps: 2 });
    expect(byClerk.status).toBe(403);
    const set = await t
      .http()
      .put('/api/approval-policy')
      .set('Cookie', desk.cookies.admin)
      .send({ decisionSteps: 2 });
    expect(set.body.decisionSteps).toBe(2);
    const c = await register(desk.cookies.clerk);
    const detail = await t.http().get(`/api/cases/${c.case.id}`).set('Cookie', desk.cookies.clerk);
    expect(detail.body.case.approvalSteps).toBe(2);
  });
});
