import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The built CLI (dist/apps/cli): each command loads only what it uses, and tools/bin/gongkai.cjs
 * never runs a build older than its sources.
 */
const root = path.join(__dirname, '..', '..');
const gongkai = path.join(root, 'tools/bin/gongkai.cjs');
const probe = path.join(root, 'tools/bench/cli/loaded-probe.cjs');
const fixture = path.join(root, 'libs/report/src/__fixtures__/2021-pingtan-gonganju.txt');

function node(args: string[]) {
  return spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
}

/** Files of the workspace and packages a run of the built CLI loaded (from the probe's line). */
function loaded(main: string, args: string[]): { files: string[]; status: number | null } {
  const run = node(['--require', probe, main, ...args]);
  const line = run.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  return {
    files: JSON.parse(line?.slice('LOADED '.length) ?? '[]') as string[],
    status: run.status,
  };
}
const uses = (files: string[], pkg: string) =>
  files.some((f) => f.includes(`/node_modules/${pkg}/`));

describe('the built CLI', () => {
  let dist: string;
  let main: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-dist-'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dist, 'node_modules'), 'dir');
    const build = node(['tools/build/compile-server.mjs', '--dist', dist, 'cli']);
    expect(build.status).toBe(0);
    main = path.join(dist, 'apps/cli/main.js');
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('answers --version without loading any command', () => {
    const { files, status } = loaded(main, ['--version']);
    expect(status).toBe(0);
    expect(files.filter((f) => f.endsWith('.command.js'))).toEqual([]);
    expect(files.some((f) => f.includes('/node_modules/commander/'))).toBe(true);
  });

  it('runs deadlines without TypeORM, Nest or the report readers', () => {
    const { files, status } = loaded(main, ['deadlines', '--received', '2025-09-30']);
    expect(status).toBe(0);
    for (const pkg of ['typeorm', 'pg', '@nestjs/core', '@nestjs/common', 'docx', 'mammoth'])
      expect([pkg, uses(files, pkg)]).toEqual([pkg, false]);
  });

  it('lints a report without Nest or TypeORM', () => {
    const { files, status } = loaded(main, ['lint', fixture]);
    expect([0, 1]).toContain(status);
    expect(files.some((f) => f.endsWith('lint.command.js'))).toBe(true);
    for (const pkg of ['typeorm', 'pg', '@nestjs/core', '@nestjs/common', 'bullmq'])
      expect([pkg, uses(files, pkg)]).toEqual([pkg, false]);
  });

  it('reads a PDF: the worker thread script is built beside the pool that starts it', () => {
    const pdf = path.join(
      root,
      'libs/report/src/__fixtures__/formats/2024-pingtan-jinjing-pianqu.pdf',
    );
    const run = spawnSync(process.execPath, [main, 'lint', pdf, '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { year: number; agency: { name: string } };
    expect(out.year).toBe(2024);
    expect(out.agency.name).toBe('平潭综合实验区金井片区管理局');
  });

  it('loads the database command it runs, and only that one', () => {
    const { files } = loaded(main, ['migrate', '--help']);
    expect(files.filter((f) => f.endsWith('.command.js')).map((f) => path.basename(f))).toEqual([
      'migrate.command.js',
    ]);
  });

  it('lists every command under --help', () => {
    const help = node([main, '--help']);
    expect(help.status).toBe(0);
    for (const name of [
      'migrate',
      'lint',
      'deadlines',
      'report',
      'stats',
      'import',
      'sweep',
      'site',
    ])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});

describe('tools/bin/gongkai.cjs', () => {
  const manifest = path.join(root, 'dist/apps/cli/build-manifest.json');
  const source = path.join(root, 'apps/cli/src/cli-errors.ts');

  it('rebuilds after a source changes, with one line on stderr, and not otherwise', () => {
    node([gongkai, '--version']); // builds if this checkout has no current build
    const fresh = node([gongkai, '--version']);
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout.trim()).toBe('0.1.0');

    // Same content, newer mtime: as after an edit (or a checkout) of the file.
    const later = new Date(fs.statSync(source).mtimeMs + 1000);
    fs.utimesSync(source, later, later);
    const rebuilt = node([gongkai, '--version']);
    expect(rebuilt.stderr).toMatch(
      /^gongkai: building the CLI into dist\/apps\/cli \(apps\/cli\/src\/cli-errors\.ts changed\) …\n$/,
    );
    expect(rebuilt.stdout.trim()).toBe('0.1.0');
    const entry = (
      JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
        inputs: { file: string; mtimeMs: number }[];
      }
    ).inputs.find((i) => i.file === 'apps/cli/src/cli-errors.ts');
    // The manifest records what stat reports; filesystems keep nanoseconds, so the
    // float read back can differ from the millisecond set by utimes in its last digit.
    expect(entry?.mtimeMs).toBe(fs.statSync(source).mtimeMs);
    expect(Math.abs((entry?.mtimeMs ?? 0) - later.getTime())).toBeLessThan(1);
    expect(node([gongkai, '--version']).stderr).toBe('');
  });
});
