import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  type AnnualReport,
  formatLintText,
  lintReportContent,
  parseReport,
  PdfTextPool,
  reportFileKind,
  renderJson,
} from '@gongkai/report';
import { UsageError } from '../cli-errors';
import {
  hintsFromName,
  lintFiles,
  readFailure,
  readReportBytes,
  reportFilesIn,
  resultLine,
  resultRows,
  resultsCsv,
  resultsSummary,
} from './lint-files';

interface LintOptions {
  json?: boolean;
  year?: string;
  previous?: string;
  format?: string;
}

function kindOf(file: string): NonNullable<ReturnType<typeof reportFileKind>> {
  const kind = reportFileKind(file);
  if (!kind)
    throw new UsageError(`不支持的文件类型：${file}（应为 .pdf、.html、.docx、.txt 或 .json）`);
  return kind;
}

async function pathKind(path: string): Promise<'file' | 'dir'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    throw new UsageError(`无法读取 ${path}：${readFailure(error)}`);
  }
}

/** One file: its report and checks, or one Chinese line saying why it cannot be read (exit 1). */
async function lintFile(file: string, options: LintOptions, pool: PdfTextPool): Promise<void> {
  let year: number | undefined;
  if (options.year !== undefined) {
    year = Number(options.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UsageError(`无效的年度：${options.year}`);
  }
  const kind = kindOf(file);
  let previous: AnnualReport | null = null;
  if (options.previous) {
    const prevKind = kindOf(options.previous);
    await pathKind(options.previous);
    try {
      const parsed = await parseReport(await readReportBytes(options.previous), prevKind, {
        ...hintsFromName(options.previous),
        pdfPool: pool,
      });
      previous = parsed.report;
    } catch (error) {
      process.stderr.write(`gongkai: ${basename(options.previous)}：${readFailure(error)}\n`);
      process.exitCode = 1;
      return;
    }
  }
  try {
    const outcome = await lintReportContent(await readReportBytes(file), kind, {
      ...hintsFromName(file),
      year,
      previous,
      pdfPool: pool,
    });
    process.stdout.write(
      options.json ? renderJson(outcome.result.report) : formatLintText(outcome, basename(file)),
    );
    if (!outcome.result.ok) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`gongkai: ${basename(file)}：${readFailure(error)}\n`);
    process.exitCode = 1;
  }
}

/** A folder: one line per report and a summary, or the table of results as JSON or CSV. */
async function lintFolder(dir: string, options: LintOptions, pool: PdfTextPool): Promise<void> {
  if (options.previous)
    throw new UsageError('--previous 只用于单个文件（文件夹内自动按机关、年度核对 I5）');
  const files = await reportFilesIn(dir);
  const rows = resultRows(await lintFiles(files, pool), dir);
  const format = options.format ?? (options.json ? 'json' : 'text');
  if (format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write(resultsCsv(rows));
  else {
    for (const r of rows) process.stdout.write(resultLine(r) + '\n');
    process.stdout.write(resultsSummary(rows) + '\n');
  }
  if (rows.length === 0) process.stderr.write(`gongkai: ${dir} 中没有年度报告文件\n`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

/**
 * `gongkai lint FILE|DIR`: parses published reports (PDF, HTML, DOCX, text, JSON) and checks
 * the identities of regulation.md §1.6, the narrative (N1, N2) and the table structure (S1).
 * Exit status 1 when an error-level check fails or a file cannot be read, 2 for bad usage;
 * warnings (I5, I6, misprints, blank cells) are printed but do not fail.
 */
export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description(
      '检查年度报告的勾稽关系、正文与表格、表格结构（.pdf、.html、.docx、.txt、.json，或文件夹）',
    )
    .argument('<path>', '年度报告文件或文件夹（递归读取）')
    .option('--json', '单个文件：输出解析后的报告 JSON（含 checks）；文件夹：同 --format json')
    .option('--format <format>', '文件夹的结果表：text（默认）、json 或 csv')
    .option('--year <year>', '报告年度（正文无法识别时）')
    .option('--previous <file>', '上一年度报告，用于跨年核对（I5、I6）')
    .action(async (path: string, options: LintOptions) => {
      if (options.format !== undefined && !['text', 'json', 'csv'].includes(options.format))
        throw new UsageError(`无效的 --format：${options.format}（应为 text、json 或 csv）`);
      const pool = new PdfTextPool();
      try {
        if ((await pathKind(path)) === 'dir') await lintFolder(path, options, pool);
        else await lintFile(path, options, pool);
      } finally {
        await pool.close();
      }
    });
}
