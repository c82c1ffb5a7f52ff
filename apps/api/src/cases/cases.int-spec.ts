import fc from 'fast-check';
import {
  createTestApp,
  seedAgency,
  seedDesk,
  seedUser,
  login,
  type TestApp,
} from '../testing/test-app';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

const application = (over: Record<string, unknown> = {}) => ({
  receivedOn: '2025-03-03',
  channel: 'online',
  applicant: {
    category: 'natural_person',
    name: '张三',
    phone: '13800138000',
    identityNumber: '11010519491231002X',
  },
  request: '申请公开2024年某路段改造工程的立项批复',
  ...over,
});

describe('cases over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
  });
  afterAll(() => t.close());

  const register = async (over: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send(application(over));
    expect(res.status).toBe(201);
    return res.body as {
      case: { id: string; version: number; ref: string };
      allowedEvents: { type: string }[];
    };
  };
  const send = (cookie: string, id: string, body: unknown) =>
    t
      .http()
      .post(`/api/cases/${id}/events`)
      .set('Cookie', cookie)
      .send(body as object);

  const counts = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events`,
    );
    return row as { cases: number; events: number };
  };

  it('registers an application and shows it with masked identity, deadlines and allowed events', async () => {
    const { case: c, allowedEvents } = await register();
    const res = await t
      .http()
      .get(`/api/cases/${c.id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(res.body.case).toMatchObject({
      state: 'intake',
      stateLabel: '已登记',
      answerDueOn: '2025-03-31',
      applicant: { identityNumberMasked: '110***********002X' },
      version: 1,
    });
    expect(JSON.stringify(res.body)).not.toContain('11010519491231002X');
    expect(res.body.case.deadlines.answer.explanation.length).toBeGreaterThan(0);
    expect(allowedEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ACCEPT', 'REQUEST_SUPPLEMENT', 'WITHDRAW']),
    );
  });

  it('refuses a bad 身份证 check digit, a bad phone number and a future date with 400 in Chinese', async () => {
    for (const body of [
      application({
        applicant: {
          category: 'natural_person',
          name: '张三',
          identityNumber: '110105194912310021',
        },
      }),
      application({ applicant: { category: 'natural_person', name: '张三', phone: '12345' } }),
      application({ receivedOn: '2025-07-01' }),
      application({ channel: 'pigeon' }),
    ]) {
      const res = await t.http().post('/api/cases').set('Cookie', desk.cookies.clerk).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  describe("an organisation's 统一社会信用代码 (GB 32100)", () => {
    // An agency of its own, so that these cases stay out of the list filters tested below.
    let orgDesk: Awaited<ReturnType<typeof seedDesk>>;
    beforeAll(async () => {
      orgDesk = await seedDesk(t);
    });
    const post = (body: object) =>
      t.http().post('/api/cases').set('Cookie', orgDesk.cookies.clerk).send(body);
    const written = async () =>
      (
        await t.db.query(
          `SELECT (SELECT count(*)::int FROM cases WHERE agency_id = $1) AS cases,
                  (SELECT count(*)::int FROM case_events WHERE agency_id = $1) AS events`,
          [orgDesk.agency.id],
        )
      )[0] as { cases: number; events: number };
    const organisation = (creditCode: string, category = 'commercial_enterprise') =>
      application({
        channel: 'post',
        applicant: { category, name: '福州某某科技有限公司', phone: '0591-87654321', creditCode },
      });

    it('is stored in capitals, shown in the case view and recorded in the REGISTERED journal row', async () => {
      const created = await post(organisation(' 91350100m000100y43 ')).expect(201);
      const c = created.body.case as { id: string };
      const detail = await t
        .http()
        .get(`/api/cases/${c.id}`)
        .set('Cookie', orgDesk.cookies.clerk)
        .expect(200);
      expect(detail.body.case.applicant).toMatchObject({
        category: 'commercial_enterprise',
        creditCode: '91350100M000100Y43',
        identityNumberMasked: null,
      });
      const [row] = await t.db.query('SELECT applicant_credit_code FROM cases WHERE id = $1', [
        c.id,
      ]);
      expect(row.applicant_credit_code).toBe('91350100M000100Y43');
      const timeline = await t
        .http()
        .get(`/api/cases/${c.id}/timeline`)
        .set('Cookie', orgDesk.cookies.clerk)
        .expect(200);
      expect(timeline.body[0]).toMatchObject({
        type: 'REGISTERED',
        payload: { applicantCreditCode: '91350100M000100Y43' },
      });
    });

    it('refuses a wrong check character with 400, naming the right one, and writes nothing', async () => {
      const before = await written();
      const res = await post(organisation('91350100M000100Y44'));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.body.fieldErrors).toEqual([
        { field: 'applicant.creditCode', message: expect.stringContaining('校验码应为3') },
      ]);
      expect(await written()).toEqual(before);
    });

    it('refuses a code for a natural person with 400 and writes nothing', async () => {
      const before = await written();
      const res = await post(
        application({
          applicant: {
            category: 'natural_person',
            name: '张三',
            creditCode: '91350100M000100Y43',
          },
        }),
      );
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors).toEqual([
        { field: 'applicant.creditCode', message: expect.stringContaining('自然人') },
      ]);
      expect(await written()).toEqual(before);
    });
  });

  it('runs a case to its decision: 200 with the new view, 409 on a stale version, 422 when not allowed', async () => {
    const { case: c } = await register();
    const accepted = await send(desk.cookies.clerk, c.id, {
      type: 'ACCEPT',
      payload: { on: '2025-03-03' },
      expectedVersion: 1,
    }).expect(200);
    expect(accepted.body.case).toMatchObject({ state: 'processing', version: 2 });
    // Built from what the transition holds, the response is the view a fresh read gives.
    const read = await t
      .http()
      .get(`/api/cases/${c.id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(read.body.case.assignee.displayName).toBe(desk.users.clerk.displayName);
    expect({ ...accepted.body, effects: undefined }).toEqual(read.body);
    const stale = await send(desk.cookies.clerk, c.id, {
      type: 'WITHDRAW',
      payload: { on: '2025-03-04' },
      expectedVersion: 1,
    }).expect(409);
    expect(stale.body.message).toMatch(/他人修改/);
    const refused = await send(desk.cookies.clerk, c.id, {
      type: 'SUPPLEMENT_RECEIVED',
      payload: { on: '2025-03-04' },
    }).expect(422);
    expect(refused.body.code).toBeDefined();
    expect(refused.body.message).toMatch(/[\u4e00-\u9fa5]/);
    await send(desk.cookies.clerk, c.id, {
      type: 'DRAFT_DECISION',
      payload: { on: '2025-03-10', outcome: 'disclosed' },
      expectedVersion: 2,
    }).expect(200);

    const approvals = await t
      .http()
      .get('/api/approvals')
      .set('Cookie', desk.cookies.leader)
      .expect(200);
    expect(approvals.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: c.id, kind: 'decision' })]),
    );

    // A clerk cannot approve: the machine names who may.
    await send(desk.cookies.clerk, c.id, {
      type: 'APPROVE_DECISION',
      payload: { on: '2025-03-11' },
    }).expect(422);
    const approved = await send(desk.cookies.leader, c.id, {
      type: 'APPROVE_DECISION',
      payload: { on: '2025-03-11' },
    }).expect(200);
    expect(approved.body.case).toMatchObject({
      closed: true,
      outcome: 'disclosed',
      decidedOn: '2025-03-11',
    });
    expect(approved.body.allowedEvents).toEqual([]);
    const forClerk = await t
      .http()
      .get(`/api/cases/${c.id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(forClerk.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual([
      'RECORD_SERVICE',
    ]);

    const timeline = await t
      .http()
      .get(`/api/cases/${c.id}/timeline`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual([
      'REGISTERED',
      'ACCEPT',
      'DRAFT_DECISION',
      'APPROVE_DECISION',
    ]);
    expect(timeline.body[3].actor.displayName).toBe(desk.users.leader.displayName);

    const verify = await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true, eventsChecked: 4 });
  });

  it('reveals the identity number and journals who looked', async () => {
    const { case: c } = await register();
    const res = await t
      .http()
      .post(`/api/cases/${c.id}/identity/reveal`)
      .set('Cookie', desk.cookies.auditor)
      .send({ reason: '核对身份' })
      .expect(200);
    expect(res.body.identityNumber).toBe('11010519491231002X');
    const rows = await t.db.query('SELECT user_id FROM identity_reveals WHERE case_id = $1', [
      c.id,
    ]);
    expect(rows).toEqual([{ user_id: desk.users.auditor.id }]);
  });

  it('answers every case route with 404 for a case of another agency, and for a malformed id', async () => {
    const { case: c } = await register();
    const cookie = other.cookies;
    await t.http().get(`/api/cases/${c.id}`).set('Cookie', cookie.clerk).expect(404);
    await t.http().get(`/api/cases/${c.id}/timeline`).set('Cookie', cookie.auditor).expect(404);
    await t
      .http()
      .get(`/api/cases/${c.id}/journal/verify`)
      .set('Cookie', cookie.auditor)
      .expect(404);
    await t
      .http()
      .post(`/api/cases/${c.id}/identity/reveal`)
      .set('Cookie', cookie.auditor)
      .send({ reason: '核对身份' })
      .expect(404);
    await send(cookie.clerk, c.id, { type: 'ACCEPT', payload: { on: '2025-03-03' } }).expect(404);
    await t.http().get('/api/cases/not-a-uuid').set('Cookie', desk.cookies.clerk).expect(404);
    const list = await t.http().get('/api/cases').set('Cookie', cookie.clerk).expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });

  it('lets a supervising user read the subtree but not change it', async () => {
    const parent = await seedAgency(t.db, { name: '区政府' });
    const child = await seedAgency(t.db, { parent, name: '区交通局' });
    const supervisor = await seedUser(t.db, {
      agency: parent,
      roles: ['clerk', 'auditor'],
      subtreeScope: true,
    });
    const childClerk = await seedUser(t.db, { agency: child, roles: ['clerk'] });
    const created = await t
      .http()
      .post('/api/cases')
      .set('Cookie', await login(t, childClerk.username))
      .send(application())
      .expect(201);
    const cookie = await login(t, supervisor.username);
    await t.http().get(`/api/cases/${created.body.case.id}`).set('Cookie', cookie).expect(200);
    const ofChild = await t
      .http()
      .get(`/api/cases?agencyId=${child.id}`)
      .set('Cookie', cookie)
      .expect(200);
    expect(ofChild.body.items.map((i: { agencyId: string }) => i.agencyId)).toEqual([child.id]);
    const outside = await seedAgency(t.db, { name: '别的机关' });
    const refused = await t
      .http()
      .get(`/api/cases?agencyId=${outside.id}`)
      .set('Cookie', cookie)
      .expect(403);
    expect(refused.body).toMatchObject({
      code: 'agency_out_of_scope',
      message: '所选机关不在您可查看的范围内',
    });
    await send(cookie, created.body.case.id, {
      type: 'ACCEPT',
      payload: { on: '2025-03-03' },
    }).expect(403);
  });

  it('applies roles per route', async () => {
    const { case: c } = await register();
    await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.leader)
      .send(application())
      .expect(403);
    await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.auditor)
      .send(application())
      .expect(403);
    await t.http().get('/api/cases').set('Cookie', desk.cookies.admin).expect(403);
    await t.http().get('/api/approvals').set('Cookie', desk.cookies.clerk).expect(403);
    await send(desk.cookies.auditor, c.id, {
      type: 'ACCEPT',
      payload: { on: '2025-03-03' },
    }).expect(403);
    await t.http().get('/api/journal/verify').set('Cookie', desk.cookies.clerk).expect(403);
    await t.http().get('/api/cases').expect(401);
  });

  it('filters, sorts and pages the list', async () => {
    const a = await register({
      ref: 'F-1',
      receivedOn: '2025-05-06',
      applicant: { category: 'commercial_enterprise', name: '某某公司' },
    });
    const b = await register({ ref: 'F-2', receivedOn: '2025-06-27' });
    const get = (qs: string) =>
      t.http().get(`/api/cases?${qs}`).set('Cookie', desk.cookies.clerk).expect(200);
    const overdue = await get('due=overdue&pageSize=200');
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toContain(a.case.id);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).not.toContain(b.case.id);
    const byCategory = await get('category=commercial_enterprise');
    expect(byCategory.body.items.map((i: { id: string }) => i.id)).toEqual([a.case.id]);
    const text = await get('q=某某公司');
    expect(text.body.total).toBe(1);
    const page = await get('pageSize=1&page=2&sort=ref&order=asc');
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(2);
    await t.http().get('/api/cases?due=later').set('Cookie', desk.cookies.clerk).expect(400);
    await t.http().get('/api/cases?pageSize=100000').set('Cookie', desk.cookies.clerk).expect(400);
  });

  it('never answers generated bad registrations with 5xx, and writes nothing', async () => {
    const before = await counts();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            receivedOn: fc.oneof(fc.string(), fc.constant('2025-02-30'), fc.constant('2099-01-01')),
            channel: fc.oneof(fc.string(), fc.constant('online')),
            applicant: fc.oneof(
              fc.anything(),
              fc.record({
                category: fc.oneof(fc.string(), fc.constant('natural_person')),
                name: fc.oneof(fc.string(), fc.constant('\u0000'), fc.constant('\ud800')),
                identityNumber: fc.oneof(fc.string(), fc.stringMatching(/^\d{17}[\dX]$/)),
                creditCode: fc.option(fc.oneof(fc.string(), fc.stringMatching(/^[0-9A-Z]{18}$/)), {
                  nil: undefined,
                }),
                phone: fc.string(),
              }),
            ),
            request: fc.oneof(fc.string({ maxLength: 5000 }), fc.integer(), fc.constant('\u0000x')),
          }),
        ),
        async (body) => {
          const res = await t
            .http()
            .post('/api/cases')
            .set('Cookie', desk.cookies.clerk)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body) ?? 'null');
          // A generated body can by chance be a valid application; everything else is a 4xx.
          if (res.status === 201) {
            accepted++;
            return;
          }
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
    const after = await counts();
    // Only the (rare) valid bodies wrote anything: one case and one journal row each.
    expect(after.cases - before.cases).toBe(accepted);
    expect(after.events - before.events).toBe(accepted);
  });

  it('never answers generated bad events with 5xx, and leaves the case unchanged', async () => {
    const { case: c } = await register();
    await send(desk.cookies.clerk, c.id, { type: 'ACCEPT', payload: { on: '2025-03-03' } }).expect(
      200,
    );
    const before = await t.db.query('SELECT version, snapshot FROM cases WHERE id = $1', [c.id]);
    const types = [
      'REQUEST_SUPPLEMENT',
      'START_CONSULTATION',
      'SERVE_FEE_NOTICE',
      'REASONS_JUDGED',
      'DRAFT_DECISION',
      'RETURN_DECISION',
      'REQUEST_EXTENSION',
      'RECORD_SERVICE',
      'YEAR_CLOSED',
      'SUPPLEMENT_RECEIVED',
      'FEE_PAID',
      'NOPE',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            type: fc.constantFrom(...types),
            payload: fc.oneof(
              fc.anything(),
              fc.record(
                {
                  on: fc.oneof(
                    fc.string(),
                    fc.constant('2025-13-01'),
                    fc.constant('2099-01-01'),
                    fc.constant('2025-03-01'),
                  ),
                  dueOn: fc.string(),
                  items: fc.anything(),
                  party: fc.string(),
                  amountYuan: fc.oneof(fc.double(), fc.constant(-1)),
                  outcome: fc.oneof(fc.string(), fc.constant('other.fee_unpaid')),
                  workingDays: fc.oneof(fc.integer(), fc.constant(21)),
                  comment: fc.oneof(fc.string(), fc.constant('\u0000')),
                  year: fc.anything(),
                },
                { requiredKeys: [] },
              ),
            ),
            expectedVersion: fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)),
          }),
        ),
        async (body) => {
          const res = await send(desk.cookies.clerk, c.id, body).set(
            'Content-Type',
            'application/json',
          );
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
    const after = await t.db.query('SELECT version, snapshot FROM cases WHERE id = $1', [c.id]);
    expect(after).toEqual(before);
  });
});
