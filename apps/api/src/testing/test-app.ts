import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import argon2 from 'argon2';
import request from 'supertest';
import { type DataSource } from 'typeorm';
import { AgencyEntity, agencyPath, migrate, UserEntity, type UserRole } from '@gongkai/persistence';
import { createApiApp } from '../bootstrap';
import { ManualClock } from '../common/clock';
import { apiConfigFromEnv, type ApiConfig } from '../config/api-config';

/**
 * Integration-test harness: the real API on the run's throw-away PostgreSQL (DATABASE_URL, set by
 * `npm test`) and Redis, with a ManualClock. Each test file makes its own agencies (unique codes),
 * so files never see each other's data.
 */
export interface TestApp {
  app: INestApplication;
  db: DataSource;
  clock: ManualClock;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

let migrated: Promise<unknown> | null = null;

/**
 * `config` overrides the environment's (e.g. a Redis URL that points nowhere). Each app counts the
 * public rate limits under a Redis prefix of its own unless `config.rateLimitPrefix` is given:
 * pass the same one to two apps to make them two instances of one deployment.
 */
export async function createTestApp(
  options: { now?: Date; config?: Partial<ApiConfig> } = {},
): Promise<TestApp> {
  const env = apiConfigFromEnv();
  const config: ApiConfig = {
    ...env,
    rateLimitPrefix: `${env.queuePrefix}:test-throttle-${randomUUID().slice(0, 8)}:`,
    ...options.config,
  };
  migrated ??= migrate(config.databaseUrl);
  await migrated;
  const clock = new ManualClock(options.now ?? new Date());
  const app = await createApiApp(config, { quiet: true, clock });
  await app.init();
  const db = app.get<DataSource>(getDataSourceToken());
  return { app, db, clock, http: () => request(app.getHttpServer()), close: () => app.close() };
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function seedAgency(
  db: DataSource,
  input: { code?: string; name?: string; parent?: AgencyEntity } = {},
): Promise<AgencyEntity> {
  const repo = db.getRepository(AgencyEntity);
  const id = randomUUID();
  const agency = repo.create({
    id,
    code: input.code ?? uniqueCode('agency'),
    name: input.name ?? '测试机关',
    parentId: input.parent?.id ?? null,
    path: agencyPath(input.parent?.path ?? null, id),
    address: null,
    phone: null,
  });
  await repo.insert(agency);
  return agency;
}

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | null = null;

/**
 * The test users' password hash: argon2id at its smallest cost, made once. A hash carries its own
 * parameters, so a sign-in verifies at that cost (about 1 ms) instead of the production 64 MiB,
 * t=3 (about 350 ms on a 2-core machine; the api suite signs in some 300 times). Whatever the
 * application hashes itself (password change and reset, the unknown-username dummy) keeps the
 * production cost, and the lockout spec counts verifications, not milliseconds.
 */
function testPasswordHash(): Promise<string> {
  passwordHash ??= argon2.hash(TEST_PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 1024,
    timeCost: 1,
    parallelism: 1,
  });
  return passwordHash;
}

export async function seedUser(
  db: DataSource,
  input: {
    agency: AgencyEntity;
    roles: UserRole[];
    username?: string;
    subtreeScope?: boolean;
    displayName?: string;
  },
): Promise<UserEntity> {
  const repo = db.getRepository(UserEntity);
  const user = repo.create({
    username: input.username ?? uniqueCode(input.roles[0] ?? 'user'),
    displayName: input.displayName ?? `测试${input.roles.join('/')}`,
    passwordHash: await testPasswordHash(),
    roles: input.roles,
    agencyId: input.agency.id,
    subtreeScope: input.subtreeScope ?? false,
  });
  await repo.save(user);
  return user;
}

/** Signs in and returns the session cookie for `.set('Cookie', cookie)`. */
export async function login(
  t: TestApp,
  username: string,
  password = TEST_PASSWORD,
): Promise<string> {
  const res = await t.http().post('/api/auth/login').send({ username, password });
  if (res.status !== 200)
    throw new Error(`login of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const cookies = res.headers['set-cookie'] as unknown as string[];
  return cookies.map((c) => c.split(';')[0]).join('; ');
}

/** A case registered over HTTP by the user of `cookie`; anything but 201 fails the test. */
export async function registerCase<T = { id: string; ref: string; version: number }>(
  t: TestApp,
  cookie: string,
  application: object,
): Promise<T> {
  const res = await t.http().post('/api/cases').set('Cookie', cookie).send(application);
  if (res.status !== 201)
    throw new Error(`registration answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { case: T }).case;
}

/** An agency with one user of each role, signed in. */
export async function seedDesk(t: TestApp, parent?: AgencyEntity) {
  const agency = await seedAgency(t.db, { parent });
  const users = {
    clerk: await seedUser(t.db, { agency, roles: ['clerk'] }),
    leader: await seedUser(t.db, { agency, roles: ['leader'] }),
    auditor: await seedUser(t.db, { agency, roles: ['auditor'] }),
    admin: await seedUser(t.db, { agency, roles: ['admin'] }),
  };
  const cookies = {
    clerk: await login(t, users.clerk.username),
    leader: await login(t, users.leader.username),
    auditor: await login(t, users.auditor.username),
    admin: await login(t, users.admin.username),
  };
  return { agency, users, cookies };
}
