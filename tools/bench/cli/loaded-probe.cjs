// Preloaded by tools/bench/cli/run.mjs (`node --require`): prints every module the process
// loaded, at exit, so the benchmark can name the frameworks a command pulled in.
'use strict';
process.on('exit', () => {
  process.stderr.write(`\nLOADED ${JSON.stringify(Object.keys(require.cache))}\n`);
});
