// Benchmark of `gongkai lint DIR` (run by hand, never in tests): `node tools/bench/lint/run.mjs`.
// Builds a folder of 100 reports — copies of the project's fixtures in every format they come in
// (PDF, agency HTML pages, text, extracted PDF text, JSON) plus DOCX renderings of the fixture
// JSONs — then times the CLI on it end to end, and prints files/s with the CPU time used.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const fixtures = join(root, 'libs/report/src/__fixtures__');
const COUNT = Number(process.env.BENCH_FILES ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-lint-'));

const sources = [
  ...readdirSync(fixtures)
    .filter((f) => /\.(txt|json)$/.test(f))
    .map((f) => join(fixtures, f)),
  ...readdirSync(join(fixtures, 'formats'))
    .filter((f) => /\.(txt|json|html|pdf)$/.test(f))
    .map((f) => join(fixtures, 'formats', f)),
];

// DOCX renderings of the fixture JSONs, made with the project's own renderer.
const docxDir = join(dir, '.docx');
mkdirSync(docxDir);
execFileSync(
  process.execPath,
  [
    '-r',
    '@swc-node/register',
    '-e',
    `const { readFileSync, writeFileSync, readdirSync } = require('node:fs');
     const { parseReportJson, renderDocx } = require('${join(root, 'libs/report/src/index.ts')}');
     (async () => {
       for (const f of readdirSync('${fixtures}').filter((f) => f.endsWith('.json'))) {
         const report = parseReportJson(readFileSync('${fixtures}/' + f, 'utf8'));
         writeFileSync('${docxDir}/' + f.replace(/\\.json$/, '.docx'), await renderDocx(report));
       }
     })();`,
  ],
  { cwd: root, env: { ...process.env, SWC_NODE_PROJECT: join(root, 'libs/report/tsconfig.json') } },
);
sources.push(...readdirSync(docxDir).map((f) => join(docxDir, f)));

const reports = join(dir, 'reports');
for (let i = 0; i < COUNT; i++) {
  const src = sources[i % sources.length];
  // One folder per copy: fixture names carry year and agency and must stay as they are.
  const copy = join(reports, `set-${Math.floor(i / sources.length)}`, String(i % sources.length));
  mkdirSync(copy, { recursive: true });
  cpSync(src, join(copy, src.split('/').pop()));
}
const kinds = {};
for (let i = 0; i < COUNT; i++) {
  const ext = sources[i % sources.length].split('.').pop();
  kinds[ext] = (kinds[ext] ?? 0) + 1;
}

const t0 = process.hrtime.bigint();
const run = spawnSync(
  '/usr/bin/time',
  [
    '-f',
    '%U %S',
    process.execPath,
    join(root, 'tools/bin/gongkai.cjs'),
    'lint',
    reports,
    '--format',
    'json',
  ],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const [user, sys] = (run.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
const rows = JSON.parse(run.stdout);
const unread = rows.filter((r) => r.error !== null).length;
writeFileSync(join(dir, 'result.json'), run.stdout);
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify(
    {
      files: rows.length,
      kinds,
      unread,
      failed: rows.filter((r) => !r.ok).length,
      wallSeconds: Number(seconds.toFixed(2)),
      cpuSeconds: Number((user + sys).toFixed(2)),
      filesPerSecond: Number((rows.length / seconds).toFixed(2)),
      filesPerCpuSecond: Number((rows.length / (user + sys)).toFixed(2)),
    },
    null,
    2,
  ),
);
