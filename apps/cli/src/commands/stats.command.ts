import type { Command } from 'commander';
import {
  StatisticsInputError,
  StatisticsRepository,
  type CellDrillDown,
  type YearStatistics,
} from '@gongkai/persistence';
import {
  SECTION3_COLUMNS,
  section3RowKeys,
  SECTION4_COLUMNS,
  SECTION4_GROUPS,
} from '@gongkai/report/core';
import { UsageError } from '../cli-errors';
import { agencyByCode, parseYearOption, withDatabase } from './cli-database';

interface StatsOptions {
  agency: string;
  year: string;
  cell?: string;
  subtree?: boolean;
  json?: boolean;
}

/** `ROW:COLUMN`; row keys contain dots (`withheld.state_secret`), never a colon. */
export function parseCell(value: string): { row: string; column: string } {
  const at = value.lastIndexOf(':');
  if (at <= 0 || at === value.length - 1) {
    throw new UsageError(`--cell 应为 行:列，例如 disclosed:natural_person（收到：${value}）`);
  }
  return { row: value.slice(0, at), column: value.slice(at + 1) };
}

function tablesText(stats: YearStatistics): string {
  const lines = [`三（${stats.format}年格式）\t${SECTION3_COLUMNS.join('\t')}`];
  for (const key of section3RowKeys(stats.format)) {
    lines.push(`${key}\t${(stats.section3.rows[key] ?? []).join('\t')}`);
  }
  lines.push('', `四\t${SECTION4_COLUMNS.join('\t')}`);
  for (const kind of SECTION4_GROUPS) {
    lines.push(`${kind}\t${SECTION4_COLUMNS.map((c) => stats.section4[kind][c]).join('\t')}`);
  }
  const f = stats.fees;
  lines.push(
    '',
    `六 信息处理费\t收费通知 ${f.noticeCount} 件\t收取 ${f.amountYuan} 元\t逾期未缴费 ${f.unpaidCount} 件`,
  );
  return lines.join('\n') + '\n';
}

function cellText(cell: CellDrillDown): string {
  const head = `${cell.row} × ${cell.column}：${cell.count}`;
  if (cell.section === '3') {
    return (
      [
        head,
        ...cell.cases.map((c) =>
          [
            c.agencyCode,
            c.ref,
            c.receivedOn,
            c.decidedOn ?? '（未办结）',
            c.outcome ?? '',
            c.applicantCategory,
          ].join('\t'),
        ),
      ].join('\n') + '\n'
    );
  }
  return (
    [
      head,
      ...cell.proceedings.map((p) =>
        [
          p.agencyCode,
          p.caseRef ?? '',
          p.kind,
          p.filedOn,
          p.result ?? '（尚未审结）',
          p.concludedOn ?? '',
        ].join('\t'),
      ),
    ].join('\n') + '\n'
  );
}

/**
 * `gongkai stats --agency CODE --year YYYY [--cell ROW:COLUMN] [--subtree] [--json]`: the live
 * tables of 三 and 四, or the cases (proceedings) counted in one cell.
 */
export function registerStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('年度统计（第三、四部分）及单元格明细')
    .requiredOption('--agency <code>', '机关代码')
    .requiredOption('--year <year>', '年度')
    .option(
      '--cell <row:column>',
      '单元格明细，例如 disclosed:natural_person、carried_forward:total',
    )
    .option('--subtree', '含下级机关')
    .option('--json', '以 JSON 输出')
    .action(async (options: StatsOptions) => {
      const year = parseYearOption(options.year);
      const cell = options.cell ? parseCell(options.cell) : null;
      const out = await withDatabase(async (db) => {
        const agency = await agencyByCode(db, options.agency);
        const repo = new StatisticsRepository(db.manager);
        const scope = { agencyId: agency.id, subtree: Boolean(options.subtree) };
        if (!cell) {
          const stats = await repo.yearStatistics(scope, year);
          return options.json ? JSON.stringify(stats, null, 2) + '\n' : tablesText(stats);
        }
        try {
          const found = await repo.cell(scope, year, cell.row, cell.column);
          return options.json ? JSON.stringify(found, null, 2) + '\n' : cellText(found);
        } catch (error) {
          if (error instanceof StatisticsInputError) throw new UsageError(error.message);
          throw error;
        }
      });
      process.stdout.write(out);
    });
}
