// `npm run e2e`: the browser tests. Starts a fresh stack (its own database, queue prefix and free
// ports), runs the Playwright specs under e2e/ in Debian's Chromium, then stops everything.
import fs from 'node:fs';
import pg from 'pg';
import { launchStack } from './launch.mjs';
import { runToEnd, stopAll } from './processes.mjs';
import {
  freePort,
  resolvePostgresServer,
  resolveRedisUrl,
  stopStartedServices,
} from './services.mjs';

const log = (m) => process.stderr.write(`[e2e] ${m}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function admin(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main() {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `gongkai_e2e_${runId}`;
  const server = await resolvePostgresServer({ log });
  const url = new URL(server);
  url.pathname = '/' + database;
  const ports = { api: await freePort(), admin: await freePort(), publisher: await freePort() };
  let code = 1;
  try {
    const env = await launchStack({
      env: {
        DATABASE_URL: url.toString(),
        REDIS_URL: await resolveRedisUrl({ log }),
        QUEUE_PREFIX: `gongkai-e2e-${runId}`,
      },
      ports,
      log,
      quiet: !process.env.E2E_VERBOSE,
      skipWebBuild: !!process.env.SKIP_WEB_BUILD,
    });
    code = await runToEnd(
      'npx',
      ['jest', '-c', 'e2e/jest.e2e.config.cjs', ...process.argv.slice(2)],
      {
        env: {
          ...env,
          CHROMIUM_PATH: CHROMIUM,
          E2E_API_URL: `http://127.0.0.1:${ports.api}`,
          E2E_ADMIN_URL: `http://127.0.0.1:${ports.admin}`,
          E2E_PUBLISHER_URL: `http://127.0.0.1:${ports.publisher}`,
        },
      },
    );
  } finally {
    await stopAll();
    if (!process.env.KEEP_TEST_DB)
      await admin(server, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(
        () => undefined,
      );
    await stopStartedServices();
  }
  process.exit(code);
}

main().catch(async (error) => {
  log(error.message);
  await stopAll();
  await stopStartedServices();
  process.exit(1);
});
