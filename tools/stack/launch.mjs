// Launches the whole system (API, worker, admin, publisher) against resolved services: shared by
// `npm start` (tools/stack/start.mjs) and the browser tests (tools/stack/e2e.mjs).
import { buildProjects, run, runToEnd, serverArgs, waitForHttp } from './processes.mjs';

async function step(log, name, command, args, env) {
  log(name);
  const code = await runToEnd(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

/**
 * Builds API and worker (and the web apps, unless skipWebBuild) where stale, migrates, loads demo
 * data into an empty database,
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
  await buildProjects(skipWebBuild ? ['api', 'worker'] : ['api', 'worker', 'admin', 'publisher'], {
    env: all,
    log,
  });
  await step(log, 'applying migrations', 'node', ['tools/bin/gongkai.cjs', 'migrate'], all);
  await step(
    log,
    'loading demo data (only into an empty database)',
    'node',
    ['tools/bin/gongkai.cjs', 'demo'],
    all,
  );
  log('starting api, worker, admin and publisher');
  run('api', 'node', serverArgs('api'), { env: all, quiet });
  run('worker', 'node', serverArgs('worker'), { env: all, quiet });
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
