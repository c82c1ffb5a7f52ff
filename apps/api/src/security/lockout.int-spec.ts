import argon2 from 'argon2';
import {
  createTestApp,
  login,
  seedAgency,
  seedUser,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Findings 1 and 7 of issue 16: the lockout counted under a race, login had no per-client limit,
 * and an unknown username cost no argon2 verification (so timing told which usernames exist).
 * argon2's verify is observed, never replaced: the count of real verifications is the behaviour.
 */
const realVerify = argon2.verify.bind(argon2);

describe('login lockout and rate limits', () => {
  let t: TestApp;
  let verify: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp({
      now: new Date('2026-03-02T02:00:00Z'),
      // The client address comes from X-Forwarded-For, as behind the deployment's proxy.
      config: { loginClientLimit: 12, trustProxy: 'loopback' },
    });
  });
  beforeEach(() => {
    verify = jest.spyOn(argon2, 'verify');
  });
  afterEach(() => verify.mockRestore());
  afterAll(() => t.close());

  let clients = 0;
  /** Each test signs in from addresses of its own, so the per-client count is the test's own. */
  const freshIp = () => `198.51.100.${++clients}`;
  let ip = '';
  beforeEach(() => {
    ip = freshIp();
  });

  const attempt = (username: string, password: string, from = ip) =>
    t.http().post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

  it('counts parallel wrong passwords atomically: at most 4 are judged wrong, then the account is locked', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    const answers = await Promise.all(
      Array.from({ length: 11 }, () => attempt(user.username, 'wrong-password-9')),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    // Only the attempts within the lockout limit reached argon2.
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    const right = await attempt(user.username, TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/锁定/);
    const [row] = await t.db.query('SELECT locked_until FROM users WHERE id = $1', [user.id]);
    expect(row.locked_until).not.toBeNull();
  });

  it('never lets more than 5 guesses of one account reach argon2, even with the right one among them', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    // Every verification waits until each guess is either reserved or refused, so all ten are
    // truly concurrent: none can finish first and, by a success, start a new count (which is the
    // lockout's rule; the cheap test hash would otherwise let the first guesses finish before
    // the last ones arrive, and the count would then depend on timing, not on the reservation).
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    verify.mockImplementation(async (...args: Parameters<typeof argon2.verify>) => {
      await gate;
      return realVerify(...args);
    });
    const passwords = Array.from({ length: 10 }, (_, i) =>
      i === 6 ? TEST_PASSWORD : `wrong-password-${i}`,
    );
    let answered = 0;
    const pending = passwords.map((p) =>
      attempt(user.username, p).then((a) => {
        answered++;
        return a;
      }),
    );
    for (;;) {
      const [row] = await t.db.query('SELECT failed_logins FROM users WHERE id = $1', [user.id]);
      if (row.failed_logins + answered >= passwords.length) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    open();
    const answers = await Promise.all(pending);
    expect(answers.every((a) => [200, 401, 429].includes(a.status))).toBe(true);
    const verifiedForUser = verify.mock.calls.filter(([hash]) => hash === user.passwordHash).length;
    expect(verifiedForUser).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a locked account before argon2 runs', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    for (let i = 0; i < 5; i++) await attempt(user.username, 'wrong-password-9');
    verify.mockClear();
    await attempt(user.username, TEST_PASSWORD).expect(429);
    expect(verify).not.toHaveBeenCalled();
  });

  it('verifies a password for an unknown username too, so both cost one argon2 verification', async () => {
    const agency = await seedAgency(t.db);
    const user = await seedUser(t.db, { agency, roles: ['clerk'] });
    await attempt(user.username, 'wrong-password-9').expect(401);
    expect(verify).toHaveBeenCalledTimes(1);
    verify.mockClear();
    const unknown = await attempt(`nobody-${user.username}`, 'wrong-password-9').expect(401);
    expect(unknown.body.message).toBe('用户名或密码错误');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('limits failed logins per client address, counted in Redis, before argon2 runs', async () => {
    const agency = await seedAgency(t.db);
    const names = await Promise.all(
      Array.from(
        { length: 13 },
        async () => (await seedUser(t.db, { agency, roles: ['clerk'] })).username,
      ),
    );
    verify.mockClear();
    for (const name of names.slice(0, 12)) {
      await attempt(name, 'wrong-password-9', ip).expect(401);
    }
    const verified = verify.mock.calls.length;
    const refused = await attempt(names[12] as string, TEST_PASSWORD, ip).expect(429);
    expect(refused.body.message).toMatch(/频繁/);
    expect(verify.mock.calls.length).toBe(verified);
    // Another address is not affected, and a successful login does not count.
    await attempt(names[12] as string, TEST_PASSWORD, freshIp()).expect(200);
    await login(t, names[12] as string);
  });
});
