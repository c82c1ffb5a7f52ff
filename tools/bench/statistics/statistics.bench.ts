// Benchmark of the statistics path (run by hand, never in tests): `npm run bench:statistics`.
// Generates 1,000,000 cases and their proceedings over 1,000 agencies and five years in its own
// database (gongkai_bench; BENCH_DATABASE_URL overrides), then times the statistics as the API
// and the CLI call them, against one hand-written query computing the same section 三 numbers.
import { performance } from 'node:perf_hooks';
import { OUTCOME_CODES } from '@gongkai/domain';
import { createDataSource, migrate, StatisticsRepository } from '@gongkai/persistence';
import type { DataSource } from 'typeorm';

const URL_ =
  process.env['BENCH_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/gongkai_bench';
const AGENCIES = 1_000;
const CASES = 1_000_000;
const PROCEEDINGS = 20_000;
const FIRST_YEAR = 2020;
const YEARS = 5;
const YEAR = 2023;
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);

const log = (m: string): void => void process.stderr.write(`[bench] ${m}\n`);

async function generate(db: DataSource): Promise<void> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases WHERE ref LIKE 'B-%'`)) as {
    n: number;
  }[];
  if (n === CASES) {
    log(`reusing ${n} generated cases`);
    return;
  }
  if (n > 0)
    throw new Error(`gongkai_bench holds ${n} generated cases; drop the database and rerun`);
  const t0 = performance.now();
  // One supervising root and 999 units below it, so a subtree query covers them all.
  await db.query(`
    INSERT INTO agencies (id, code, name, parent_id, path)
    VALUES ('00000000-0000-4000-8000-000000000000', 'bench-root', '基准测试上级机关', NULL,
            '/00000000-0000-4000-8000-000000000000/')`);
  await db.query(
    `
    INSERT INTO agencies (id, code, name, parent_id, path)
    SELECT id, 'bench-' || i, '基准测试机关' || i, '00000000-0000-4000-8000-000000000000',
           '/00000000-0000-4000-8000-000000000000/' || id || '/'
      FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(2, $1) i) a`,
    [AGENCIES],
  );
  // Five years of applications; about 7% still open, the rest decided within 0–60 days
  // (so many cross a year end); categories skewed to natural persons as in real reports.
  await db.query(
    `
    WITH agency AS (SELECT array_agg(id ORDER BY code) AS ids FROM agencies WHERE code LIKE 'bench-%'),
    g AS (
      SELECT i,
             (date '${FIRST_YEAR}-01-01' + (random() * ${YEARS * 365 - 1})::int) AS received_on,
             random() AS r_open, (random() * 60)::int AS delay,
             1 + (random() * ${OUTCOME_CODES.length - 1})::int AS o,
             random() AS r_cat
        FROM generate_series(1, $1) i
    )
    INSERT INTO cases (agency_id, ref, received_on, channel, applicant_category, machine_id,
                       machine_version, snapshot, state, extension_state, closed, outcome,
                       decided_on, deadlines, query_code, origin)
    SELECT agency.ids[1 + (g.i % ${AGENCIES})], 'B-' || g.i, g.received_on, 'online',
           CASE WHEN g.r_cat < 0.8 THEN 'natural_person'
                WHEN g.r_cat < 0.9 THEN 'commercial_enterprise'
                WHEN g.r_cat < 0.93 THEN 'research_institution'
                WHEN g.r_cat < 0.95 THEN 'social_welfare_org'
                WHEN g.r_cat < 0.98 THEN 'legal_service_agency'
                ELSE 'other_org' END,
           'gongkai-case', 1, '{}'::jsonb,
           CASE WHEN g.r_open < 0.07 THEN 'processing' ELSE 'served' END, 'none',
           g.r_open >= 0.07,
           CASE WHEN g.r_open >= 0.07 THEN ($2::text[])[g.o] END,
           CASE WHEN g.r_open >= 0.07 THEN g.received_on + g.delay END,
           '{}'::jsonb, 'B' || g.i, 'demo'
      FROM g, agency`,
    [CASES, OUTCOME_CODES],
  );
  await db.query(
    `
    INSERT INTO proceedings (agency_id, case_id, kind, filed_on, result, concluded_on)
    SELECT c.agency_id, c.id,
           (ARRAY['reconsideration','litigation_direct','litigation_after_reconsideration'])[1 + (random() * 2)::int],
           c.decided_on + 10,
           CASE WHEN r < 0.3 THEN NULL ELSE (ARRAY['maintained','corrected','other'])[1 + (random() * 2)::int] END,
           CASE WHEN r < 0.3 THEN NULL ELSE c.decided_on + 10 + (random() * 120)::int END
      FROM (SELECT c.*, random() AS r FROM cases c WHERE c.decided_on IS NOT NULL AND c.ref LIKE 'B-%'
             ORDER BY c.ref LIMIT $1) c`,
    [PROCEEDINGS],
  );
  await db.query('ANALYZE agencies');
  await db.query('ANALYZE cases');
  await db.query('ANALYZE proceedings');
  log(
    `generated ${CASES} cases and ${PROCEEDINGS} proceedings in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/** The baseline: section 三 of every agency straight from the table, one hand-written query. */
function handWrittenSql(): string {
  const outcomes = OUTCOME_CODES.map(
    (o, i) => `count(*) FILTER (WHERE decided_on <= '${YEAR}-12-31' AND outcome = '${o}') AS o${i}`,
  ).join(',\n           ');
  return `
    SELECT agency_id, applicant_category,
           count(*) FILTER (WHERE received_on >= '${YEAR}-01-01') AS received,
           count(*) FILTER (WHERE received_on < '${YEAR}-01-01') AS carried_in,
           ${outcomes},
           count(*) FILTER (WHERE decided_on <= '${YEAR}-12-31') AS total,
           count(*) FILTER (WHERE decided_on IS NULL OR decided_on > '${YEAR}-12-31') AS carried_forward
      FROM cases
     WHERE received_on <= '${YEAR}-12-31' AND (decided_on IS NULL OR decided_on >= '${YEAR}-01-01')
     GROUP BY agency_id, applicant_category`;
}

async function time(label: string, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? NaN;
  log(
    `${label.padEnd(58)} median ${median.toFixed(2).padStart(8)} ms  (min ${samples[0]?.toFixed(2)}, max ${samples[samples.length - 1]?.toFixed(2)}, n=${RUNS})`,
  );
  return median;
}

async function main(): Promise<void> {
  log(`database ${new URL(URL_).pathname.slice(1)}`);
  await migrate(URL_);
  const db = await createDataSource(URL_).initialize();
  try {
    await generate(db);
    const repo = new StatisticsRepository(db.manager);
    const [{ id: oneAgency }] = (await db.query(
      `SELECT id FROM agencies WHERE code = 'bench-500'`,
    )) as { id: string }[];
    const [{ id: root }] = (await db.query(
      `SELECT id FROM agencies WHERE code = 'bench-root'`,
    )) as {
      id: string;
    }[];
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases WHERE agency_id = $1`, [
      oneAgency,
    ])) as { n: number }[];
    log(`one agency holds ${n} cases over ${YEARS} years; timing year ${YEAR}`);

    const oneSection3 = await time('one agency-year: section 三 (StatisticsRepository)', () =>
      repo.section3({ agencyId: oneAgency }, YEAR),
    );
    const oneYear = await time('one agency-year: 三 + 四 + fees (API/CLI path)', () =>
      repo.yearStatistics({ agencyId: oneAgency }, YEAR),
    );
    const all = await time('all agencies of a year: section 三 per agency (one query)', () =>
      repo.section3ByAgency(YEAR),
    );
    const subtree = await time('all agencies of a year: root subtree, 三 + 四 + fees', () =>
      repo.yearStatistics({ agencyId: root, subtree: true }, YEAR),
    );
    const baseline = await time('baseline: hand-written section 三 query, every agency', () =>
      db.query(handWrittenSql()),
    );

    // Same numbers: the statistics path against the baseline, summed over every agency.
    const byAgency = await repo.section3ByAgency(YEAR);
    const rows = (await db.query(handWrittenSql())) as Record<string, string>[];
    const sum = (key: string) => rows.reduce((s, r) => s + Number(r[key]), 0);
    let ours = 0;
    for (const t of byAgency.values()) ours += t.rows.received?.[6] ?? 0;
    if (ours !== sum('received'))
      throw new Error(`received differs: ${ours} vs ${sum('received')}`);

    const ratio = all / baseline;
    process.stdout.write(
      [
        `cases ${CASES}, agencies ${AGENCIES}, years ${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}, proceedings ${PROCEEDINGS}, year ${YEAR}`,
        `one agency-year, section 三:            ${oneSection3.toFixed(2)} ms (target ≤ 20 ms)`,
        `one agency-year, 三 + 四 + fees:         ${oneYear.toFixed(2)} ms (target ≤ 20 ms)`,
        `all agencies of a year, 三 per agency:   ${all.toFixed(2)} ms (target ≤ 1000 ms)`,
        `all agencies, root subtree 三 + 四 + fees: ${subtree.toFixed(2)} ms`,
        `hand-written section 三 query:           ${baseline.toFixed(2)} ms`,
        `ratio (all agencies / hand-written):     ${ratio.toFixed(2)}× (target ≤ 1.5×)`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
