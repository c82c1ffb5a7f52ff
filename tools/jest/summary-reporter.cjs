// Writes each project's counts so that `npm test` can close with one "N passed, N failed" line.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.GONGKAI_TEST_SUMMARY_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const name = path.basename(this.globalConfig.rootDir) + '-' + process.pid;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        rootDir: this.globalConfig.rootDir,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        suitesFailed: results.numFailedTestSuites,
        runtimeErrors: results.numRuntimeErrorTestSuites,
      }),
    );
  }
}
module.exports = SummaryReporter;
