import fs from 'node:fs';
import path from 'node:path';

/**
 * DESIGN.md: apps call use cases; every SQL statement lives in libs/persistence and every
 * transaction in libs/application. This proves it for the apps' source (tests aside): no file
 * imports a database client or runs a query, a query builder, a repository or a transaction.
 */
const root = path.join(__dirname, '..', '..');

const DATABASE_ACCESS: readonly [string, RegExp][] = [
  ['imports typeorm', /from '(typeorm|typeorm\/[^']*)'/],
  ['imports pg', /from 'pg'/],
  ['imports @nestjs/typeorm', /from '@nestjs\/typeorm'/],
  ['names DataSource', /\bDataSource\b/],
  ['builds a query', /createQueryBuilder/],
  ['runs SQL', /\.query\s*\(/],
  ['uses a repository', /\bgetRepository\b|InjectRepository/],
  ['injects the data source', /InjectDataSource/],
  ['opens a transaction', /\.transaction\s*\(/],
];

/**
 * Composition roots: they open the connection and hand it to the use cases (TypeOrmModule, the
 * data-source token, the worker's and the CLI's connection); they may name the database client but
 * never run a statement, which the second test checks.
 */
const WIRING = new Set([
  'imports typeorm',
  'imports @nestjs/typeorm',
  'names DataSource',
  'injects the data source',
]);
const COMPOSITION_ROOTS = new Set([
  'apps/api/src/app.module.ts',
  'apps/api/src/database.token.ts',
  'apps/worker/src/database.provider.ts',
  'apps/cli/src/commands/cli-database.ts',
]);

const isTest = (file: string) =>
  /\.(spec|int-spec)\.tsx?$/.test(file) ||
  /(^|\/)testing\//.test(file) ||
  /\.testing\.ts$/.test(file) ||
  /-test-app\.ts$/.test(file);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !isTest(relative) ? [relative] : [];
  });
}

const appSources = fs
  .readdirSync(path.join(root, 'apps'))
  .filter((app) => fs.existsSync(path.join(root, 'apps', app, 'src')))
  .flatMap((app) => sourceFiles(`apps/${app}/src`));

function accessOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return DATABASE_ACCESS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
}

describe('apps do not touch the database', () => {
  it('finds the apps’ sources', () => {
    expect(appSources).toContain('apps/api/src/cases/cases.service.ts');
    expect(appSources).toContain('apps/worker/src/worker.module.ts');
  });

  it('no app file but the composition roots queries, builds queries, or opens a transaction', () => {
    const offenders = appSources
      .filter((f) => !COMPOSITION_ROOTS.has(f))
      .map((f) => [f, accessOf(f)] as const)
      .filter(([, access]) => access.length > 0);
    expect(offenders).toEqual([]);
  });

  it('composition roots only wire the connection: no statement, builder, repository or transaction', () => {
    const running = [...COMPOSITION_ROOTS]
      .map((f) => [f, accessOf(f).filter((a) => !WIRING.has(a))] as const)
      .filter(([, access]) => access.length > 0);
    expect(running).toEqual([]);
  });

  it('lists only composition roots that exist', () => {
    expect([...COMPOSITION_ROOTS].filter((f) => !fs.existsSync(path.join(root, f)))).toEqual([]);
  });

  it('the probe sees database access where it is (it can fail)', () => {
    expect(accessOf('apps/api/src/database.token.ts')).not.toEqual([]);
  });
});
