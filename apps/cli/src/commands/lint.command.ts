import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  type AnnualReport,
  formatLintText,
  lintReportContent,
  parseReport,
  reportFileKind,
  renderJson,
} from '@gongkai/report';
import { UsageError } from '../cli-errors';

interface LintOptions {
  json?: boolean;
  year?: string;
  previous?: string;
}

async function readReportFile(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UsageError(
      `无法读取文件 ${file}：${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function kindOf(file: string): NonNullable<ReturnType<typeof reportFileKind>> {
  const kind = reportFileKind(file);
  if (!kind) throw new UsageError(`不支持的文件类型：${file}（应为 .txt、.html、.docx 或 .json）`);
  return kind;
}

/** File names like `2023-tongguan-renmin-shequ.txt` carry the year and agency when the text does not. */
function hintsFromName(file: string): { defaultYear?: number; agencyCode?: string } {
  const m = /^(\d{4})-(.+?)\.[a-z]+$/i.exec(basename(file));
  return m?.[1] && m[2] ? { defaultYear: Number(m[1]), agencyCode: m[2] } : {};
}

/**
 * `gongkai lint FILE [--json]`: parses a published report and checks the identities of
 * regulation.md §1.6. Exit status 1 when an error-level identity fails (I1–I4, I7); warnings
 * (I5, I6, blank cells) are printed but do not fail.
 */
export function registerLintCommand(program: Command): void {
  program
    .command('lint')
    .description('检查年度报告的勾稽关系（.txt、.html、.docx、.json）')
    .argument('<file>', '年度报告文件')
    .option('--json', '输出解析后的报告 JSON（含 checks）')
    .option('--year <year>', '报告年度（正文无法识别时）')
    .option('--previous <file>', '上一年度报告，用于跨年核对（I5、I6）')
    .action(async (file: string, options: LintOptions) => {
      let year: number | undefined;
      if (options.year !== undefined) {
        year = Number(options.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          throw new UsageError(`无效的年度：${options.year}`);
      }
      const kind = kindOf(file);
      const hints = hintsFromName(file);
      let previous: AnnualReport | null = null;
      if (options.previous) {
        const parsed = await parseReport(
          await readReportFile(options.previous),
          kindOf(options.previous),
          hintsFromName(options.previous),
        );
        previous = parsed.report;
      }
      const outcome = await lintReportContent(await readReportFile(file), kind, {
        ...hints,
        year,
        previous,
      });
      if (options.json) {
        process.stdout.write(renderJson(outcome.result.report));
      } else {
        process.stdout.write(formatLintText(outcome, basename(file)));
      }
      if (!outcome.result.ok) process.exitCode = 1;
    });
}
