#!/usr/bin/env node
// `npx gongkai …`: runs the built CLI (dist/apps/cli), after resolving the local services for the
// commands that need them (tools/stack/services.mjs is the one place that does). In a checkout the
// build is compared with the sources first (sizes and mtimes in its build-manifest.json, a few
// milliseconds): a missing or stale build is rebuilt here, with one line on stderr, so an edited
// source never runs as its old build. Without sources (the Docker image) dist/ runs as it is.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const dist = path.join(root, 'dist', 'apps', 'cli');
const OFFLINE_COMMANDS = new Set([
  'deadlines',
  'lint',
  'fees',
  'help',
  '--help',
  '-h',
  '--version',
  '-V',
  undefined,
]);

/** Why the built CLI cannot be used as it is, or null when it can. */
function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dist, 'build-manifest.json'), 'utf8'));
  } catch {
    return 'not built yet';
  }
  if (!fs.existsSync(path.join(root, 'apps', 'cli', 'src'))) return null;
  for (const input of manifest.inputs) {
    let stat;
    try {
      stat = fs.statSync(path.join(root, input.file));
    } catch {
      return `${input.file} is gone`;
    }
    if (stat.size !== input.size || stat.mtimeMs !== input.mtimeMs) return `${input.file} changed`;
  }
  return null;
}

async function builtCli() {
  const reason = staleness();
  if (reason) {
    process.stderr.write(`gongkai: building the CLI into dist/apps/cli (${reason}) …\n`);
    const { compileServerApp } = await import(path.join(root, 'tools/build/compile-server.mjs'));
    compileServerApp('cli');
  }
  return require(path.join(dist, 'main.js'));
}

async function main() {
  const command = process.argv[2];
  let stopServices = async () => undefined;
  if (!OFFLINE_COMMANDS.has(command)) {
    const { resolveDatabaseUrl, stopStartedServices } = await import(
      path.join(root, 'tools/stack/services.mjs')
    );
    // An embedded PostgreSQL started for this command stops with it.
    stopServices = stopStartedServices;
    try {
      process.env.DATABASE_URL = await resolveDatabaseUrl({
        log: (m) => process.stderr.write(m + '\n'),
      });
    } catch (error) {
      process.stderr.write(`gongkai: ${error.message}\n`);
      process.exit(1);
    }
  }
  const { run } = await builtCli();
  const code = await run(process.argv);
  await stopServices();
  process.exitCode = code;
}

main().catch((error) => {
  process.stderr.write(`gongkai: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
