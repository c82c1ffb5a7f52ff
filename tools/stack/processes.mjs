// Child processes of the local stack: started with a name prefix on their output, stopped together.
import { spawn } from 'node:child_process';
import { ROOT } from './services.mjs';

const children = [];

export function run(name, command, args, { env = {}, quiet = false } = {}) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = `[${name}] `;
  const pipe = (stream, out) =>
    stream.on('data', (chunk) => {
      if (quiet) return;
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) out.write(prefix + line + '\n');
    });
  pipe(child.stdout, process.stdout);
  pipe(child.stderr, process.stderr);
  children.push({ name, child });
  return child;
}

/** Runs a command to completion, streaming its output; resolves with its exit code. */
export function runToEnd(command, args, { env = {}, stdio = 'inherit' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** The start command of a built server app (`nx build api|worker` writes dist/apps/<app>/). */
export function serverArgs(app) {
  return [`dist/apps/${app}/main.js`];
}

/**
 * Builds what is stale among `projects` through Nx (its cache makes an unchanged project a
 * restore, not a rebuild) and rejects when a build fails.
 */
export async function buildProjects(projects, { env = {}, log = () => undefined } = {}) {
  log(`building ${projects.join(', ')} (Nx reuses what has not changed)`);
  const code = await runToEnd(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=static'],
    { env: { NX_DAEMON: 'false', ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (code !== 0) throw new Error(`building ${projects.join(', ')} failed (exit ${code})`);
}

/** SIGTERM to every child's process group, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 10_000) {
  const alive = children.filter(
    ({ child }) => child.exitCode === null && child.signalCode === null,
  );
  for (const { child } of alive) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  await Promise.race([
    Promise.all(alive.map(({ child }) => new Promise((r) => child.once('exit', r)))),
    new Promise((r) => setTimeout(r, graceMs)),
  ]);
  for (const { child } of alive) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

export async function waitForHttp(url, { timeoutMs = 120_000, ok = (res) => res.ok } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (ok(res)) return res;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer in time (${last})`);
}
