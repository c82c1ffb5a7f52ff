// Launches the whole system (API, worker, admin, publisher) against resolved services: shared by
// `npm start` (tools/stack/start.mjs) and the browser tests (tools/stack/e2e.mjs).
import { run, runToEnd, serverArgs, serverEnv, waitForHttp } from './processes.mjs';

async function step(log, name, command, args, env) {
  log(name);
  const code = await runToEnd(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

/**
 * Migrates, loads demo data into an empty database, builds the web apps (unless skipWebBuild),
 * starts the four services and waits until each answers. `env` carries DATABASE_URL, REDIS_URL
 * and the ports.
 */
export async function launchStack({
  env,
  ports,
  log,
  quiet = false,
  skipWebBuild = false,
  extraEnv = {},
}) {
  const all = {
    ...env,
    API_PORT: String(ports.api),
    ADMIN_PORT: String(ports.admin),
    PUBLISHER_PORT: String(ports.publisher),
    NX_DAEMON: 'false',
    ...extraEnv,
  };
  await step(log, 'applying migrations', 'node', ['tools/bin/gongkai.cjs', 'migrate'], all);
  await step(
    log,
    'loading demo data (only into an empty database)',
    'node',
    ['tools/bin/gongkai.cjs', 'demo'],
    all,
  );
  if (!skipWebBuild) {
    await step(
      log,
      'building admin and publisher',
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', 'admin', 'publisher', '--outputStyle=static'],
      all,
    );
  }
  log('starting api, worker, admin and publisher');
  run('api', 'node', serverArgs('api'), { env: { ...all, ...serverEnv('api') }, quiet });
  run('worker', 'node', serverArgs('worker'), { env: { ...all, ...serverEnv('worker') }, quiet });
  for (const app of ['admin', 'publisher']) {
    run(
      app,
      'npx',
      [
        'vite',
        'preview',
        '--config',
        `apps/${app}/vite.config.mts`,
        '--port',
        String(ports[app]),
        '--strictPort',
        '--host',
        '127.0.0.1',
      ],
      {
        env: all,
        quiet,
      },
    );
  }
  await waitForHttp(`http://127.0.0.1:${ports.api}/api/health`);
  await waitForHttp(`http://127.0.0.1:${ports.admin}/`);
  await waitForHttp(`http://127.0.0.1:${ports.publisher}/`);
  return all;
}
