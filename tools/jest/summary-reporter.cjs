// Writes each project's counts, and the names of its failed tests, so that `npm test` can close
// with the failures and one "N passed, N failed" line: the end of a long CI log says what broke.
const fs = require('node:fs');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');

const WORKSPACE = path.resolve(__dirname, '../..');

/** The first lines of a failure message, without colour codes: enough to tell failures apart. */
function firstLines(message, lines = 3) {
  return stripVTControlCharacters(String(message ?? ''))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, lines)
    .join(' | ')
    .slice(0, 400);
}

class SummaryReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }
  onRunComplete(_contexts, results) {
    const dir = process.env.GONGKAI_TEST_SUMMARY_DIR;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    const rootDir = this.globalConfig.rootDir;
    const failures = [];
    for (const file of results.testResults) {
      const where = path.relative(WORKSPACE, file.testFilePath);
      if (file.testExecError || (file.failureMessage && file.numFailingTests === 0))
        failures.push({
          where,
          title: '(test file failed to run)',
          message: firstLines(file.testExecError?.message ?? file.failureMessage),
        });
      for (const test of file.testResults)
        if (test.status === 'failed')
          failures.push({
            where,
            title: test.fullName,
            message: firstLines(test.failureMessages[0]),
          });
    }
    const name = path.basename(rootDir) + '-' + process.pid;
    fs.writeFileSync(
      path.join(dir, `${name}.json`),
      JSON.stringify({
        rootDir,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        skipped: results.numPendingTests + results.numTodoTests,
        suitesFailed: results.numFailedTestSuites,
        runtimeErrors: results.numRuntimeErrorTestSuites,
        failures,
      }),
    );
  }
}
module.exports = SummaryReporter;
