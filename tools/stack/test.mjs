// `npm test`: every project's tests against a throw-away database created for this run (never the
// one `npm start` uses) and the resolved Redis, under a queue prefix of its own.
// Extra arguments go to `nx run-many`, e.g. `npm test -- --projects=domain`.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { runToEnd } from './processes.mjs';
import { resolvePostgresServer, resolveRedisUrl, ROOT, stopStartedServices } from './services.mjs';

const log = (m) => process.stderr.write(`[test] ${m}\n`);
const runId = `${Date.now().toString(36)}_${process.pid}`;
const database = `gongkai_test_${runId}`;

async function adminQuery(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function summarise(dir) {
  if (!fs.existsSync(dir)) return null;
  const totals = { passed: 0, failed: 0, skipped: 0, runtimeErrors: 0, failures: [] };
  for (const file of fs.readdirSync(dir)) {
    const s = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    totals.passed += s.passed;
    totals.failed += s.failed;
    totals.skipped += s.skipped;
    totals.runtimeErrors += s.runtimeErrors ?? 0;
    totals.failures.push(...(s.failures ?? []));
  }
  return totals;
}

async function main() {
  const server = await resolvePostgresServer({ log });
  const url = new URL(server);
  url.pathname = '/' + database;
  const databaseUrl = url.toString();
  const redisUrl = await resolveRedisUrl({ log });
  const summaryDir = path.join(ROOT, 'tmp', 'test-summary', runId);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `gongkai-test-${runId}`,
    GONGKAI_TEST_SUMMARY_DIR: summaryDir,
    NX_DAEMON: 'false',
    NODE_ENV: 'test',
  };
  log(`database ${database} on ${url.host}; Redis ${redisUrl}`);
  let code = 1;
  try {
    code = await runToEnd('node', ['tools/bin/gongkai.cjs', 'migrate'], { env });
    if (code === 0) {
      code = await runToEnd(
        'npx',
        [
          'nx',
          'run-many',
          '-t',
          'test',
          '--outputStyle=static',
          '--skip-nx-cache',
          ...process.argv.slice(2),
        ],
        { env },
      );
    }
  } finally {
    if (!process.env.KEEP_TEST_DB)
      await adminQuery(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(
        () => undefined,
      );
    await stopStartedServices();
  }
  const totals = summarise(summaryDir);
  if (totals) {
    if (totals.runtimeErrors) log(`${totals.runtimeErrors} test file(s) failed to run`);
    if (totals.failures.length) {
      process.stdout.write('\nFailed:\n');
      for (const f of totals.failures)
        process.stdout.write(`  ✕ ${f.where} › ${f.title}\n      ${f.message}\n`);
    }
    process.stdout.write(
      `\n${totals.passed} passed, ${totals.failed + totals.runtimeErrors} failed, ${totals.skipped} skipped\n`,
    );
  }
  process.exit(code);
}

main().catch(async (error) => {
  log(error.message);
  await stopStartedServices();
  process.exit(1);
});
