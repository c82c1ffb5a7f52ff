import { type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { agencyFingerprint } from './agency-fingerprint.testing';
import { exampleOf, requestSchema, type Pick } from './openapi-examples.testing';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedTwoAgencies } from './two-agencies.testing';

/**
 * Issue 16's fuzzer: random requests over every documented route — bodies made from the route's
 * schema and then broken (NUL, unpaired surrogates, huge or absurd values, dates of 1900, wrong
 * types, deep nesting), bad path ids, query strings, foreign Origins, form and text bodies, every
 * role of two agencies or none. It must never answer 5xx, and a refused request (4xx) must write
 * nothing of the agency it aims at. FUZZ_REQUESTS (default 300 in the suite) and FUZZ_SEED make
 * a by-hand run: `FUZZ_REQUESTS=5000 npx jest -c apps/api/jest.config.cjs apps/api/src/security/fuzz`.
 */
const REQUESTS = Number(process.env['FUZZ_REQUESTS'] ?? 300);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 1_000_000);

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY: readonly unknown[] = [
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  'x'.repeat(20_000),
  '',
  '   ',
  '1900-01-01',
  '2999-12-31',
  '2026-02-30',
  -1,
  0,
  1e308,
  3.5,
  null,
  true,
  [],
  {},
  { $ne: null },
  [[[[[[[[[[[]]]]]]]]]]],
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '../../etc/passwd',
  '%00',
  '\u202e',
];
const PATH_VALUES = ['not-a-uuid', '%00', '%ED%A0%80', '..%2F..', '1900', '99999', 'x'.repeat(300)];
const ORIGINS = [undefined, undefined, 'http://127.0.0.1:4200', 'http://evil.example', 'null'];
const TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
];

function mutate(value: unknown, random: () => number, pick: Pick, depth = 0): unknown {
  if (random() < 0.15 || depth > 6) return pick(NASTY);
  if (Array.isArray(value)) return value.map((v) => mutate(v, random, pick, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (random() < 0.1) continue;
      out[random() < 0.03 ? `${k}\u0000` : k] = mutate(v, random, pick, depth + 1);
    }
    if (random() < 0.1) out['unexpected'] = pick(NASTY);
    return out;
  }
  return value;
}

describe('fuzzed requests', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it(
    `answers ${REQUESTS} fuzzed requests without a 5xx, and no refused one writes`,
    async () => {
      const random = prng(SEED);
      const pick: Pick = (choices) => choices[Math.floor(random() * choices.length)] as never;
      const { target, foreign, caseId, doc, routes } = await seedTwoAgencies(t);
      const cookies = [
        undefined,
        ...Object.values(target.cookies),
        ...Object.values(foreign.cookies),
      ];
      const ids = [caseId, target.agency.id, target.users.clerk.id, foreign.agency.id];

      const failures: string[] = [];
      const statuses = new Map<number, number>();
      let fingerprint = await agencyFingerprint(t.db, target.agency.id);
      for (let i = 0; i < REQUESTS; i++) {
        const { method, path } = pick(routes);
        const url = path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
          if (random() < 0.25) return pick(PATH_VALUES);
          if (name === 'year') return pick(['2025', '2026', '1900', '3000']);
          if (/code/i.test(name)) return pick([target.agency.code, foreign.agency.code, 'none']);
          return pick(ids);
        });
        const query =
          random() < 0.2
            ? `?${pick(['q', 'page', 'sort', 'from', 'year'])}=${pick(['%00', '1', '-5', 'abc', '%ED%A0%80', '2025-06-30'])}`
            : '';
        const body =
          method === 'get'
            ? undefined
            : mutate(
                exampleOf(doc, requestSchema(doc, path, method), {
                  uuid: pick(ids),
                  date: pick(['2025-06-30', '2025-06-29', '2026-01-05']),
                  pick,
                }) ?? {},
                random,
                pick,
              );
        const headers: Record<string, string> = {};
        const cookie = pick(cookies);
        if (cookie) headers['cookie'] = cookie;
        const origin = pick(ORIGINS);
        if (origin) headers['origin'] = origin;
        let payload: string | undefined;
        if (body !== undefined) {
          headers['content-type'] = pick(TYPES);
          payload =
            headers['content-type'] === 'application/x-www-form-urlencoded'
              ? 'type=WITHDRAW&payload[on]=2025-06-30'
              : JSON.stringify(body);
        }
        const res = await fetch(`${base}${url}${query}`, {
          method: method.toUpperCase(),
          headers,
          ...(payload !== undefined ? { body: payload } : {}),
        });
        await res.arrayBuffer();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const label = `#${i} ${method.toUpperCase()} ${url}${query} (${origin ?? 'no origin'}, ${headers['content-type'] ?? '-'})`;
        if (res.status >= 500) failures.push(`${label} → ${res.status}`);
        if ((i + 1) % 500 === 0) {
          process.stdout.write(`fuzz: ${i + 1} requests, ${failures.length} failures\n`);
        }
        if (method === 'get') continue;
        const after = await agencyFingerprint(t.db, target.agency.id);
        if (res.status >= 400 && after !== fingerprint)
          failures.push(`${label} → ${res.status} but wrote`);
        fingerprint = after;
      }
      process.stdout.write(
        `fuzz: seed ${SEED}, ${REQUESTS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
      );
      expect(failures).toEqual([]);
    },
    Math.max(180_000, REQUESTS * 400),
  );
});
