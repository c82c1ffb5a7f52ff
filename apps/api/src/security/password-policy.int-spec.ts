import { randomUUID } from 'node:crypto';
import {
  createTestApp,
  login,
  registerCase,
  seedAgency,
  seedDesk,
  seedUser,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app';
import { applicationOn } from './two-agencies.testing';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 9 of issue 16: `password12`, `aaaaaaaaa1` and `"         a1"` were accepted, there was
 * no history and no expiry; an identity number could be revealed without a reason, and the
 * reveals' table could be truncated.
 */
describe('password policy (等保2.0 三级)', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp({
      now: new Date('2026-03-02T02:00:00Z'),
      config: { passwordMaxAgeDays: 90 },
    });
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  const create = (username: string, password: string) =>
    t
      .http()
      .post('/api/users')
      .set('Cookie', desk.cookies.admin)
      .send({ username, displayName: '新用户', password, roles: ['clerk'] });

  it.each([
    'password12',
    'aaaaaaaaa1',
    '         a1',
    'Password123',
    'Qwerty123456',
    'Short1!',
    'onlylowercaseletters',
  ])('refuses %j with a message on the password field', async (password) => {
    const res = await create(`weak-${randomUUID().slice(0, 8)}`, password).expect(400);
    expect(res.body.fieldErrors[0].field).toBe('password');
    expect(res.body.fieldErrors[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses the username as the password', async () => {
    const username = `zhang.san-${randomUUID().slice(0, 4)}`;
    await create(username, `${username}`).expect(400);
    await create(username, `X1!${username}`).expect(400);
  });

  it('accepts a password of 10+ characters with three character classes', async () => {
    await create(`good-${randomUUID().slice(0, 8)}`, 'Ganlan-shu-42').expect(201);
  });

  it('refuses the reuse of any of the last five passwords', async () => {
    const user = await seedUser(t.db, { agency: desk.agency, roles: ['clerk'] });
    const set = (password: string) =>
      t.http().patch(`/api/users/${user.id}`).set('Cookie', desk.cookies.admin).send({ password });
    const history = ['Lvshui-qing-01', 'Lvshui-qing-02', 'Lvshui-qing-03', 'Lvshui-qing-04'];
    for (const p of history) await set(p).expect(200);
    // The current one and the four before it (the seeded one included) are all refused.
    for (const p of [TEST_PASSWORD, ...history]) {
      const res = await set(p).expect(400);
      expect(res.body.fieldErrors[0]).toMatchObject({ field: 'password' });
      expect(res.body.message).toMatch(/最近5次/);
    }
    await set('Lvshui-qing-05').expect(200);
    // The seeded one has now left the last five.
    await set(TEST_PASSWORD).expect(200);
    // Each change verifies up to five argon2id hashes: slow by design on two shared cores.
  }, 180_000);

  it('asks for a new password once PASSWORD_MAX_AGE_DAYS have passed', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    // Set on the test's clock (the seed's default is the database's own now()).
    await t.db.query('UPDATE users SET password_changed_at = $2 WHERE id = $1', [
      user.id,
      t.clock.now(),
    ]);
    await login(t, user.username);
    t.clock.advanceMinutes(91 * 24 * 60);
    try {
      const res = await t
        .http()
        .post('/api/auth/login')
        .send({ username: user.username, password: TEST_PASSWORD })
        .expect(403);
      expect(res.body.code).toBe('password_expired');
      await t
        .http()
        .patch(`/api/users/${user.id}`)
        .set(
          'Cookie',
          await login(t, (await seedUser(t.db, { agency, roles: ['admin'] })).username),
        )
        .send({ password: 'Renewed-passw0rd' })
        .expect(200);
      await login(t, user.username, 'Renewed-passw0rd');
    } finally {
      t.clock.advanceMinutes(-91 * 24 * 60);
    }
  });
});

describe('identity reveals', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2026-03-02T02:00:00Z') });
  });
  afterAll(() => t.close());

  it('needs a reason of at least 4 characters, and journals it', async () => {
    const desk = await seedDesk(t);
    const c = await registerCase(t, desk.cookies.clerk, applicationOn('2026-03-02'));
    const reveal = (body: object) =>
      t
        .http()
        .post(`/api/cases/${c.id}/identity/reveal`)
        .set('Cookie', desk.cookies.auditor)
        .send(body);
    for (const body of [{}, { reason: '' }, { reason: '   看看 ' }, { reason: '核对' }]) {
      const res = await reveal(body).expect(400);
      expect(res.body.fieldErrors[0].field).toBe('reason');
    }
    const count = async () =>
      Number(
        (
          await t.db.query('SELECT count(*) AS n FROM identity_reveals WHERE case_id = $1', [c.id])
        )[0].n,
      );
    expect(await count()).toBe(0);
    await reveal({ reason: '核对申请人身份' }).expect(200);
    expect(await count()).toBe(1);
  });

  it('refuses TRUNCATE of identity_reveals', async () => {
    await expect(t.db.query('TRUNCATE identity_reveals')).rejects.toThrow(/identity_reveals/);
  });
});
