// Shared Jest settings: SWC transpiles (decorator metadata included, as Nest and TypeORM need it);
// type checking is the separate `typecheck` target, so tests stay fast on two cores.
// One generous timeout for every spec, the same locally and in CI: tests wait for conditions
// (findBy…, waitFor, polling), and the limit only ends a test that is stuck, however busy the
// machine is — never a reason to pass a wait on timing.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('./tools/jest/paths.cjs');

const TEST_TIMEOUT_MS = 60_000;

const swcServer = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const swcWeb = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

function serverProject(dir, extra = {}) {
  return {
    displayName: path.relative(__dirname, dir),
    rootDir: dir,
    testEnvironment: 'node',
    testTimeout: TEST_TIMEOUT_MS,
    maxWorkers: '50%',
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts'],
    transform: { '^.+\\.(t|j)s$': ['@swc/jest', swcServer] },
    moduleNameMapper: pathsToModuleNameMapper(),
    reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.cjs')],
    ...extra,
  };
}

function webProject(dir, extra = {}) {
  return {
    displayName: path.relative(__dirname, dir),
    rootDir: dir,
    testEnvironment: 'jsdom',
    maxWorkers: '50%',
    testTimeout: TEST_TIMEOUT_MS,
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
    transform: {
      '^.+\\.(t|j)sx?$': ['@swc/jest', swcWeb],
      '\\.md$': path.join(__dirname, 'tools/jest/raw-text.cjs'),
    },
    transformIgnorePatterns: ['/node_modules/(?!(@ant-design/colors|lodash-es)/)'],
    moduleNameMapper: {
      '\\.(css|less)$': path.join(__dirname, 'tools/jest/style-stub.cjs'),
      // Vite's `?raw`: the file itself, read by the raw-text transform.
      '^(.+\\.md)\\?raw$': '$1',
      ...pathsToModuleNameMapper(),
    },
    setupFilesAfterEnv: [path.join(__dirname, 'tools/jest/web-setup.cjs')],
    reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.cjs')],
    ...extra,
  };
}

module.exports = { serverProject, webProject, TEST_TIMEOUT_MS };
