// `npm start`: the whole system on one machine. Resolves PostgreSQL and Redis (tools/stack/
// services.mjs), applies migrations, loads demo data into an empty database, builds the two web
// apps, starts API, worker, admin and publisher, prints every URL and the demo accounts, and stops
// everything cleanly on Ctrl-C.
import { run, runToEnd, serverArgs, serverEnv, stopAll, waitForHttp } from './processes.mjs';
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

async function step(name, command, args, env) {
  log(name);
  const code = await runToEnd(command, args, { env });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

async function main() {
  const started = Date.now();
  const env = {
    DATABASE_URL: await resolveDatabaseUrl({ log }),
    REDIS_URL: await resolveRedisUrl({ log }),
    API_PORT: String(ports.api),
    ADMIN_PORT: String(ports.admin),
    PUBLISHER_PORT: String(ports.publisher),
    NX_DAEMON: 'false',
  };
  await step('applying migrations', 'node', ['tools/bin/gongkai.cjs', 'migrate'], env);
  await step(
    'loading demo data (only into an empty database)',
    'node',
    ['tools/bin/gongkai.cjs', 'demo'],
    env,
  );
  if (!process.env.SKIP_WEB_BUILD) {
    await step(
      'building admin and publisher',
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'admin', 'publisher', '--outputStyle=static'],
      env,
    );
  }
  run('api', 'node', serverArgs('api'), { env: { ...env, ...serverEnv('api') } });
  run('worker', 'node', serverArgs('worker'), { env: { ...env, ...serverEnv('worker') } });
  for (const app of ['admin', 'publisher']) {
    run(
      app,
      'npx',
      [
        'vite',
        'preview',
        '--config',
        `apps/${app}/vite.config.ts`,
        '--port',
        String(ports[app]),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      {
        env,
      },
    );
  }
  await waitForHttp(`http://127.0.0.1:${ports.api}/api/health`);
  await waitForHttp(`http://127.0.0.1:${ports.admin}/`);
  await waitForHttp(`http://127.0.0.1:${ports.publisher}/`);
  const seconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`
Gongkai 公开 is running (started in ${seconds}s). Ctrl-C stops everything.

  管理端 Admin desk        http://127.0.0.1:${ports.admin}/
  公开站 Publisher / site  http://127.0.0.1:${ports.publisher}/
  API                      http://127.0.0.1:${ports.api}/api   (health: /api/health, OpenAPI: /api/docs)

  Demo accounts (password gongkai-demo):
    clerk    经办人   registers and works cases
    leader   负责人   approves decisions, extensions and the annual report
    auditor  审计     reads cases and the journal
    admin    管理员   users, agencies, calendar, settings

  Database ${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname}   Redis ${env.REDIS_URL}
`);
}

main().catch(async (error) => {
  log(error.message);
  await shutdown(1);
});
