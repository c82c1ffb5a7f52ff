import { allowCaseWrites, MIGRATIONS, type UserEntity } from '@gongkai/persistence';
import { CaseTransitionService, SYSTEM_ACTOR } from '@gongkai/application';
import {
  createTestApp,
  login,
  registerCase,
  seedDesk,
  seedUser,
  type TestApp,
} from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

const application = (over: Record<string, unknown> = {}) => ({
  receivedOn: '2025-06-20',
  channel: 'online',
  applicant: { category: 'natural_person', name: '周七' },
  request: '申请公开本街道2024年老旧小区改造计划',
  ...over,
});

interface CaseBody {
  case: {
    id: string;
    ref: string;
    version: number;
    answerDueOn: string | null;
    nextDueOn: string | null;
    assignedClerkId: string | null;
    assignee: { id: string; displayName: string | null } | null;
  };
}

describe('the 经办人 of a case over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;
  let second: UserEntity;
  let secondCookie: string;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
    second = await seedUser(t.db, { agency: desk.agency, roles: ['clerk'], displayName: '李经办' });
    secondCookie = await login(t, second.username);
  });
  afterAll(() => t.close());

  const register = (cookie: string, over: Record<string, unknown> = {}) =>
    registerCase<CaseBody['case']>(t, cookie, application(over));
  const reassign = (cookie: string, id: string, body: Record<string, unknown>) =>
    t.http().put(`/api/cases/${id}/assignee`).set('Cookie', cookie).send(body);

  it('makes the registering clerk the 经办人, or the clerk of the agency the form names', async () => {
    const own = await register(desk.cookies.clerk);
    expect(own.assignee).toEqual({
      id: desk.users.clerk.id,
      displayName: desk.users.clerk.displayName,
    });
    expect(own.assignedClerkId).toBe(desk.users.clerk.id);

    const named = await register(desk.cookies.clerk, { assigneeId: second.id });
    expect(named.assignee).toEqual({ id: second.id, displayName: '李经办' });

    for (const assigneeId of [other.users.clerk.id, desk.users.leader.id]) {
      const refused = await t
        .http()
        .post('/api/cases')
        .set('Cookie', desk.cookies.clerk)
        .send(application({ assigneeId }));
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('invalid_assignee');
      expect(refused.body.message).toMatch(/经办人/);
      // Named, so the form shows it under the 经办人 select.
      expect(refused.body.fieldErrors).toEqual([
        { field: 'assigneeId', message: refused.body.message },
      ]);
    }
  });

  it('lets a leader reassign with a journal note, moves the version on, and the journal still verifies', async () => {
    const c = await register(desk.cookies.clerk);
    const res = await reassign(desk.cookies.leader, c.id, {
      assigneeId: second.id,
      reason: '原经办人休假',
      expectedVersion: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.case).toMatchObject({
      assignee: { id: second.id, displayName: '李经办' },
      version: c.version + 1,
    });

    const timeline = await t
      .http()
      .get(`/api/cases/${c.id}/timeline`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    const note = timeline.body.at(-1);
    expect(note).toMatchObject({
      type: 'ASSIGNEE_CHANGED',
      label: '改派经办人',
      machineEvent: false,
      occurredOn: '2025-06-30',
      stateAfter: 'intake',
      actor: { id: desk.users.leader.id, role: 'leader' },
      payload: {
        from: { id: desk.users.clerk.id, displayName: desk.users.clerk.displayName },
        to: { id: second.id, displayName: '李经办' },
        reason: '原经办人休假',
      },
    });
    const verified = await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', desk.cookies.leader)
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, eventsChecked: 2 });

    // The new clerk works the case at the new version; the old version is stale for everyone.
    const stale = await reassign(desk.cookies.admin, c.id, {
      assigneeId: desk.users.clerk.id,
      reason: '调回',
      expectedVersion: c.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/他人修改/);
    const stateEvent = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', secondCookie)
      .send({ type: 'ACCEPT', payload: { on: '2025-06-30' }, expectedVersion: c.version });
    expect(stateEvent.status).toBe(409);
    const back = await reassign(desk.cookies.admin, c.id, {
      assigneeId: desk.users.clerk.id,
      reason: '调回',
      expectedVersion: c.version + 1,
    });
    expect(back.status).toBe(200);
    expect(back.body.case.assignee.id).toBe(desk.users.clerk.id);
  });

  it('refuses a clerk or an auditor (403), and an empty reason (400)', async () => {
    const c = await register(desk.cookies.clerk);
    for (const cookie of [desk.cookies.clerk, desk.cookies.auditor]) {
      const res = await reassign(cookie, c.id, { assigneeId: second.id, reason: '调整' });
      expect(res.status).toBe(403);
    }
    const empty = await reassign(desk.cookies.leader, c.id, { assigneeId: second.id, reason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('请填写改派理由');
  });

  it('refuses (422, in Chinese) a clerk of another agency, an inactive clerk, a leader and the same clerk', async () => {
    const c = await register(desk.cookies.clerk);
    const gone = await seedUser(t.db, { agency: desk.agency, roles: ['clerk'] });
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [gone.id]);
    for (const assigneeId of [other.users.clerk.id, gone.id, desk.users.leader.id]) {
      const res = await reassign(desk.cookies.leader, c.id, { assigneeId, reason: '调整' });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('invalid_assignee');
      expect(res.body.message).toBe('经办人须为本案所属机关在岗的经办人员，请重新选择');
    }
    const same = await reassign(desk.cookies.leader, c.id, {
      assigneeId: desk.users.clerk.id,
      reason: '调整',
    });
    expect(same.status).toBe(422);
    const detail = await t.http().get(`/api/cases/${c.id}`).set('Cookie', desk.cookies.clerk);
    expect(detail.body.case).toMatchObject({ version: 1, assignee: { id: desk.users.clerk.id } });
    // Another agency's leader does not see the case at all.
    const elsewhere = await reassign(other.cookies.leader, c.id, {
      assigneeId: other.users.clerk.id,
      reason: '调整',
    });
    expect(elsewhere.status).toBe(404);
  });

  it('lists by 经办人: assignee=me, a user id, none; anything else is a 400', async () => {
    const mine = await register(secondCookie);
    const theirs = await register(desk.cookies.clerk);
    const list = async (cookie: string, assignee: string) => {
      const res = await t
        .http()
        .get('/api/cases')
        .query({ assignee, pageSize: 200 })
        .set('Cookie', cookie);
      expect(res.status).toBe(200);
      return res.body as { items: CaseBody['case'][]; total: number };
    };
    const me = await list(secondCookie, 'me');
    expect(me.items.map((i) => i.id)).toContain(mine.id);
    expect(me.items.map((i) => i.id)).not.toContain(theirs.id);
    expect(me.items.every((i) => i.assignee?.id === second.id)).toBe(true);
    expect(me.items.find((i) => i.id === mine.id)?.assignee).toEqual({
      id: second.id,
      displayName: '李经办',
    });
    const byId = await list(desk.cookies.leader, desk.users.clerk.id);
    expect(byId.items.map((i) => i.id)).toContain(theirs.id);
    expect(byId.items.every((i) => i.assignee?.id === desk.users.clerk.id)).toBe(true);
    await t.db.transaction(async (m) => {
      await allowCaseWrites(m);
      await m.query('UPDATE cases SET assigned_clerk_id = NULL WHERE id = $1', [theirs.id]);
    });
    const none = await list(desk.cookies.leader, 'none');
    expect(none.items.map((i) => i.id)).toEqual([theirs.id]);
    const bad = await t
      .http()
      .get('/api/cases')
      .query({ assignee: 'everyone' })
      .set('Cookie', desk.cookies.clerk);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('经办人筛选');
  });

  it('puts my open cases on the dashboard, overdue first, then by the next due date', async () => {
    const clerk = await seedUser(t.db, { agency: desk.agency, roles: ['clerk'] });
    const cookie = await login(t, clerk.username);
    const due = await register(cookie, { receivedOn: '2025-06-20' });
    const overdue = await register(cookie, { receivedOn: '2025-05-06' });
    const sooner = await register(cookie, { receivedOn: '2025-06-10' });
    const longOverdue = await register(cookie, { receivedOn: '2025-03-03' });
    const withdrawn = await register(cookie, { receivedOn: '2025-06-02' });
    await t
      .http()
      .post(`/api/cases/${withdrawn.id}/events`)
      .set('Cookie', cookie)
      .send({ type: 'WITHDRAW', payload: { on: '2025-06-30' } })
      .expect(200);
    await register(desk.cookies.clerk, { receivedOn: '2025-03-04' }); // someone else's

    const res = await t.http().get('/api/dashboard').set('Cookie', cookie).expect(200);
    const ids = (res.body.myCases.items as CaseBody['case'][]).map((c) => c.id);
    expect(ids).toEqual([longOverdue.id, overdue.id, sooner.id, due.id]);
    expect(res.body.myCases.total).toBe(4);
    expect(res.body.myCases.items[0]).toMatchObject({
      overdue: true,
      assignee: { id: clerk.id },
    });
    expect(res.body.myCases.items[0].answerDueWorkingDays).toBeLessThan(0);
    expect(res.body.myCases.items[3].overdue).toBe(false);

    const auditor = await t.http().get('/api/dashboard').set('Cookie', desk.cookies.auditor);
    expect(auditor.body.myCases).toMatchObject({ items: [], total: 0 });
  });

  it("offers the agency's active clerks to choose from", async () => {
    const res = await t.http().get('/api/clerks').set('Cookie', desk.cookies.leader).expect(200);
    const ids = (res.body as { id: string; displayName: string }[]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([desk.users.clerk.id, second.id]));
    expect(ids).not.toContain(desk.users.leader.id);
    expect(ids).not.toContain(other.users.clerk.id);
    await t.http().get('/api/clerks').set('Cookie', desk.cookies.auditor).expect(403);
  });

  it('backfills the clerk who registered a case that has no 经办人 (migration)', async () => {
    const c = await register(desk.cookies.clerk);
    // An online application is registered by the system actor: it stays unassigned.
    const { case: online } = await t.app.get(CaseTransitionService).register(
      {
        agencyId: desk.agency.id,
        receivedOn: '2025-06-30',
        channel: 'online',
        origin: 'online',
        applicant: { category: 'natural_person', name: '周七' },
        request: '申请公开某项目批复',
      },
      SYSTEM_ACTOR,
    );
    await t.db.transaction(async (m) => {
      await allowCaseWrites(m);
      await m.query('UPDATE cases SET assigned_clerk_id = NULL WHERE id = $1', [c.id]);
    });
    const migration = MIGRATIONS.map((M) => new M()).find(
      (m) => m.name === 'BackfilledAndIndexedCaseAssignee1764117200000',
    );
    if (!migration) throw new Error('migration not registered');
    const runner = t.db.createQueryRunner();
    try {
      await runner.startTransaction();
      // Landed before the cases guard: replayed here, it writes as a migration did then.
      await allowCaseWrites(runner.manager);
      await migration.down(runner);
      await migration.up(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    const rows = (await t.db.query(
      'SELECT id, assigned_clerk_id FROM cases WHERE id = ANY($1::uuid[])',
      [[c.id, online.id]],
    )) as { id: string; assigned_clerk_id: string | null }[];
    expect(Object.fromEntries(rows.map((r) => [r.id, r.assigned_clerk_id]))).toEqual({
      [c.id]: desk.users.clerk.id,
      [online.id]: null,
    });
  });
});
