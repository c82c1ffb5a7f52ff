// Start-up benchmark of the built CLI (issue 15). Run by hand, never in tests:
//   node tools/bench/cli/run.mjs [--runs 15]
// Builds the CLI if it is stale (through tools/bin/gongkai.cjs, as a user would), then times
// `node -e 0`, `gongkai --version`, `gongkai deadlines --received …` and `gongkai lint` of a
// fixture report, alternating them run by run so that a burst of load on the machine hits every
// command alike, and prints each median with its ratio to `node -e 0`. It also names the heavy
// frameworks each command loaded: `deadlines` must not load TypeORM, `lint` must not load Nest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const GONGKAI = path.join(ROOT, 'tools/bin/gongkai.cjs');
const FIXTURE = path.join(ROOT, 'libs/report/src/__fixtures__/2021-pingtan-gonganju.txt');
const TARGETS = { '--version': 3, lint: 8 };

const CASES = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: '--version', args: [GONGKAI, '--version'] },
  { name: 'deadlines', args: [GONGKAI, 'deadlines', '--received', '2025-09-30'] },
  { name: 'lint', args: [GONGKAI, 'lint', FIXTURE], okCodes: [0, 1] },
];

const HEAVY = ['typeorm', '@nestjs/core', 'pg', 'bullmq', 'exceljs', 'docx', 'mammoth'];

function once(args, okCodes = [0], extra = []) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [...extra, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okCodes.includes(result.status))
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, result };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The heavy packages a command loads, from a preload that prints require.cache at exit. */
function heavyLoaded(args, okCodes) {
  const probe = path.join(ROOT, 'tools/bench/cli/loaded-probe.cjs');
  const { result } = once(args, okCodes, ['--require', probe]);
  const line = result.stderr.split('\n').find((l) => l.startsWith('LOADED '));
  if (!line) return ['(unknown)'];
  const files = JSON.parse(line.slice('LOADED '.length));
  return HEAVY.filter((pkg) => files.some((f) => f.includes(`/node_modules/${pkg}/`)));
}

// Warm-up: builds the CLI if stale, and fills the file cache.
for (const c of CASES) once(c.args, c.okCodes);

const times = Object.fromEntries(CASES.map((c) => [c.name, []]));
for (let i = 0; i < RUNS; i++)
  for (const c of CASES) times[c.name].push(once(c.args, c.okCodes).ms);

const base = median(times['node -e 0']);
process.stdout.write(`CLI start-up, median of ${RUNS} runs (node ${process.version})\n`);
let failed = false;
for (const c of CASES) {
  const m = median(times[c.name]);
  const ratio = m / base;
  const target = TARGETS[c.name];
  const verdict = target ? (ratio <= target ? `  ≤ ${target}× ok` : `  > ${target}× MISSED`) : '';
  if (target && ratio > target) failed = true;
  const loaded =
    c.name === 'node -e 0' ? '' : `  loads: ${heavyLoaded(c.args, c.okCodes).join(', ') || '—'}`;
  process.stdout.write(
    `  ${c.name.padEnd(10)} ${m.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(5)}×${verdict}${loaded}\n`,
  );
}
process.exitCode = failed ? 1 : 0;
