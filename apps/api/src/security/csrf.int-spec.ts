import { createTestApp, registerCase, seedDesk, type TestApp } from '../testing/test-app';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 2 of issue 16: a page on another port of the same host auto-submitted a form to
 * POST /api/cases/:id/events as a signed-in clerk and the case ended. A state-changing request
 * now needs an Origin among WEB_ORIGINS (or none at all, as from the CLI) and a JSON or multipart
 * body; refused requests write nothing.
 */
describe('cross-site request forgery', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  const application = {
    receivedOn: '2026-03-02',
    channel: 'post',
    applicant: { category: 'natural_person', name: '张三' },
    request: '申请公开某道路改造工程的立项批复',
  };

  beforeAll(async () => {
    t = await createTestApp({
      now: new Date('2026-03-02T02:00:00Z'),
      config: { webOrigins: ['http://127.0.0.1:4200', 'http://127.0.0.1:4300'] },
    });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  const caseVersion = async (id: string): Promise<{ version: number; state: string }> => {
    const [row] = await t.db.query('SELECT version, state FROM cases WHERE id = $1', [id]);
    return row;
  };
  const journalRows = async (id: string): Promise<number> =>
    Number(
      (await t.db.query('SELECT count(*) AS n FROM case_events WHERE case_id = $1', [id]))[0].n,
    );

  it('refuses a cross-site form post and writes nothing', async () => {
    const c = await registerCase(t, desk.cookies.clerk, application);
    const res = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .set('Origin', 'http://127.0.0.1:5555')
      .set('Sec-Fetch-Site', 'same-site')
      .type('form')
      .send('type=WITHDRAW&payload[on]=2026-03-02');
    expect([403, 415]).toContain(res.status);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await caseVersion(c.id)).toEqual({ version: 1, state: 'intake' });
    expect(await journalRows(c.id)).toBe(1);
  });

  it('refuses a form post with no Origin at all (415): only JSON and multipart bodies are read', async () => {
    const c = await registerCase(t, desk.cookies.clerk, application);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .type('form')
      .send('type=WITHDRAW')
      .expect(415);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .set('Content-Type', 'text/plain')
      .send('{"type":"WITHDRAW"}')
      .expect(415);
    expect(await caseVersion(c.id)).toEqual({ version: 1, state: 'intake' });
  });

  it('refuses a JSON write from a foreign Origin with 403 and writes nothing', async () => {
    const c = await registerCase(t, desk.cookies.clerk, application);
    const res = await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .set('Origin', 'http://evil.example')
      .send({ type: 'WITHDRAW', payload: { on: '2026-03-02' } })
      .expect(403);
    expect(res.body.code).toBe('cross_site_request');
    expect(await caseVersion(c.id)).toEqual({ version: 1, state: 'intake' });
    expect(await journalRows(c.id)).toBe(1);
    const before = Number((await t.db.query('SELECT count(*) AS n FROM cases'))[0].n);
    await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .set('Origin', 'null')
      .send(application)
      .expect(403);
    expect(Number((await t.db.query('SELECT count(*) AS n FROM cases'))[0].n)).toBe(before);
  });

  it('refuses a cross-site fetch that names no Origin (Sec-Fetch-Site only)', async () => {
    const c = await registerCase(t, desk.cookies.clerk, application);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ type: 'WITHDRAW', payload: { on: '2026-03-02' } })
      .expect(403);
    expect(await caseVersion(c.id)).toEqual({ version: 1, state: 'intake' });
  });

  it('accepts the desk and the publisher (configured origins) and the CLI (no Origin)', async () => {
    const c = await registerCase(t, desk.cookies.clerk, application);
    await t
      .http()
      .post(`/api/cases/${c.id}/events`)
      .set('Cookie', desk.cookies.clerk)
      .set('Origin', 'http://127.0.0.1:4200')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ type: 'WITHDRAW', payload: { on: '2026-03-02' } })
      .expect(200);
    expect((await caseVersion(c.id)).version).toBe(2);
    await t
      .http()
      .post('/api/auth/login')
      .set('Origin', 'http://127.0.0.1:4300')
      .send({ username: desk.users.leader.username, password: 'test-password-1' })
      .expect(200);
    // Reads are never refused for their Origin: only state-changing methods are checked.
    await t
      .http()
      .get('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .set('Origin', 'http://evil.example')
      .expect(200);
  });

  it('refuses a forged login too (login CSRF), and a forged logout', async () => {
    await t
      .http()
      .post('/api/auth/login')
      .set('Origin', 'http://127.0.0.1:5555')
      .send({ username: desk.users.clerk.username, password: 'test-password-1' })
      .expect(403);
    await t
      .http()
      .post('/api/auth/logout')
      .set('Cookie', desk.cookies.auditor)
      .set('Origin', 'http://127.0.0.1:5555')
      .expect(403);
    await t.http().get('/api/auth/me').set('Cookie', desk.cookies.auditor).expect(200);
  });
});
