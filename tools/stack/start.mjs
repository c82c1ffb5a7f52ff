// `npm start`: the whole system on one machine. Resolves PostgreSQL and Redis (tools/stack/
// services.mjs), applies migrations, loads demo data into an empty database, builds the two web
// apps, starts API, worker, admin and publisher, prints every URL and the demo accounts, and stops
// everything cleanly on Ctrl-C.
import { launchStack } from './launch.mjs';
import { stopAll } from './processes.mjs';
import { resolveDatabaseUrl, resolveRedisUrl, stopStartedServices } from './services.mjs';

const log = (m) => process.stderr.write(`[start] ${m}\n`);
const ports = {
  api: Number(process.env.API_PORT ?? 3000),
  admin: Number(process.env.ADMIN_PORT ?? 4200),
  publisher: Number(process.env.PUBLISHER_PORT ?? 4300),
};

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  log('stopping …');
  await stopAll();
  await stopStartedServices();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

async function main() {
  const started = Date.now();
  const env = {
    DATABASE_URL: await resolveDatabaseUrl({ log }),
    REDIS_URL: await resolveRedisUrl({ log }),
  };
  await launchStack({ env, ports, log, skipWebBuild: !!process.env.SKIP_WEB_BUILD });
  const seconds = Math.round((Date.now() - started) / 1000);
  const db = new URL(env.DATABASE_URL);
  process.stdout.write(`
Gongkai 公开 is running (started in ${seconds}s). Ctrl-C stops everything.

  管理端 Admin desk        http://127.0.0.1:${ports.admin}/
  公开站 Publisher / site  http://127.0.0.1:${ports.publisher}/
  API                      http://127.0.0.1:${ports.api}/api   (health /api/health, OpenAPI /api/docs)

  Demo accounts (password Gongkai-demo-1):
    clerk    经办人   registers and works cases
    leader   负责人   approves decisions, extensions and the annual report
    auditor  审计     reads cases and the journal
    admin    管理员   users, agencies, calendar, settings

  Database ${db.host}${db.pathname}   Redis ${env.REDIS_URL}
`);
}

main().catch(async (error) => {
  log(error.message);
  await shutdown(1);
});
