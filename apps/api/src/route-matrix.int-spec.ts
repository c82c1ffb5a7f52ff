import { randomUUID } from 'node:crypto';
import { agencyFingerprint } from './security/agency-fingerprint.testing';
import { exampleOf, requestSchema, type OpenApiDoc } from './security/openapi-examples.testing';
import { seedTwoAgencies } from './security/two-agencies.testing';
import { createTestApp, seedDesk, type TestApp } from './testing/test-app';

// Hundreds of requests and a dozen argon2id logins per block, on two shared cores.
jest.setTimeout(300_000);

/**
 * Every route of the OpenAPI document × every role (and no session): a route that is not public
 * answers 401 without a session; none ever answers 5xx to a request with unknown ids and an empty
 * body — bad input is the clerk's mistake (4xx), never the server's.
 */
const PUBLIC_PREFIXES = [
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/public/',
  '/api/metrics',
];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function concrete(path: string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (name === 'year') return '2025';
    if (name === 'n' || name === 'version') return '1';
    if (name === 'kind') return 'decision';
    if (/code/i.test(name)) return 'no-such-agency';
    return randomUUID();
  });
}

describe('every route × every role', () => {
  let t: TestApp;
  let routes: { method: (typeof METHODS)[number]; path: string }[];
  let cookies: Record<'clerk' | 'leader' | 'auditor' | 'admin', string>;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
    cookies = (await seedDesk(t)).cookies;
    const doc = (await t.http().get('/api/docs/json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => m in ops).map((method) => ({ method, path })),
    );
  });
  afterAll(() => t.close());

  it('documents the routes it checks', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it('answers 401 without a session on every route that is not public', async () => {
    const wrong: string[] = [];
    for (const { method, path } of routes) {
      if (PUBLIC_PREFIXES.some((p) => path.startsWith(p))) continue;
      const res = await t.http()[method](concrete(path)).send({});
      if (res.status !== 401) wrong.push(`${method.toUpperCase()} ${path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never answers 5xx, whoever asks', async () => {
    const wrong: string[] = [];
    for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
      for (const { method, path } of routes) {
        const res = await t.http()[method](concrete(path)).set('Cookie', cookies[role]).send({});
        if (res.status >= 500)
          wrong.push(`${role} ${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

/**
 * Every write route × every role of a foreign agency, with a body made from the route's own
 * schema (so it passes validation and reaches the scope check) and the ids of another agency's
 * case, users and agency: none answers 5xx, and nothing of the other agency changes. The same
 * writes with the other agency's own sessions but a foreign Origin are all refused (CSRF).
 */
describe('every write route × every role of a foreign agency', () => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let writes: { method: 'post' | 'put' | 'patch' | 'delete'; path: string }[];
  let target: Awaited<ReturnType<typeof seedDesk>>;
  let foreign: Awaited<ReturnType<typeof seedDesk>>;
  let caseId: string;
  let all: Awaited<ReturnType<typeof seedTwoAgencies>>['routes'];

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
    ({ target, foreign, caseId, doc, routes: all } = await seedTwoAgencies(t));
    writes = all.filter((r): r is (typeof writes)[number] => r.method !== 'get');
  });
  afterAll(() => t.close());

  /** The path with the target agency's ids: its case, its clerk, itself. */
  const targeted = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_m, name: string, offset: number) => {
      const before = path.slice(0, offset);
      if (name === 'year') return '2025';
      if (name === 'n' || name === 'version') return '1';
      if (name === 'kind') return 'decision';
      if (/code/i.test(name)) return target.agency.code;
      if (before.endsWith('/users/')) return target.users.clerk.id;
      if (before.endsWith('/agencies/')) return target.agency.id;
      return caseId;
    });
  const body = (path: string, method: string) =>
    exampleOf(doc, requestSchema(doc, path, method), {
      uuid: target.agency.id,
      date: '2025-06-30',
    }) ?? {};

  it('checks every write route', () => {
    expect(writes.length).toBeGreaterThan(25);
  });

  it('never lets a foreign role write to the agency, and never answers 5xx', async () => {
    const before = await agencyFingerprint(t.db, target.agency.id);
    const wrong: string[] = [];
    for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
      for (const { method, path } of writes) {
        if (path === '/api/auth/logout') continue; // ends the caller's own session only
        const res = await t
          .http()
          [method](targeted(path))
          .set('Cookie', foreign.cookies[role])
          .send(body(path, method) as object);
        if (res.status >= 500)
          wrong.push(`${role} ${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await agencyFingerprint(t.db, target.agency.id)).toBe(before);
  }, 600_000);

  it('refuses every write of the agency’s own roles from a foreign Origin, writing nothing', async () => {
    const before = await agencyFingerprint(t.db, target.agency.id);
    const wrong: string[] = [];
    for (const role of ['clerk', 'leader', 'auditor', 'admin'] as const) {
      for (const { method, path } of writes) {
        const res = await t
          .http()
          [method](targeted(path))
          .set('Cookie', target.cookies[role])
          .set('Origin', 'http://127.0.0.1:5555')
          .send(body(path, method) as object);
        if (res.status !== 403)
          wrong.push(`${role} ${method.toUpperCase()} ${path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await agencyFingerprint(t.db, target.agency.id)).toBe(before);
  }, 600_000);
});
