import type { Command } from 'commander';
import { localDateInShanghai } from '@gongkai/domain';
import { checkYearToClose, YearCloseError, type YearCloseResult } from '@gongkai/persistence';
import { CloseYear } from '@gongkai/application';
import { EXIT_FAILED, UsageError } from '../cli-errors';
import { agencyScope, sweepText, withDatabase } from './sweep.command';

interface YearCloseOptions {
  year?: string;
  agency?: string;
  json?: boolean;
}

export function yearCloseText(result: YearCloseResult): string {
  const lines = [
    ...(result.sweep ? [sweepText(result.sweep).trimEnd()] : []),
    `${result.year}年度结转：结转下年度 ${result.marked.length} 件，此前已结转 ${result.alreadyClosed.length} 件，未能结转 ${result.failed.length} 件`,
  ];
  for (const m of result.marked) lines.push(`  ${m.ref}  ${m.state}`);
  for (const f of result.failed) lines.push(`  未能结转 ${f.caseId}：${f.message}（可再次运行）`);
  return lines.join('\n') + '\n';
}

/**
 * `gongkai year-close --year YYYY`: records the carry-forward (YEAR_CLOSED) on every case open at
 * the end of that year — the same function the worker's `year.close` job runs on 1 January.
 * Idempotent, so it can be run again, or for a past year the worker missed.
 */
export function registerYearCloseCommand(program: Command): void {
  program
    .command('year-close')
    .description('年度结转：对该年12月31日仍未办结的案件记录“结转下年度”（可重复运行）')
    .option('--year <year>', '要结转的年度，如 2025')
    .option('--agency <code>', '只结转该机关的案件')
    .option('--json', '以 JSON 输出结果')
    .action(async (options: YearCloseOptions) => {
      if (options.year === undefined) throw new UsageError('缺少 --year（要结转的年度，YYYY）');
      if (!/^\d{4}$/.test(options.year)) {
        throw new UsageError(`--year 应为四位年份：“${options.year}”`);
      }
      const year = Number(options.year);
      const today = localDateInShanghai(new Date());
      try {
        checkYearToClose(year, today);
      } catch (error) {
        if (error instanceof YearCloseError) throw new UsageError(error.message);
        throw error;
      }
      const result = await withDatabase(async (ds) => {
        const agencyIds = await agencyScope(ds, options.agency);
        return new CloseYear(ds).execute({ year, today, agencyIds });
      });
      process.stdout.write(
        options.json ? JSON.stringify(result, null, 2) + '\n' : yearCloseText(result),
      );
      // Cases that could not be marked (held by a clerk too long): the run is not complete.
      if (result.failed.length > 0) process.exitCode = EXIT_FAILED;
    });
}
