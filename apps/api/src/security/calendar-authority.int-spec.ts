import {
  createTestApp,
  login,
  registerCase,
  seedAgency,
  seedDesk,
  seedUser,
  type TestApp,
} from '../testing/test-app';

// 2033 has no built-in arrangement; no other test file loads it.
const YEAR = 2033;
const NOW = new Date(`${YEAR}-02-28T02:00:00Z`);

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 4 of issue 16: a subordinate agency's administrator changed the national holiday
 * calendar (PUT /api/calendar/:year → 200), re-dating other agencies' cases under its name. The
 * calendar is national data: only an administrator of a root agency may change it.
 */
describe('who may change the holiday calendar', () => {
  let t: TestApp;
  const arrangement = { holidays: [`${YEAR}-03-07`], makeupWorkdays: [], source: '测试通知' };

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    await t.db.query('DELETE FROM calendar_years WHERE year = $1', [YEAR]);
  });
  afterAll(() => t.close());

  it('refuses a subordinate agency’s administrator with 403 and changes nothing', async () => {
    const root = await seedAgency(t.db, { name: '区政府' });
    const street = await seedAgency(t.db, { name: '某街道', parent: root });
    const admin = await seedUser(t.db, { agency: street, roles: ['admin'] });
    const cookie = await login(t, admin.username);
    const other = await seedDesk(t);
    const foreign = await registerCase<{ id: string; version: number; answerDueOn: string }>(
      t,
      other.cookies.clerk,
      {
        receivedOn: `${YEAR}-02-28`,
        channel: 'post',
        applicant: { category: 'natural_person', name: '王五' },
        request: '申请公开某项目的立项批复',
      },
    );
    const res = await t
      .http()
      .put(`/api/calendar/${YEAR}`)
      .set('Cookie', cookie)
      .send(arrangement)
      .expect(403);
    expect(res.body.message).toMatch(/节假日/);
    const year = await t.http().get(`/api/calendar/${YEAR}`).set('Cookie', cookie).expect(200);
    expect(year.body.origin).toBe('missing');
    const [row] = await t.db.query('SELECT version FROM cases WHERE id = $1', [foreign.id]);
    expect(row.version).toBe(foreign.version);

    // Its preview stays allowed and scoped: the other agency's case is counted, never named.
    const preview = await t
      .http()
      .post(`/api/calendar/${YEAR}/preview`)
      .set('Cookie', cookie)
      .send(arrangement)
      .expect(200);
    expect(preview.body.cases.map((c: { caseId: string }) => c.caseId)).not.toContain(foreign.id);
  });

  it('lets the administrator of a root agency load the year', async () => {
    const desk = await seedDesk(t);
    await t
      .http()
      .put(`/api/calendar/${YEAR}`)
      .set('Cookie', desk.cookies.admin)
      .send(arrangement)
      .expect(200);
    await t.db.query('DELETE FROM calendar_years WHERE year = $1', [YEAR]);
  });

  it('refuses every non-administrator', async () => {
    const desk = await seedDesk(t);
    for (const role of ['clerk', 'leader', 'auditor'] as const) {
      await t
        .http()
        .put(`/api/calendar/${YEAR}`)
        .set('Cookie', desk.cookies[role])
        .send(arrangement)
        .expect(403);
    }
  });
});
