// Benchmark of the transition path over HTTP (issue 4). Run by hand, never in tests:
//   node tools/bench/transitions/run.mjs [--clients 32] [--seconds 20]
// Starts the API as its own process on a database of its own (gongkai_bench_transitions), drives
// it with concurrent clients sending realistic case histories (register → accept → consult →
// reply → draft → approve → serve), then — in the same run — executes the same SQL a transition
// does (BEGIN; lock the case row reading the journal head; update the row and append the journal
// row in one statement; COMMIT) straight through `pg` as the baseline, and prints both with their
// ratio.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { runToEnd, waitForHttp } from '../../stack/processes.mjs';
import { freePort, resolvePostgresServer, ROOT } from '../../stack/services.mjs';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '20' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const POOL = 20;
const log = (m) => process.stderr.write(`[bench] ${m}\n`);

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

async function main() {
  const server = await resolvePostgresServer({ log });
  const dbUrl = new URL(server);
  dbUrl.pathname = '/gongkai_bench_transitions';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS gongkai_bench_transitions WITH (FORCE)');
  await admin.end();
  const env = { ...process.env, DATABASE_URL: dbUrl.toString() };
  if ((await runToEnd('node', ['tools/bin/gongkai.cjs', 'migrate'], { env })) !== 0)
    throw new Error('migrate failed');

  const db = new pg.Pool({ connectionString: dbUrl.toString(), max: POOL });
  const hash = await argon2.hash('bench-password-1', { type: argon2.argon2id });
  const [{ id: agencyId }] = (
    await db.query(
      `INSERT INTO agencies (id, code, name, path) VALUES (gen_random_uuid(), 'bench', '基准测试机关', '/') RETURNING id`,
    )
  ).rows;
  await db.query(`UPDATE agencies SET path = '/' || id || '/' WHERE id = $1`, [agencyId]);
  for (const [username, role] of [
    ['bench-clerk', 'clerk'],
    ['bench-leader', 'leader'],
  ]) {
    await db.query(
      `INSERT INTO users (username, display_name, password_hash, roles, agency_id) VALUES ($1, $1, $2, ARRAY[$3], $4)`,
      [username, hash, role, agencyId],
    );
  }

  const port = await freePort();
  const api = spawn(
    'node',
    [
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
      '-r',
      '@swc-node/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...env,
        API_PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: String(POOL),
        SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}/api`;
  try {
    await waitForHttp(`${base}/health`, { ok: (r) => r.status < 500 || r.status === 503 });
    const login = async (username) => {
      const res = await fetch(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'bench-password-1' }),
      });
      if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
      return res.headers.get('set-cookie').split(';')[0];
    };
    const cookies = { clerk: await login('bench-clerk'), leader: await login('bench-leader') };
    const on = today();
    const receivedOn = new Date(Date.parse(on) - 10 * 86_400_000).toISOString().slice(0, 10);
    const steps = [
      ['clerk', 'ACCEPT', {}],
      ['clerk', 'START_CONSULTATION', { party: 'third_party' }],
      ['clerk', 'CONSULTATION_REPLIED', {}],
      ['clerk', 'DRAFT_DECISION', { outcome: 'disclosed' }],
      ['leader', 'APPROVE_DECISION', { comment: '同意' }],
      ['clerk', 'RECORD_SERVICE', { method: 'post', servedOn: on }],
    ];
    const latencies = [];
    const failures = new Map();
    let transitions = 0;
    let serial = 0;
    const timed = async (path, cookie, body) => {
      const started = performance.now();
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
      const json = await res.json();
      latencies.push(performance.now() - started);
      if (!res.ok) {
        const key = `${res.status} ${json.code ?? json.message}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
        return null;
      }
      transitions++;
      return json;
    };
    // Registrations serialise per agency (the register number is sequential), so they are
    // made first and timed on their own; the timed window sends the events of case histories.
    // Enough histories for the whole window at up to ~400 transitions/s, so the timed phase never
    // runs out of work and ends with fewer clients than it started with.
    const CASES_PER_CLIENT = Number(
      process.env.BENCH_CASES_PER_CLIENT ?? Math.ceil((400 * SECONDS) / CLIENTS / steps.length) + 1,
    );
    log(`registering ${CLIENTS * CASES_PER_CLIENT} applications over HTTP (${CLIENTS} clients)`);
    const registerStart = performance.now();
    const pools = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const views = [];
        for (let i = 0; i < CASES_PER_CLIENT; i++) {
          const registered = await timed('/cases', cookies.clerk, {
            receivedOn,
            channel: 'online',
            applicant: {
              category: 'natural_person',
              name: `申请人${++serial}`,
              phone: '13800138000',
            },
            request: '申请公开本机关2025年度某项目的立项批复文件及其附件',
          });
          if (registered) views.push(registered.case ?? registered);
        }
        return views;
      }),
    );
    const registrations = transitions;
    const registerSeconds = (performance.now() - registerStart) / 1000;
    latencies.length = 0;
    transitions = 0;
    log(`HTTP: ${CLIENTS} clients for ${SECONDS}s sending events (API pid ${api.pid})`);
    const deadline = Date.now() + SECONDS * 1000;
    const client = async (pool) => {
      for (let view of pool) {
        for (const [role, type, payload] of steps) {
          if (Date.now() >= deadline) return;
          const next = await timed(`/cases/${view.id}/events`, cookies[role], {
            type,
            payload: { on, ...payload },
            expectedVersion: view.version,
          });
          if (!next) break;
          view = next.case ?? next;
        }
      }
    };
    const httpStart = performance.now();
    await Promise.all(pools.map(client));
    const httpSeconds = (performance.now() - httpStart) / 1000;
    if (Date.now() < deadline - 500) {
      log(
        `the clients ran out of case histories after ${httpSeconds.toFixed(1)} s: raise BENCH_CASES_PER_CLIENT`,
      );
    }
    const status = fs.readFileSync(`/proc/${api.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    latencies.sort((a, b) => a - b);
    const httpTps = transitions / httpSeconds;

    // Baseline: the statements of one transition, straight through pg, on the same cases.
    const cases = (
      await db.query('SELECT id, agency_id, snapshot, deadlines, flags, state FROM cases')
    ).rows;
    log(
      `baseline: ${CLIENTS} clients for ${SECONDS}s executing the transition's SQL with pg on ${cases.length} cases`,
    );
    const baseLat = [];
    let baseCount = 0;
    const baseDeadline = Date.now() + SECONDS * 1000;
    let pick = 0;
    const baseClient = async () => {
      while (Date.now() < baseDeadline) {
        const c = cases[pick++ % cases.length];
        const started = performance.now();
        const conn = await db.connect();
        try {
          // The statements the API sends (CaseTransitionService): the row locked with the
          // journal head and the 经办人's name in one statement, then the update and the journal
          // append in one.
          await conn.query('BEGIN');
          await conn.query(`SELECT set_config('gongkai.transition', 'on', true)`);
          const row = (
            await conn.query(
              `SELECT c.*,
                 (SELECT e.seq FROM case_events e WHERE e.case_id = c.id
                   ORDER BY e.seq DESC LIMIT 1) AS journal_head_seq,
                 (SELECT e.hash FROM case_events e WHERE e.case_id = c.id
                   ORDER BY e.seq DESC LIMIT 1) AS journal_head_hash,
                 (SELECT u.display_name FROM users u WHERE u.id = c.assigned_clerk_id) AS assignee_name
                 FROM cases c WHERE c.id = $1 FOR UPDATE OF c`,
              [c.id],
            )
          ).rows[0];
          await conn.query(
            `WITH updated AS (
               UPDATE cases SET snapshot = $3, deadlines = $4, flags = $5, state = $6,
                      version = $2 + 1, updated_at = now()
                WHERE id = $1 AND version = $2
               RETURNING id)
             INSERT INTO case_events (case_id, agency_id, seq, type, machine_event, payload, actor_id,
               actor_role, occurred_on, recorded_at, basis, state_after, prev_hash, hash)
             SELECT $1, $7, $8, 'ACCEPT', true, $9, 'bench', 'clerk', $10, now(), '第三十一条', $6,
                    $11, md5(random()::text)
               FROM updated`,
            [
              c.id,
              row.version,
              JSON.stringify(c.snapshot),
              JSON.stringify(c.deadlines),
              JSON.stringify(c.flags),
              c.state,
              c.agency_id,
              row.journal_head_seq + 1,
              JSON.stringify({ note: 'baseline' }),
              on,
              row.journal_head_hash,
            ],
          );
          await conn.query('COMMIT');
          baseCount++;
        } catch (error) {
          await conn.query('ROLLBACK');
          throw error;
        } finally {
          conn.release();
        }
        baseLat.push(performance.now() - started);
      }
    };
    const baseStart = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, baseClient));
    const baseSeconds = (performance.now() - baseStart) / 1000;
    baseLat.sort((a, b) => a - b);
    const baseTps = baseCount / baseSeconds;

    const f = (n) => n.toFixed(1);
    process.stdout.write(`
registrations over HTTP: ${f(registrations / registerSeconds)}/s (${registrations} in ${f(registerSeconds)} s)
transitions over HTTP (${CLIENTS} clients, ${f(httpSeconds)} s)
  transitions/s    ${f(httpTps)}   (${transitions} done, ${[...failures.values()].reduce((a, b) => a + b, 0)} refused)
  latency p50/p99  ${f(percentile(latencies, 50))} ms / ${f(percentile(latencies, 99))} ms
  API peak RSS     ${f(peakKb / 1024)} MiB
baseline: the same SQL through pg (${CLIENTS} clients, pool ${POOL})
  transactions/s   ${f(baseTps)}
  latency p50/p99  ${f(percentile(baseLat, 50))} ms / ${f(percentile(baseLat, 99))} ms
ratio HTTP / baseline  ${(httpTps / baseTps).toFixed(2)}   (targets: ≥ 500/s, p99 ≤ 100 ms, ratio ≥ 0.35)
${failures.size ? 'refusals: ' + JSON.stringify(Object.fromEntries(failures)) + '\n' : ''}`);
  } finally {
    api.kill('SIGTERM');
    await db.end();
  }
}

main().catch((error) => {
  log(error.stack ?? error.message);
  process.exit(1);
});
