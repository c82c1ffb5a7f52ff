import { createServer, type Server, type Socket, connect } from 'node:net';
import { type AddressInfo } from 'node:net';
import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';

// argon2id logins and hashes take seconds each on two shared cores.
jest.setTimeout(180_000);

/**
 * Finding 6 of issue 16: NUL characters (and unpaired surrogates) reached PostgreSQL and answered
 * 500, two concurrent creations of one username answered 500, and a stopped database answered 500.
 */
describe('input the database cannot store', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await seedDesk(t);
  });
  afterAll(() => t.close());

  it('answers 400 for a NUL in a login username', async () => {
    const res = await t
      .http()
      .post('/api/auth/login')
      .send({ username: 'clerk\u0000', password: 'whatever-123' })
      .expect(400);
    expect(res.body.message).toMatch(/无法保存的字符|无法处理的字符/);
  });

  it('answers 400 for a NUL in a user’s displayName and an agency’s phone', async () => {
    await t
      .http()
      .post('/api/users')
      .set('Cookie', desk.cookies.admin)
      .send({
        username: `nul-${Date.now()}`,
        displayName: '甲\u0000',
        password: 'Valid-passw0rd-x',
        roles: ['clerk'],
      })
      .expect(400);
    await t
      .http()
      .patch(`/api/agencies/${desk.agency.id}`)
      .set('Cookie', desk.cookies.admin)
      .send({ phone: '0551-\u00001234' })
      .expect(400);
  });

  it('answers 400 for a NUL in a path and a query string, and for an unpaired surrogate', async () => {
    await t.http().get('/api/public/reports/%00/2025').expect(400);
    await t.http().get('/api/cases?q=%00').set('Cookie', desk.cookies.clerk).expect(400);
    await t.http().get('/api/public/reports/%ED%A0%80/2025').expect(400);
    await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username":"\\ud800","password":"x"}')
      .expect(400);
    await t
      .http()
      .patch(`/api/agencies/${desk.agency.id}`)
      .set('Cookie', desk.cookies.admin)
      .set('Content-Type', 'application/json')
      .send('{"address":"\\udc00 某路1号"}')
      .expect(400);
  });

  it('answers one 201 and one 409 to two concurrent creations of one username', async () => {
    const body = {
      username: `twin-${Date.now()}`,
      displayName: '双胞胎',
      password: 'Valid-passw0rd-x',
      roles: ['clerk'],
    };
    const answers = await Promise.all(
      [0, 1, 2].map(() => t.http().post('/api/users').set('Cookie', desk.cookies.admin).send(body)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });
});

/** A TCP relay to PostgreSQL that the test can cut, as a database that goes away. */
async function relayTo(port: number): Promise<{ port: number; cut: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}

describe('database unavailable', () => {
  it('answers 503 with Retry-After, not 500', async () => {
    const base = new URL(
      process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/gongkai',
    );
    const relay = await relayTo(Number(base.port || 5432));
    const url = new URL(base.toString());
    url.port = String(relay.port);
    const t = await createTestApp({ config: { databaseUrl: url.toString() } });
    try {
      const desk = await seedDesk(t);
      await relay.cut();
      const res = await t.http().get('/api/cases').set('Cookie', desk.cookies.clerk);
      expect(res.status).toBe(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const login = await t
        .http()
        .post('/api/auth/login')
        .send({ username: desk.users.clerk.username, password: 'test-password-1' });
      expect(login.status).toBe(503);
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
