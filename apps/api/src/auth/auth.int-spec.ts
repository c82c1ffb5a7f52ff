import {
  createTestApp,
  login,
  seedAgency,
  seedDesk,
  seedUser,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app';

// argon2id logins take seconds each on two shared cores.
jest.setTimeout(180_000);

describe('auth on real PostgreSQL', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  });
  afterAll(() => t.close());

  it('signs in, answers /auth/me, and signs out', async () => {
    const agency = await seedAgency(t.db, { name: '人民社区' });
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    const cookie = await login(t, user.username);
    const me = await t.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    expect(me.body.user).toMatchObject({
      username: user.username,
      roles: ['clerk'],
      agencyName: '人民社区',
    });
    await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('sets an httpOnly session cookie', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(200);
    expect(String(res.headers['set-cookie'])).toMatch(/gongkai_session=.+HttpOnly/i);
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'nope' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'no-such-user', password: 'nope' })
      .expect(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    for (let i = 0; i < 4; i++) {
      await t
        .http()
        .post('/api/auth/login')
        .send({ username: user.username, password: 'bad' })
        .expect(401);
    }
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: 'bad' })
      .expect(429);
    const locked = await t
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(429);
    expect(locked.body.message).toMatch(/锁定/);
    t.clock.advanceMinutes(14);
    await t
      .http()
      .post('/api/auth/login')
      .send({ username: user.username, password: TEST_PASSWORD })
      .expect(429);
    t.clock.advanceMinutes(2);
    await login(t, user.username);
  });

  it('ends a session idle longer than the limit, and keeps an active one alive', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    const cookie = await login(t, user.username);
    t.clock.advanceMinutes(20);
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    t.clock.advanceMinutes(20);
    await t.http().get('/api/auth/me').set('Cookie', cookie).expect(200);
    t.clock.advanceMinutes(31);
    const expired = await t.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
    expect(expired.body.message).toMatch(/会话已过期/);
  });

  it('refuses bad login bodies with 400 and field messages', async () => {
    const res = await t.http().post('/api/auth/login').send({ username: '' }).expect(400);
    expect(res.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual([
      'password',
      'username',
    ]);
    await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
  });
});

describe('users and agencies', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets only administrators manage users', async () => {
    const desk = await seedDesk(t);
    for (const role of ['clerk', 'leader', 'auditor'] as const) {
      await t.http().get('/api/users').set('Cookie', desk.cookies[role]).expect(403);
      await t.http().post('/api/users').set('Cookie', desk.cookies[role]).send({}).expect(403);
    }
    const list = await t.http().get('/api/users').set('Cookie', desk.cookies.admin).expect(200);
    expect(list.body).toHaveLength(4);
  });

  it('creates a user who can then sign in, and refuses a duplicate username', async () => {
    const desk = await seedDesk(t);
    const username = `new-clerk-${Date.now()}`;
    const body = {
      username,
      displayName: '新经办人',
      password: 'a-long-pass-123',
      roles: ['clerk'],
    };
    await t.http().post('/api/users').set('Cookie', desk.cookies.admin).send(body).expect(201);
    await login(t, username, 'a-long-pass-123');
    const users = await t.http().get('/api/users').set('Cookie', desk.cookies.admin).expect(200);
    const created = users.body.find((u: { username: string }) => u.username === username);
    expect(created.email).toBeNull();
    await t
      .http()
      .patch(`/api/users/${created.id}`)
      .set('Cookie', desk.cookies.admin)
      .send({ email: 'not-an-address' })
      .expect(400);
    const patched = await t
      .http()
      .patch(`/api/users/${created.id}`)
      .set('Cookie', desk.cookies.admin)
      .send({ email: 'clerk@example.gov.cn' })
      .expect(200);
    expect(patched.body.email).toBe('clerk@example.gov.cn');
    const dup = await t
      .http()
      .post('/api/users')
      .set('Cookie', desk.cookies.admin)
      .send(body)
      .expect(409);
    expect(dup.body.message).toContain(username);
  });

  it('refuses a weak password with a field message', async () => {
    const desk = await seedDesk(t);
    const res = await t
      .http()
      .post('/api/users')
      .set('Cookie', desk.cookies.admin)
      .send({
        username: `weak-${Date.now()}`,
        displayName: '甲',
        password: 'short',
        roles: ['clerk'],
      })
      .expect(400);
    expect(res.body.fieldErrors[0].field).toBe('password');
  });

  it('hides users and agencies of other agencies (404), and shows a supervisor its subtree', async () => {
    const district = await seedAgency(t.db, { name: '区政府办' });
    const street = await seedAgency(t.db, { name: '街道', parent: district });
    const other = await seedDesk(t);
    const supervisor = await seedUser(t.db, {
      agency: district,
      roles: ['admin'],
      subtreeScope: true,
    });
    const cookie = await login(t, supervisor.username);
    const agencies = await t.http().get('/api/agencies').set('Cookie', cookie).expect(200);
    expect(agencies.body.map((a: { id: string }) => a.id)).toEqual([district.id, street.id]);
    await t
      .http()
      .patch(`/api/users/${other.users.clerk.id}`)
      .set('Cookie', cookie)
      .send({ active: false })
      .expect(404);
    await t
      .http()
      .patch(`/api/agencies/${other.agency.id}`)
      .set('Cookie', cookie)
      .send({ name: 'x' })
      .expect(404);
    await t
      .http()
      .patch('/api/agencies/not-a-uuid')
      .set('Cookie', cookie)
      .send({ name: 'x' })
      .expect(404);
  });

  it('creates a child agency under the administrator’s own', async () => {
    const desk = await seedDesk(t);
    const code = `child-${Date.now()}`;
    const res = await t
      .http()
      .post('/api/agencies')
      .set('Cookie', desk.cookies.admin)
      .send({ code, name: '下属单位' })
      .expect(201);
    expect(res.body.parentId).toBe(desk.agency.id);
  });

  it('requires a session on every non-public route', async () => {
    await t.http().get('/api/users').expect(401);
    await t.http().get('/api/agencies').expect(401);
    await t.http().get('/api/health').expect(200);
  });
});
