import { createTestApp, registerCase, seedDesk, type TestApp } from '../testing/test-app';

// 2031 has no built-in arrangement, so loading it here affects no other test file's cases.
const NOW = new Date('2031-06-30T02:00:00Z');

describe('calendar years over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let other: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    other = await seedDesk(t);
    // A developer database may keep 2031 from an earlier run.
    await t.db.query('DELETE FROM calendar_years WHERE year = 2031');
  });
  afterAll(() => t.close());

  const preview2031 = (cookie: string, body: object, status: number) =>
    t.http().post('/api/calendar/2031/preview').set('Cookie', cookie).send(body).expect(status);

  it('loads a year, recomputes the deadlines of open cases and journals the recomputation', async () => {
    const created = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send({
        receivedOn: '2031-03-03',
        channel: 'post',
        applicant: { category: 'natural_person', name: '李四' },
        request: '申请公开某项目环评批复',
      })
      .expect(201);
    const id = created.body.case.id as string;
    expect(created.body.case.answerDueOn).toBe('2031-03-31');
    expect(created.body.case.deadlines.complete).toBe(false);

    const before = await t
      .http()
      .get('/api/calendar/2031')
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(before.body.origin).toBe('missing');
    await t.http().put('/api/calendar/2031').set('Cookie', desk.cookies.clerk).send({}).expect(403);
    await t
      .http()
      .put('/api/calendar/2031')
      .set('Cookie', desk.cookies.admin)
      .send({ holidays: ['2031-03-08'], makeupWorkdays: ['2031-03-10'], source: 'bad' })
      .expect(400);

    // Another agency's open case moves too: counted in the preview, never named to this admin.
    const foreign = await registerCase(t, other.cookies.clerk, {
      receivedOn: '2031-03-04',
      channel: 'post',
      applicant: { category: 'natural_person', name: '王五' },
      request: '申请公开某道路改造工程的立项批复',
    });

    const arrangement = {
      holidays: ['2031-03-10', '2031-03-11'],
      makeupWorkdays: [],
      source: '测试通知',
    };
    await preview2031(desk.cookies.clerk, arrangement, 403);
    const badPreview = await preview2031(
      desk.cookies.admin,
      { holidays: ['2031-03-08'], makeupWorkdays: ['2031-03-08'], source: '测试通知' },
      400,
    );
    expect(badPreview.body.message).toMatch(/节假日安排有误/);
    const preview = await preview2031(desk.cookies.admin, arrangement, 200);
    // Other test files' hand-made cases may be unreadable (casesFailed): only this file's count.
    expect(preview.body).toMatchObject({ year: 2031, origin: 'missing' });
    expect(preview.body.casesChanging).toBeGreaterThanOrEqual(2);
    expect(preview.body.casesOutsideScope).toBeGreaterThanOrEqual(1);
    expect(preview.body.cases).toContainEqual({
      caseId: id,
      ref: created.body.case.ref,
      agencyName: desk.agency.name,
      state: 'intake',
      answerDueOnBefore: '2031-03-31',
      answerDueOnAfter: '2031-04-02',
      nextDueOnBefore: '2031-03-31',
      nextDueOnAfter: '2031-04-02',
    });
    expect(preview.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(foreign.id);
    // A preview writes nothing: no calendar year, the case unchanged, no journal row.
    const untouched = await t
      .http()
      .get(`/api/cases/${id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(untouched.body.case).toMatchObject({ version: 1, answerDueOn: '2031-03-31' });
    const stillMissing = await t
      .http()
      .get('/api/calendar/2031')
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(stillMissing.body.origin).toBe('missing');

    const loaded = await t
      .http()
      .put('/api/calendar/2031')
      .set('Cookie', desk.cookies.admin)
      .send({ holidays: ['2031-03-10', '2031-03-11'], makeupWorkdays: [], source: '测试通知' })
      .expect(200);
    expect(loaded.body).toMatchObject({ origin: 'database', year: 2031 });
    expect(loaded.body.casesRecomputed).toBeGreaterThanOrEqual(1);

    const after = await t
      .http()
      .get(`/api/cases/${id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(after.body.case.answerDueOn).toBe('2031-04-02');
    expect(after.body.case.version).toBe(2);
    const timeline = await t
      .http()
      .get(`/api/cases/${id}/timeline`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(timeline.body[1]).toMatchObject({ type: 'DEADLINES_RECOMPUTED', machineEvent: false });
    expect(timeline.body[1].payload).toMatchObject({
      answerDueOnBefore: '2031-03-31',
      answerDueOnAfter: '2031-04-02',
    });
    const verify = await t
      .http()
      .get(`/api/cases/${id}/journal/verify`)
      .set('Cookie', desk.cookies.auditor)
      .expect(200);
    expect(verify.body.ok).toBe(true);

    // Loading the same arrangement again changes no deadline and journals nothing.
    await t
      .http()
      .put('/api/calendar/2031')
      .set('Cookie', desk.cookies.admin)
      .send({ holidays: ['2031-03-10', '2031-03-11'], makeupWorkdays: [], source: '测试通知' })
      .expect(200);
    const again = await t
      .http()
      .get(`/api/cases/${id}`)
      .set('Cookie', desk.cookies.clerk)
      .expect(200);
    expect(again.body.case.version).toBe(2);
    // …and previewing it again names no case of this test.
    const settled = await preview2031(desk.cookies.admin, arrangement, 200);
    expect(settled.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(id);
    expect(settled.body.origin).toBe('database');
  });

  it('answers a bad year with 400', async () => {
    await t.http().get('/api/calendar/20x1').set('Cookie', desk.cookies.clerk).expect(400);
  });
});
