// Browser tests, run by `npm run e2e` (tools/stack/e2e.mjs) against a freshly started stack.
const path = require('node:path');

module.exports = {
  displayName: 'e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 120_000,
  maxWorkers: 1,
  reporters: ['default', path.join(__dirname, '..', 'tools/jest/summary-reporter.cjs')],
};
