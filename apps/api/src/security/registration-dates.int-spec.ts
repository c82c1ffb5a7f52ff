import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 3 of issue 16: `receivedOn: "1900-01-01"` answered 500 yet committed the case, after
 * which the case, the sorted list and the dashboard all answered 500. A date outside the
 * calendar's supported range is now a 400 naming the field, and nothing is written.
 */
describe('registration dates outside the supported range', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  const application = (receivedOn: string) => ({
    receivedOn,
    channel: 'post',
    applicant: { category: 'natural_person', name: '张三' },
    request: '申请公开某道路改造工程的立项批复',
  });
  const casesOfDesk = async () =>
    Number(
      (
        await t.db.query('SELECT count(*) AS n FROM cases WHERE agency_id = $1', [desk.agency.id])
      )[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  it.each(['1900-01-01', '2001-06-30', '1999-12-31'])(
    'refuses receivedOn %s with 400 naming receivedOn, and writes nothing',
    async (receivedOn) => {
      const before = await casesOfDesk();
      const res = await t
        .http()
        .post('/api/cases')
        .set('Cookie', desk.cookies.clerk)
        .send(application(receivedOn))
        .expect(400);
      expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain('receivedOn');
      expect(res.body.message).toMatch(/日期范围/);
      expect(await casesOfDesk()).toBe(before);
    },
  );

  it('keeps the case list, its sorting and the dashboard answering', async () => {
    for (const sort of ['receivedOn', 'answerDueOn', 'nextDueOn']) {
      await t.http().get(`/api/cases?sort=${sort}`).set('Cookie', desk.cookies.clerk).expect(200);
    }
    await t.http().get('/api/dashboard').set('Cookie', desk.cookies.clerk).expect(200);
  });

  it('refuses a future receipt date (Art. 31: the day it was received) with the field named', async () => {
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send(application('2026-03-09'))
      .expect(400);
    expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain('receivedOn');
  });

  it('refuses an out-of-range date in an event payload before anything is journaled', async () => {
    const created = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send(application('2026-03-02'))
      .expect(201);
    const id = created.body.case.id as string;
    const res = await t
      .http()
      .post(`/api/cases/${id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .send({
        type: 'REQUEST_SUPPLEMENT',
        payload: { on: '1900-01-02', dueOn: '2026-03-20', items: ['身份证明'] },
      })
      .expect(400);
    expect(res.body.fieldErrors.map((f: { field: string }) => f.field)).toContain('payload.on');
    const [row] = await t.db.query('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [
      id,
    ]);
    expect(Number(row.n)).toBe(1);
  });
});
