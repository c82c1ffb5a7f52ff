import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { REPORT_FORMATS, type ReportDownloadFormat } from '@gongkai/contracts';
import { ReportSourcesRepository, ReportVersionsRepository } from '@gongkai/persistence';
import type { DataSource } from 'typeorm';
import { log, UsageError } from '../cli-errors';
import { composeDraft, renderOne, storedRendering } from '@gongkai/reporting';
import { agencyByCode, parseYearOption, withDatabase } from './cli-database';
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

/**
 * The report as bytes: the live draft (what `GET /api/reports/:year/download` serves), or with
 * `published` the stored rendering of the latest (or given) published version.
 */
export async function reportBytes(
  db: DataSource,
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
  const section = input.section ?? '3';
  if (input.published || input.version !== undefined) {
    const stored = await new ReportVersionsRepository(db.manager).find(
      agency.id,
      input.year,
      input.version,
    );
    if (!stored) {
      throw new UsageError(
        `${agency.name}${input.year}年度报告${input.version ? `没有第${input.version}版` : '尚未发布'}`,
      );
    }
    return storedRendering(stored, input.format, section);
  }
  const sources = await new ReportSourcesRepository(db.manager).load(agency, input.year);
  const { report, texts } = composeDraft(sources);
  return renderOne(report, texts.preamble, input.format, section);
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
