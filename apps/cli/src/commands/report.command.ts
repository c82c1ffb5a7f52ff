import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { REPORT_FORMATS, type ReportDownloadFormat } from '@gongkai/contracts';
import { RenderReport } from '@gongkai/application';
import { log, UsageError } from '../cli-errors';
import { agencyByCode, parseYearOption, withDatabase, type CliDatabase } from './cli-database';
import { registerStatsCommand } from './stats.command';

interface ReportOptions {
  agency: string;
  year: string;
  format: string;
  out?: string;
  published?: boolean;
  version?: string;
  section: string;
}

/** The report as bytes (RenderReport); a version that does not exist is a usage error. */
async function reportBytes(
  db: CliDatabase,
  input: {
    agencyCode: string;
    year: number;
    format: ReportDownloadFormat;
    published?: boolean;
    version?: number;
    section?: '3' | '4';
  },
): Promise<Buffer> {
  const agency = await agencyByCode(db, input.agencyCode);
  const bytes = await new RenderReport(db).execute({ ...input, agency });
  if (!bytes) {
    throw new UsageError(
      `${agency.name}${input.year}年度报告${input.version ? `没有第${input.version}版` : '尚未发布'}`,
    );
  }
  return bytes;
}

/**
 * `gongkai report --agency CODE --year YYYY [--format …] [--out FILE] [--published]`: the live
 * draft from the cases, or the latest published version.
 */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('生成年度报告（实时草稿，或 --published 已发布的最新版本）')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '报告年度')
    .option('--format <format>', `输出格式：${REPORT_FORMATS.join('、')}`, 'txt')
    .option('--out <file>', '写入文件（默认输出到标准输出）')
    .option('--published', '已发布的最新版本（存档原文）')
    .option('--version <n>', '已发布的指定版本')
    .option('--section <n>', 'CSV：第三部分（3，默认）或第四部分（4）', '3')
    .action(async (options: ReportOptions) => {
      const year = parseYearOption(options.year);
      if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(
          `不支持的格式：${options.format}（可选 ${REPORT_FORMATS.join('、')}）`,
        );
      }
      if (options.section !== '3' && options.section !== '4') {
        throw new UsageError('--section 只能是 3 或 4');
      }
      let version: number | undefined;
      if (options.version !== undefined) {
        version = Number(options.version);
        if (!Number.isInteger(version) || version < 1) {
          throw new UsageError(`无效的版本号：${options.version}`);
        }
      }
      const bytes = await withDatabase((db) =>
        reportBytes(db, {
          agencyCode: options.agency,
          year,
          format: options.format as ReportDownloadFormat,
          published: options.published,
          version,
          section: options.section as '3' | '4',
        }),
      );
      if (options.out) {
        await writeFile(options.out, bytes);
        log(`已写入 ${options.out}（${bytes.length} 字节）`);
      } else {
        process.stdout.write(bytes);
      }
    });
  // The drill-down belongs to the report: registered with it, one line in commands/index.ts.
  registerStatsCommand(program);
}
