// Benchmark of `gongkai lint DIR` (run by hand, never in tests): `node tools/bench/lint/run.mjs`.
// Builds a folder of 100 reports — copies of the project's fixtures in every format they come in
// (PDF, agency HTML pages, text, extracted PDF text, JSON) plus DOCX renderings of the fixture
// JSONs — then times the CLI on it end to end, and prints files/s with the CPU time used, beside
// two baselines measured in the same run (the machine is shared and noisy): `node -e 0`, and the
// CLI linting one text report — `folderVsOneFile` is the folder's time over that one file's.
// BENCH_KEEP=1 keeps the folder (for profiling: `node --cpu-prof dist/apps/cli/main.js lint DIR`).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

/** Wall seconds of one run of node with these arguments, the best of `times`. */
function bestOf(times, args) {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  return best;
}
const gongkai = join(root, 'tools/bin/gongkai.cjs');
// Builds the CLI first if it is stale, so that no build is timed.
spawnSync(process.execPath, [gongkai, '--version'], { cwd: root });
const nodeStart = bestOf(3, ['-e', '0']);
const oneFile = bestOf(3, [gongkai, 'lint', join(fixtures, '2022-pingtan-jiaotong-jianshe.txt')]);

const t0 = process.hrtime.bigint();
const run = spawnSync(
  '/usr/bin/time',
  ['-f', '%U %S', process.execPath, gongkai, 'lint', reports, '--format', 'json'],
  { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const [user, sys] = (run.stderr.trim().split('\n').pop() ?? '0 0').split(' ').map(Number);
const rows = JSON.parse(run.stdout);
const unread = rows.filter((r) => r.error !== null).length;
writeFileSync(join(dir, 'result.json'), run.stdout);
if (process.env.BENCH_KEEP === '1') console.error(`kept ${reports}`);
else rmSync(dir, { recursive: true, force: true });
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
      nodeStartSeconds: Number(nodeStart.toFixed(3)),
      oneFileSeconds: Number(oneFile.toFixed(3)),
      folderVsOneFile: Number((seconds / oneFile).toFixed(2)),
      loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    },
    null,
    2,
  ),
);
