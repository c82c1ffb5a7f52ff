// Benchmark of `gongkai verify` (run by hand, never in tests): `npm run bench:verify`.
// Seeds about 1,000,000 journal rows (realistic chains of 3 to 9 events, hash-chained, with case
// rows exactly as the transition path writes them) over 8 agencies in its own database
// (gongkai_bench_verify; BENCH_DATABASE_URL overrides), then runs `gongkai verify --json` under
// /usr/bin/time for one agency and for the whole register, in the process (`--workers 0`, the
// baseline) and in two worker threads by agency: rows/s and peak memory of each (the
// peak should not grow with the register: cases are streamed in batches).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  addDays,
  applyCaseEvent,
  caseStatus,
  createCase,
  deriveDeadlines,
  persistSnapshot,
  CASE_MACHINE_ID,
  CASE_MACHINE_VERSION,
  type CaseEvent,
  type CaseSnapshot,
  type LocalDate,
} from '@gongkai/domain';
import { createDataSource, GENESIS_HASH, journalHash, migrate } from '@gongkai/persistence';
import { nextDueOn } from '@gongkai/application';
import type { DataSource } from 'typeorm';

const URL_ =
  process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_bench_verify';
const TARGET_ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const AGENCIES = 8;
const BATCH = 4_000;
const ROOT = path.join(__dirname, '..', '..', '..');

const log = (m: string): void => void process.stderr.write(`[bench] ${m}\n`);

type Step = readonly [day: number, role: 'clerk' | 'leader', fields: Record<string, unknown>];

// What a desk does with most applications, in proportions a register shows.
const CHAINS: readonly { weight: number; steps: readonly Step[] }[] = [
  {
    weight: 5,
    steps: [
      [0, 'clerk', { type: 'ACCEPT' }],
      [6, 'clerk', { type: 'DRAFT_DECISION', outcome: 'disclosed' }],
      [7, 'leader', { type: 'APPROVE_DECISION' }],
      [8, 'clerk', { type: 'RECORD_SERVICE', method: 'post', servedOn: '+8' }],
    ],
  },
  {
    weight: 2,
    steps: [
      [0, 'clerk', { type: 'ACCEPT' }],
      [2, 'clerk', { type: 'START_CONSULTATION', party: 'third_party' }],
      [9, 'clerk', { type: 'CONSULTATION_REPLIED' }],
      [12, 'clerk', { type: 'REQUEST_EXTENSION', workingDays: 15, reason: '需征求第三方意见' }],
      [13, 'leader', { type: 'APPROVE_EXTENSION' }],
      [
        30,
        'clerk',
        {
          type: 'DRAFT_DECISION',
          outcome: 'partially_disclosed',
          reasons: '第2项涉及第三方商业秘密',
          basis: '《中华人民共和国政府信息公开条例》第三十七条',
        },
      ],
      [31, 'leader', { type: 'APPROVE_DECISION' }],
      [33, 'clerk', { type: 'RECORD_SERVICE', method: 'in_person', servedOn: '+33' }],
    ],
  },
  {
    weight: 2,
    steps: [
      [0, 'clerk', { type: 'ACCEPT' }],
      [3, 'clerk', { type: 'SERVE_FEE_NOTICE', standard: 'per_application', amountYuan: 100 }],
      [6, 'clerk', { type: 'FEE_PAID' }],
      [
        10,
        'clerk',
        {
          type: 'DRAFT_DECISION',
          outcome: 'unavailable.not_held',
          reasons: '经检索未找到',
          basis: '《中华人民共和国政府信息公开条例》第三十六条第（四）项',
        },
      ],
      [11, 'leader', { type: 'APPROVE_DECISION' }],
    ],
  },
  {
    weight: 1,
    steps: [
      [0, 'clerk', { type: 'ACCEPT' }],
      [2, 'clerk', { type: 'START_CONSULTATION', party: 'other_agency' }],
    ],
  },
];

interface TemplateRow {
  seq: number;
  type: string;
  machineEvent: boolean;
  payload: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  occurredOn: LocalDate;
  basis: string | null;
  stateAfter: string;
}

interface Template {
  id: number;
  receivedOn: LocalDate;
  rows: TemplateRow[];
  final: Record<string, unknown>;
}

/** One chain on one receipt date, run through the machine as the transition path runs it. */
function buildTemplate(id: number, receivedOn: LocalDate, steps: readonly Step[]): Template {
  let snapshot: CaseSnapshot = createCase({ receivedOn, approvalSteps: 1 });
  const rows: TemplateRow[] = [
    {
      seq: 1,
      type: 'REGISTERED',
      machineEvent: false,
      payload: {
        ref: '',
        receivedOn,
        channel: 'online',
        applicantCategory: 'natural_person',
        applicantName: '基准申请人',
        identityNumberHint: null,
        request: '申请公开某项目的立项批复',
        approvalSteps: 1,
        origin: 'desk',
      },
      actorId: 'bench-clerk',
      actorRole: 'clerk',
      occurredOn: receivedOn,
      basis: '第三十一条',
      stateAfter: 'intake',
    },
  ];
  for (const [day, role, fields] of steps) {
    const on = addDays(receivedOn, day);
    const input: Record<string, unknown> = { ...fields, on };
    if (typeof input['servedOn'] === 'string' && String(input['servedOn']).startsWith('+')) {
      input['servedOn'] = addDays(receivedOn, Number(String(input['servedOn']).slice(1)));
    }
    const actor = { id: `bench-${role}`, role };
    const result = applyCaseEvent(snapshot, { ...input, actor } as unknown as CaseEvent);
    if (!result.ok) throw new Error(`${String(fields['type'])} on ${on}: ${result.message}`);
    snapshot = result.snapshot;
    const { type, on: _on, ...payload } = input;
    rows.push({
      seq: rows.length + 1,
      type: String(type),
      machineEvent: true,
      payload: { ...payload, ...(result.effects.length ? { effects: result.effects } : {}) },
      actorId: actor.id,
      actorRole: role,
      occurredOn: on,
      basis: result.basis,
      stateAfter: caseStatus(snapshot).state,
    });
  }
  const status = caseStatus(snapshot);
  const deadlines = deriveDeadlines(snapshot.context);
  return {
    id,
    receivedOn,
    rows,
    final: {
      snapshot: persistSnapshot(snapshot),
      state: status.state,
      fee_state: status.fee,
      extension_state: status.extension,
      closed: status.closed,
      outcome: status.outcome,
      decided_on: status.decidedOn,
      served_on: snapshot.context.service?.servedOn ?? null,
      flags: status.flags,
      deadlines,
      answer_due_on: deadlines.answer.dueOn,
      next_due_on: nextDueOn(status, deadlines),
      version: rows.length,
    },
  };
}

function templates(): Template[] {
  const out: Template[] = [];
  // Receipt dates: the working days of 2024's first half, Mondays to Thursdays.
  const dates: LocalDate[] = [];
  for (let d: LocalDate = '2024-01-08'; dates.length < 60; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 4) dates.push(d);
  }
  for (const chain of CHAINS) {
    for (const date of dates) {
      for (let w = 0; w < chain.weight; w++) out.push(buildTemplate(out.length, date, chain.steps));
    }
  }
  return out;
}

async function seed(db: DataSource): Promise<void> {
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM case_events')) as { n: number }[];
  if (n >= TARGET_ROWS) {
    log(`reusing ${n} journal rows`);
    return;
  }
  if (n > 0) throw new Error(`the bench database holds ${n} rows; drop it and rerun`);
  const t0 = performance.now();
  const all = templates();
  await db.query(`
    INSERT INTO agencies (id, code, name, path)
    SELECT id, 'bench-' || i, '基准测试机关' || i, '/' || id || '/'
      FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, ${AGENCIES}) i) a`);
  const agencies = (
    (await db.query(`SELECT id FROM agencies ORDER BY code`)) as { id: string }[]
  ).map((a) => a.id);
  await db.query(`CREATE TEMP TABLE bench_case_t (tid int PRIMARY KEY, received_on date,
    snapshot jsonb, state text, fee_state text, extension_state text, closed boolean, outcome text,
    decided_on date, served_on date, flags jsonb, deadlines jsonb, answer_due_on date,
    next_due_on date, version int)`);
  await db.query(`CREATE TEMP TABLE bench_event_t (tid int, seq int, type text,
    machine_event boolean, payload jsonb, actor_id text, actor_role text, occurred_on date,
    basis text, state_after text, PRIMARY KEY (tid, seq))`);
  for (const t of all) {
    const f = t.final;
    await db.query(
      `INSERT INTO bench_case_t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        t.id,
        t.receivedOn,
        JSON.stringify(f['snapshot']),
        f['state'],
        f['fee_state'],
        f['extension_state'],
        f['closed'],
        f['outcome'],
        f['decided_on'],
        f['served_on'],
        JSON.stringify(f['flags']),
        JSON.stringify(f['deadlines']),
        f['answer_due_on'],
        f['next_due_on'],
        f['version'],
      ],
    );
    for (const r of t.rows) {
      await db.query(`INSERT INTO bench_event_t VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
        t.id,
        r.seq,
        r.type,
        r.machineEvent,
        JSON.stringify(r.payload),
        r.actorId,
        r.actorRole,
        r.occurredOn,
        r.basis,
        r.stateAfter,
      ]);
    }
  }
  let rows = 0;
  let cases = 0;
  const base = Date.parse('2024-07-01T01:00:00Z');
  while (rows < TARGET_ROWS) {
    const c = {
      id: [] as string[],
      agency: [] as string[],
      ref: [] as string[],
      tid: [] as number[],
    };
    const e = {
      caseId: [] as string[],
      agency: [] as string[],
      seq: [] as number[],
      tid: [] as number[],
      ref: [] as string[],
      at: [] as string[],
      prev: [] as string[],
      hash: [] as string[],
    };
    for (let i = 0; i < BATCH && rows < TARGET_ROWS; i++, cases++) {
      const t = all[cases % all.length];
      const id = randomUUID();
      const agency = agencies[cases % AGENCIES];
      const ref = `B-${String(cases).padStart(7, '0')}`;
      c.id.push(id);
      c.agency.push(agency);
      c.ref.push(ref);
      c.tid.push(t.id);
      let prev = GENESIS_HASH;
      for (const r of t.rows) {
        const recordedAt = new Date(base + cases * 1000 + r.seq);
        const payload = r.seq === 1 ? { ...r.payload, ref } : r.payload;
        const hash = journalHash({
          caseId: id,
          seq: r.seq,
          type: r.type,
          machineEvent: r.machineEvent,
          payload,
          actorId: r.actorId,
          actorRole: r.actorRole,
          occurredOn: r.occurredOn,
          recordedAt,
          basis: r.basis,
          stateAfter: r.stateAfter,
          prevHash: prev,
        });
        e.caseId.push(id);
        e.agency.push(agency);
        e.seq.push(r.seq);
        e.tid.push(t.id);
        e.ref.push(ref);
        e.at.push(recordedAt.toISOString());
        e.prev.push(prev);
        e.hash.push(hash);
        prev = hash;
        rows++;
      }
    }
    await db.query(
      `INSERT INTO cases (id, agency_id, ref, received_on, channel, applicant_category,
         applicant_name, request_text, origin, machine_id, machine_version, snapshot, state,
         fee_state, extension_state, closed, outcome, decided_on, served_on, flags, deadlines,
         answer_due_on, next_due_on, version, query_code)
       SELECT u.id, u.agency_id, u.ref, t.received_on, 'online', 'natural_person', '基准申请人',
              '申请公开某项目的立项批复', 'desk', $5, $6, t.snapshot, t.state, t.fee_state,
              t.extension_state, t.closed, t.outcome, t.decided_on, t.served_on, t.flags,
              t.deadlines, t.answer_due_on, t.next_due_on, t.version, 'Q' || md5(u.id::text)
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[]) u(id, agency_id, ref, tid)
         JOIN bench_case_t t ON t.tid = u.tid`,
      [c.id, c.agency, c.ref, c.tid, CASE_MACHINE_ID, CASE_MACHINE_VERSION],
    );
    await db.query(
      `INSERT INTO case_events (case_id, agency_id, seq, type, machine_event, payload, actor_id,
         actor_role, occurred_on, recorded_at, basis, state_after, prev_hash, hash)
       SELECT u.case_id, u.agency_id, u.seq, t.type, t.machine_event,
              CASE WHEN u.seq = 1 THEN jsonb_set(t.payload, '{ref}', to_jsonb(u.ref)) ELSE t.payload END,
              t.actor_id, t.actor_role, t.occurred_on, u.at, t.basis, t.state_after, u.prev, u.hash
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::text[], $6::timestamptz[],
                     $7::text[], $8::text[]) u(case_id, agency_id, seq, tid, ref, at, prev, hash)
         JOIN bench_event_t t ON t.tid = u.tid AND t.seq = u.seq`,
      [e.caseId, e.agency, e.seq, e.tid, e.ref, e.at, e.prev, e.hash],
    );
    if (cases % (BATCH * 10) < BATCH) log(`seeded ${cases} cases, ${rows} journal rows`);
  }
  await db.query('ANALYZE cases');
  await db.query('ANALYZE case_events');
  log(
    `seeded ${cases} cases and ${rows} journal rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

interface VerifyRun {
  /** The verification itself, from the result's startedAt/finishedAt (no process start). */
  readonly seconds: number;
  /** The whole process under /usr/bin/time, start-up (SWC from source) included. */
  readonly processSeconds: number;
  /** User + system CPU of the process: on a shared machine, what a quiet core would take. */
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly events: number;
  readonly ok: boolean;
  readonly threads: number;
}

/** `gongkai verify --json` under /usr/bin/time: its time, CPU, peak RSS and what it checked. */
function timedVerify(args: readonly string[]): VerifyRun {
  const t0 = performance.now();
  const run = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, path.join(ROOT, 'tools/bin/gongkai.cjs'), 'verify', '--json', ...args],
    { env: { ...process.env, DATABASE_URL: URL_ }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const processSeconds = (performance.now() - t0) / 1000;
  const stat = (label: string) =>
    Number(new RegExp(`${label}: ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN);
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`gongkai verify printed no result:\n${run.stderr}`);
  const audit = JSON.parse(run.stdout.slice(start)) as {
    ok: boolean;
    eventsChecked: number;
    startedAt: string;
    finishedAt: string;
    workerThreads: number;
  };
  return {
    seconds: (Date.parse(audit.finishedAt) - Date.parse(audit.startedAt)) / 1000,
    processSeconds,
    cpuSeconds: stat('User time \\(seconds\\)') + stat('System time \\(seconds\\)'),
    peakMb: stat('Maximum resident set size \\(kbytes\\)') / 1024,
    events: audit.eventsChecked,
    ok: audit.ok,
    threads: audit.workerThreads,
  };
}

async function main(): Promise<void> {
  await migrate(URL_);
  const db = await createDataSource(URL_).initialize();
  try {
    await seed(db);
  } finally {
    await db.destroy();
  }
  const runs: [string, string[]][] = [
    ['one agency (1/8)', ['--agency', 'bench-1']],
    ['every agency, in the process', ['--workers', '0']],
    ['every agency, 2 worker threads', ['--workers', '2']],
  ];
  const seconds: number[] = [];
  for (const [label, args] of runs) {
    const r = timedVerify(args);
    seconds.push(r.seconds);
    process.stdout.write(
      `gongkai verify, ${label}: ${r.events} journal rows, ${r.ok ? 'clean' : 'FINDINGS'}, ` +
        `${r.threads} worker threads; verification ${r.seconds.toFixed(1)} s = ` +
        `${Math.round(r.events / r.seconds)} rows/s; process ${r.processSeconds.toFixed(1)} s ` +
        `wall, ${r.cpuSeconds.toFixed(1)} s CPU (${Math.round(r.events / r.cpuSeconds)} rows per ` +
        `CPU-second, start-up included); peak RSS ${r.peakMb.toFixed(0)} MB\n`,
    );
  }
  process.stdout.write(
    `worker threads against the process: ${(seconds[1] / seconds[2]).toFixed(2)}x as fast\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
