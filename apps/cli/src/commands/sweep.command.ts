import type { Command } from 'commander';
import { EVENT_LABELS, isLocalDate, localDateInShanghai, type LocalDate } from '@gongkai/domain';
import type { SweepResult } from '@gongkai/persistence';
import { agencyIdsByCode, SweepDeadlines } from '@gongkai/application';
import { UsageError } from '../cli-errors';
import { withDatabase, type CliDatabase } from './cli-database';

export { withDatabase };

interface SweepOptions {
  today?: string;
  agency?: string;
  json?: boolean;
}

/** `--agency CODE` → the agency's id, or a usage error naming the unknown code. */
export async function agencyScope(
  ds: CliDatabase,
  code: string | undefined,
): Promise<string[] | undefined> {
  if (code === undefined) return undefined;
  const ids = await agencyIdsByCode(ds, code);
  if (!ids) throw new UsageError(`未找到机关代码“${code}”`);
  return ids;
}

/**
 * The date the sweep acts on. An earlier date may be given (to replay what a sweep on that day
 * would have done); a later one never: an expiry sent before its day would be a false record.
 */
export function sweepDate(option: string | undefined, now: Date = new Date()): LocalDate {
  const real = localDateInShanghai(now);
  if (option === undefined) return real;
  if (!isLocalDate(option)) {
    throw new UsageError(`--today 的日期格式不正确：“${option}”，应为 YYYY-MM-DD`);
  }
  if (option > real) throw new UsageError(`--today 不能晚于今天（${real}）`);
  return option;
}

export function sweepText(result: SweepResult): string {
  const lines = [
    `${result.today} 期限巡检：待查 ${result.candidates} 件，办理 ${result.applied.length} 件，跳过 ${result.skipped.length} 件`,
  ];
  for (const a of result.applied) {
    const after = a.outcome ? `办结（${a.outcome}）` : a.stateAfter;
    lines.push(
      `  ${a.ref}  ${EVENT_LABELS[a.type].zh}  期限 ${a.deadline}，记为 ${a.on}  → ${after}`,
    );
  }
  for (const s of result.skipped) {
    const why = { locked: '正被他人办理，下次巡检再办', nothing_due: '已无到期事项', refused: '' }[
      s.reason
    ];
    lines.push(`  跳过 ${s.caseId}：${s.message ?? why}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * `gongkai sweep`: one deadline sweep now, against DATABASE_URL, through the same function the
 * worker's `deadlines.sweep` job runs — for operators, and to check a database with no worker.
 */
export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('立即执行一次期限巡检：逾期未补正、逾期未缴费、征求意见期满，按系统身份记入案件')
    .option('--today <date>', '按该日期巡检（YYYY-MM-DD，不晚于今天；默认今天，北京时间）')
    .option('--agency <code>', '只巡检该机关的案件')
    .option('--json', '以 JSON 输出结果')
    .action(async (options: SweepOptions) => {
      const today = sweepDate(options.today);
      const result = await withDatabase(async (ds) => {
        const agencyIds = await agencyScope(ds, options.agency);
        return new SweepDeadlines(ds).execute({ today, agencyIds });
      });
      process.stdout.write(
        options.json ? JSON.stringify(result, null, 2) + '\n' : sweepText(result),
      );
    });
}
