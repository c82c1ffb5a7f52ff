#!/usr/bin/env node
// `npx gongkai …`: runs the TypeScript CLI from source through SWC, after resolving the local
// services for commands that need them (tools/stack/services.mjs is the one place that does).
'use strict';
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
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
  process.env.SWC_NODE_PROJECT = path.join(root, 'apps/cli/tsconfig.json');
  require('@swc-node/register');
  const { run } = require(path.join(root, 'apps/cli/src/main.ts'));
  const code = await run(process.argv);
  await stopServices();
  process.exitCode = code;
}

main().catch((error) => {
  process.stderr.write(`gongkai: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
