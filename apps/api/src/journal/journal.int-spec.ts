import { allowCaseWrites, journalHash } from '@gongkai/persistence';
import {
  createTestApp,
  login,
  registerCase,
  seedDesk,
  seedUser,
  type TestApp,
} from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai: the legal dates. recorded_at is the wall clock's, as in production.
const NOW = new Date('2025-06-30T02:00:00Z');

interface Row {
  caseId: string;
  caseRef: string;
  agencyId: string;
  seq: number;
  type: string;
  label: string;
  actor: { id: string; displayName: string | null; role: string };
  recordedAt: string;
  on: string;
  basis: string | null;
  summary: string;
}
interface Answer {
  items: Row[];
  total: number;
  page: number;
  pageSize: number;
}

function shanghaiDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

describe('GET /api/journal', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let child: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;
  let supervisor: string;
  let decided: { id: string; ref: string };
  let withdrawn: { id: string; ref: string };
  let childCase: { id: string; ref: string };
  let otherCase: { id: string; ref: string };

  const register = (cookie: string, request: string) =>
    registerCase(t, cookie, {
      receivedOn: '2025-03-03',
      channel: 'online',
      applicant: { category: 'natural_person', name: '张三' },
      request,
    });
  const send = (cookie: string, id: string, type: string, payload: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/cases/${id}/events`)
      .set('Cookie', cookie)
      .send({ type, payload })
      .expect(200);
  const search = async (cookie: string, query: Record<string, string | number> = {}) =>
    (await t.http().get('/api/journal').query(query).set('Cookie', cookie).expect(200))
      .body as Answer;

  /**
   * Appends a chained note with a chosen recorded time (the API always records now) and moves the
   * case's version on, as recomputeDeadlines() does, so the journal still verifies.
   */
  const backDatedNote = async (caseId: string, agencyId: string, recordedAt: Date) => {
    const [last] = (await t.db.query(
      'SELECT seq, hash, state_after FROM case_events WHERE case_id = $1 ORDER BY seq DESC LIMIT 1',
      [caseId],
    )) as { seq: number; hash: string; state_after: string }[];
    const fields = {
      caseId,
      seq: last.seq + 1,
      type: 'DEADLINES_RECOMPUTED',
      machineEvent: false,
      payload: { reason: '节假日安排调整' },
      actorId: 'system',
      actorRole: 'system',
      occurredOn: shanghaiDay(recordedAt),
      recordedAt,
      basis: '项目规则16',
      stateAfter: last.state_after,
      prevHash: last.hash,
    };
    await t.db.query(
      `INSERT INTO case_events (case_id, agency_id, seq, type, machine_event, payload, actor_id,
         actor_role, occurred_on, recorded_at, basis, state_after, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        caseId,
        agencyId,
        fields.seq,
        fields.type,
        fields.machineEvent,
        fields.payload,
        fields.actorId,
        fields.actorRole,
        fields.occurredOn,
        recordedAt,
        fields.basis,
        fields.stateAfter,
        fields.prevHash,
        journalHash(fields),
      ],
    );
    await t.db.transaction(async (m) => {
      await allowCaseWrites(m);
      await m.query('UPDATE cases SET version = version + 1 WHERE id = $1', [caseId]);
    });
  };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    child = await seedDesk(t, desk.agency);
    other = await seedDesk(t);
    const sup = await seedUser(t.db, {
      agency: desk.agency,
      roles: ['auditor'],
      subtreeScope: true,
    });
    supervisor = await login(t, sup.username);

    decided = await register(desk.cookies.clerk, '申请公开某路段改造工程的立项批复');
    await send(desk.cookies.clerk, decided.id, 'ACCEPT', { on: '2025-03-04' });
    await send(desk.cookies.clerk, decided.id, 'DRAFT_DECISION', {
      on: '2025-03-10',
      outcome: 'disclosed',
    });
    await send(desk.cookies.leader, decided.id, 'APPROVE_DECISION', {
      on: '2025-03-11',
      comment: '同意公开',
    });
    withdrawn = await register(desk.cookies.clerk, '申请公开2024年财政预算执行情况');
    await send(desk.cookies.clerk, withdrawn.id, 'WITHDRAW', {
      on: '2025-03-05',
      reason: '申请人来电撤回：已另行获取青松路资料',
    });
    childCase = await register(child.cookies.clerk, '申请公开下级机关的会议纪要');
    otherCase = await register(other.cookies.clerk, '另一机关的申请：梧桐巷拆迁补偿');
    await send(other.cookies.clerk, otherCase.id, 'ACCEPT', { on: '2025-03-04' });
    // Shanghai 2024-03-09 23:59:59.999 and 2024-03-10 00:00:00: either side of midnight there.
    await backDatedNote(withdrawn.id, desk.agency.id, new Date('2024-03-09T15:59:59.999Z'));
    await backDatedNote(withdrawn.id, desk.agency.id, new Date('2024-03-09T16:00:00.000Z'));
  });
  afterAll(() => t.close());

  it('lists every row of the agency, newest first, with labels, actors, dates and summaries', async () => {
    const all = await search(desk.cookies.auditor, { pageSize: 200 });
    expect(all.total).toBe(8);
    expect(all.items).toHaveLength(8);
    expect(new Set(all.items.map((r) => r.agencyId))).toEqual(new Set([desk.agency.id]));
    const times = all.items.map((r) => r.recordedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.items[0]).toMatchObject({
      caseId: withdrawn.id,
      type: 'WITHDRAW',
      label: '撤回申请',
    });

    const approval = all.items.find((r) => r.type === 'APPROVE_DECISION');
    expect(approval).toMatchObject({
      caseId: decided.id,
      caseRef: decided.ref,
      seq: 4,
      label: '审批同意',
      on: '2025-03-11',
      actor: {
        id: desk.users.leader.id,
        displayName: desk.users.leader.displayName,
        role: 'leader',
      },
      summary: '意见：同意公开',
    });
    const draft = all.items.find((r) => r.type === 'DRAFT_DECISION');
    expect(draft).toMatchObject({ basis: '第三十六条' });
    expect(draft?.summary).toMatch(/^办理结果：/);
    expect(draft?.summary).not.toContain('disclosed');
    const registered = all.items.find((r) => r.type === 'REGISTERED');
    expect(registered).toMatchObject({ label: '登记申请', basis: '第三十一条' });
    expect(registered?.summary).toContain('申请内容：');
  });

  it('filters by event type, journal note type and actor (id, username or system)', async () => {
    const accepted = await search(desk.cookies.auditor, { type: 'ACCEPT' });
    expect(accepted.items.map((r) => [r.caseId, r.label])).toEqual([[decided.id, '受理']]);
    const registered = await search(desk.cookies.auditor, { type: 'REGISTERED' });
    expect(registered.total).toBe(2);
    expect(registered.items.map((r) => r.caseId)).toEqual([withdrawn.id, decided.id]);

    const byName = await search(desk.cookies.auditor, { actor: desk.users.leader.username });
    const byId = await search(desk.cookies.auditor, { actor: desk.users.leader.id });
    expect(byName.items.map((r) => r.type)).toEqual(['APPROVE_DECISION']);
    expect(byId.items).toEqual(byName.items);
    const clerk = await search(desk.cookies.auditor, { actor: desk.users.clerk.username });
    expect(clerk.total).toBe(5);
    const system = await search(desk.cookies.auditor, { actor: 'system' });
    expect(system.items.map((r) => [r.type, r.actor.displayName])).toEqual([
      ['DEADLINES_RECOMPUTED', '系统'],
      ['DEADLINES_RECOMPUTED', '系统'],
    ]);
    // Another agency's user is a valid name with no rows here.
    expect((await search(desk.cookies.auditor, { actor: other.users.clerk.username })).total).toBe(
      0,
    );
  });

  it('filters by recorded day in Asia/Shanghai, both ends inclusive', async () => {
    const day = async (from: string, to = from) =>
      (await search(desk.cookies.auditor, { from, to })).items.map((r) => r.recordedAt);
    expect(await day('2024-03-09')).toEqual(['2024-03-09T15:59:59.999Z']);
    expect(await day('2024-03-10')).toEqual(['2024-03-09T16:00:00.000Z']);
    expect(await day('2024-03-09', '2024-03-10')).toHaveLength(2);
    expect(await day('2024-03-11', '2024-12-31')).toEqual([]);
    const today = shanghaiDay(new Date());
    expect(await day(today)).toHaveLength(6);
    expect((await search(desk.cookies.auditor, { from: '2024-03-10' })).total).toBe(7);
    expect((await search(desk.cookies.auditor, { to: '2024-03-09' })).total).toBe(1);
  });

  it('searches the case ref and the values of the payload, with % and _ taken literally', async () => {
    const byRef = await search(desk.cookies.auditor, { q: decided.ref });
    expect(new Set(byRef.items.map((r) => r.caseId))).toEqual(new Set([decided.id]));
    expect(byRef.total).toBe(4);
    const byText = await search(desk.cookies.auditor, { q: '青松路' });
    expect(byText.items.map((r) => r.type)).toEqual(['WITHDRAW']);
    const registration = await search(desk.cookies.auditor, { q: '财政预算' });
    expect(registration.items.map((r) => r.type)).toEqual(['REGISTERED']);
    // A key name is not a value.
    expect((await search(desk.cookies.auditor, { q: 'reason' })).total).toBe(0);
    expect((await search(desk.cookies.auditor, { q: '%' })).total).toBe(0);
    expect((await search(desk.cookies.auditor, { q: '青_路' })).total).toBe(0);
    const combined = await search(desk.cookies.auditor, { q: decided.ref, type: 'ACCEPT' });
    expect(combined.total).toBe(1);
  });

  it('pages with a stable order and a total that does not depend on the page', async () => {
    const all = (await search(desk.cookies.auditor, { pageSize: 200 })).items;
    const pages: Row[] = [];
    for (let page = 1; page <= 3; page++) {
      const answer = await search(desk.cookies.auditor, { page, pageSize: 3 });
      expect(answer).toMatchObject({ total: 8, page, pageSize: 3 });
      pages.push(...answer.items);
    }
    expect(pages).toEqual(all);
    const beyond = await search(desk.cookies.auditor, { page: 4, pageSize: 3 });
    expect(beyond).toMatchObject({ items: [], total: 8 });
  });

  it("never shows another agency's rows; a supervising auditor sees its subtree", async () => {
    for (const cookie of [desk.cookies.auditor, desk.cookies.leader, desk.cookies.admin]) {
      const rows = (await search(cookie, { pageSize: 200 })).items;
      expect(rows.map((r) => r.caseId)).not.toContain(otherCase.id);
      expect(rows.map((r) => r.caseId)).not.toContain(childCase.id);
    }
    expect((await search(desk.cookies.auditor, { q: '梧桐巷' })).total).toBe(0);
    // Refs are numbered per agency: the same ref finds only this agency's case.
    const sameRef = await search(desk.cookies.auditor, { q: otherCase.ref });
    expect(sameRef.items.map((r) => r.caseId)).not.toContain(otherCase.id);
    expect((await search(desk.cookies.auditor, { agencyId: other.agency.id })).total).toBe(0);
    expect((await search(desk.cookies.auditor, { agencyId: child.agency.id })).total).toBe(0);

    const subtree = await search(supervisor, { pageSize: 200 });
    expect(subtree.total).toBe(9);
    expect(subtree.items.map((r) => r.caseId)).toContain(childCase.id);
    expect(subtree.items.map((r) => r.caseId)).not.toContain(otherCase.id);
    const onlyChild = await search(supervisor, { agencyId: child.agency.id });
    expect(onlyChild.items.map((r) => [r.caseId, r.type])).toEqual([[childCase.id, 'REGISTERED']]);
    expect((await search(supervisor, { agencyId: other.agency.id })).total).toBe(0);

    const below = await search(child.cookies.auditor, { pageSize: 200 });
    expect(below.items.map((r) => r.caseId)).toEqual([childCase.id]);
  });

  it('is for auditors, leaders and admins: 403 for a clerk, 401 without a session', async () => {
    const res = await t.http().get('/api/journal').set('Cookie', desk.cookies.clerk).expect(403);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    await t.http().get('/api/journal').expect(401);
  });

  it('refuses bad filters with 400 and a Chinese message naming the field', async () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ type: 'NO_SUCH_EVENT' }, 'type', /未知的日志类型/],
      [{ type: 'accept' }, 'type', /未知的日志类型/],
      [{ from: '2025-13-01' }, 'from', /起始日期/],
      [{ to: '30/06/2025' }, 'to', /截止日期/],
      [{ from: '2025-06-30', to: '2025-06-01' }, 'from', /起始日期不能晚于截止日期/],
      [{ pageSize: '500' }, 'pageSize', /每页最多200条/],
      [{ page: '0' }, 'page', /页码从1开始/],
      [{ page: 'abc' }, 'page', /页码应为数字/],
      [{ agencyId: 'not-a-uuid' }, 'agencyId', /机关编号格式有误/],
      [{ actor: 'x'.repeat(101) }, 'actor', /操作人不能超过100个字/],
      [{ q: 'x'.repeat(101) }, 'q', /搜索内容不能超过100个字/],
    ];
    for (const [query, field, message] of cases) {
      const res = await t
        .http()
        .get('/api/journal')
        .query(query)
        .set('Cookie', desk.cookies.auditor);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.message).toMatch(message);
      expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain(field);
    }
    const repeated = await t
      .http()
      .get('/api/journal?type=ACCEPT&type=WITHDRAW')
      .set('Cookie', desk.cookies.auditor);
    expect(repeated.status).toBe(400);
  });

  it('leaves the hash chain intact (the back-dated notes in this spec are chained too)', async () => {
    const res = await t.http().get('/api/journal/verify').set('Cookie', desk.cookies.auditor);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });
});
