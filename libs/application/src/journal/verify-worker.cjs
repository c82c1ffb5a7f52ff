// A journal verification worker thread (verify-pool.ts starts it). Built, it runs beside the
// compiled verify-worker-main.js; started from the TypeScript sources (jest, the benches), the
// pool names the loader that compiles them on load, as the benches run them.
'use strict';
const { workerData } = require('node:worker_threads');

if (workerData.sources) {
  process.env.SWC_NODE_PROJECT = workerData.sources.project;
  require(workerData.sources.loader);
}
require('./verify-worker-main')
  .runVerifyWorker()
  .catch((error) => {
    process.stderr.write(`${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
