import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative } from 'node:path';
import {
  type AnnualReport,
  type CheckResult,
  lintReport,
  type LintOutcome,
  lintReportContent,
  MAX_REPORT_BYTES,
  type PdfTextPool,
  REPORT_FILE_EXTENSIONS,
  ReportParseError,
  reportFileKind,
} from '@gongkai/report';

/** File names like `2023-tongguan-renmin-shequ.txt` carry the year and agency when the text does not. */
export function hintsFromName(file: string): { defaultYear?: number; agencyCode?: string } {
  const m = /^(\d{4})-(.+?)\.[a-z]+$/i.exec(basename(file));
  return m?.[1] && m[2] ? { defaultYear: Number(m[1]), agencyCode: m[2] } : {};
}

/** Reads a report file, refusing what cannot be a report before reading it all. */
export async function readReportBytes(file: string): Promise<Buffer> {
  const info = await stat(file);
  if (info.size > MAX_REPORT_BYTES)
    throw new ReportParseError(
      `文件过大（${Math.round(info.size / 1024 / 1024)} MB），年度报告文件不应超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB`,
    );
  return readFile(file);
}

/** A message for anything that went wrong reading one file: never a stack trace. */
export function readFailure(error: unknown): string {
  if (error instanceof ReportParseError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES') return '没有读取该文件的权限';
  if (code === 'EISDIR') return '这是一个文件夹';
  return `无法读取该文件（${error instanceof Error ? error.message : String(error)}）`;
}

export interface FileLint {
  file: string;
  outcome: LintOutcome | null;
  error: string | null;
}

/** Every report file under a folder, recursively, in name order. */
export async function reportFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) await walk(path);
      else if (
        e.isFile() &&
        REPORT_FILE_EXTENSIONS.includes(e.name.split('.').pop()?.toLowerCase() ?? '')
      )
        out.push(path);
    }
  };
  await walk(dir);
  return out;
}

async function lintOne(file: string, pool: PdfTextPool, year?: number): Promise<FileLint> {
  try {
    const kind = reportFileKind(file);
    if (!kind) return { file, outcome: null, error: '不支持的文件类型' };
    const outcome = await lintReportContent(await readReportBytes(file), kind, {
      ...hintsFromName(file),
      year,
      pdfPool: pool,
    });
    return { file, outcome, error: null };
  } catch (error) {
    return { file, outcome: null, error: readFailure(error) };
  }
}

const seriesKey = (file: string, report: AnnualReport): string =>
  hintsFromName(file).agencyCode || report.agency.code || report.agency.name;

/**
 * Lints files with at most `concurrency` in flight (PDFs are read in the pool's worker threads,
 * so several are read at once), then runs the cross-year check I5 wherever the folder holds the
 * same agency's report of the year before.
 */
export async function lintFiles(
  files: readonly string[],
  pool: PdfTextPool,
  concurrency = Math.max(2, availableParallelism()),
): Promise<FileLint[]> {
  const results: FileLint[] = Array<FileLint>(files.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = await lintOne(files[i] as string, pool);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, runner));
  const byKey = new Map<string, FileLint>();
  for (const r of results)
    if (r.outcome)
      byKey.set(`${seriesKey(r.file, r.outcome.parsed.report)}@${r.outcome.parsed.report.year}`, r);
  for (const r of results) {
    if (!r.outcome) continue;
    const report = r.outcome.parsed.report;
    const previous = byKey.get(`${seriesKey(r.file, report)}@${report.year - 1}`)?.outcome;
    if (!previous) continue;
    const findings = r.outcome.result.report.checks.some((c) => c.id === 'S1')
      ? r.outcome.parsed.findings
      : undefined;
    r.outcome = {
      parsed: r.outcome.parsed,
      result: lintReport(report, previous.parsed.report, { findings }),
    };
  }
  return results;
}

const CHECK_IDS = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'N1', 'N2', 'S1'] as const;

function checkState(checks: readonly CheckResult[], id: string): string {
  const own = checks.filter((c) => c.id === id);
  if (own.length === 0) return '';
  if (own.some((c) => !c.ok && c.level === 'error')) return 'fail';
  if (own.some((c) => !c.ok)) return 'warn';
  return 'ok';
}

export interface ResultRow {
  file: string;
  agency: string;
  year: number | null;
  readAs: string;
  ok: boolean;
  checks: Record<string, string>;
  findings: string[];
  error: string | null;
}

export function resultRows(results: readonly FileLint[], root: string): ResultRow[] {
  return results.map((r) => {
    const file = relative(root, r.file) || basename(r.file);
    const kind = reportFileKind(r.file) ?? '';
    if (!r.outcome)
      return {
        file,
        agency: '',
        year: null,
        readAs: kind,
        ok: false,
        checks: {},
        findings: [],
        error: r.error,
      };
    const { report, failures, ok } = r.outcome.result;
    return {
      file,
      agency: report.agency.name,
      year: report.year,
      readAs: kind,
      ok,
      checks: Object.fromEntries(
        CHECK_IDS.map((id) => [id, checkState(report.checks, id)]).filter(([, s]) => s !== ''),
      ),
      findings: failures.map((c) => c.message),
      error: null,
    };
  });
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function resultsCsv(rows: readonly ResultRow[]): string {
  const header = ['file', 'agency', 'year', 'read_as', 'ok', ...CHECK_IDS, 'findings', 'error'];
  const lines = rows.map((r) =>
    [
      r.file,
      r.agency,
      r.year === null ? '' : String(r.year),
      r.readAs,
      r.ok ? 'true' : 'false',
      ...CHECK_IDS.map((id) => r.checks[id] ?? ''),
      r.findings.join('；'),
      r.error ?? '',
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

export function resultLine(r: ResultRow): string {
  if (r.error !== null) return `✗ ${r.file}：无法读取：${r.error}`;
  const failed = Object.entries(r.checks)
    .filter(([, s]) => s === 'fail')
    .map(([id]) => id);
  const warned = Object.entries(r.checks)
    .filter(([, s]) => s === 'warn')
    .map(([id]) => id);
  const head = `${r.ok ? '✓' : '✗'} ${r.file}：${r.agency || '（未识别机关）'} ${r.year}年度（${r.readAs.toUpperCase()}）`;
  const notes = [
    failed.length > 0 ? `未通过 ${failed.join('、')}` : '通过',
    warned.length > 0 ? `警告 ${warned.join('、')}` : '',
  ].filter((s) => s !== '');
  return `${head} ${notes.join('，')}`;
}

export function resultsSummary(rows: readonly ResultRow[]): string {
  const failed = rows.filter((r) => !r.ok).length;
  const unread = rows.filter((r) => r.error !== null).length;
  return `共 ${rows.length} 个文件：通过 ${rows.length - failed} 个，未通过 ${failed} 个${unread > 0 ? `（其中无法读取 ${unread} 个）` : ''}`;
}
