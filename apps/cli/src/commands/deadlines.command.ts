import type { Command } from 'commander';
import {
  calculatorLedger,
  CalculatorInputError,
  type CaseDeadlines,
  type ClockEntry,
  computeDeadlines,
  deadlineList,
  deadlineSummary,
  defaultWorkingDayCalendar,
  formatLocalDateZh,
  isLocalDate,
  type LocalDate,
  weekdayLabel,
} from '@gongkai/domain';
import { UsageError } from '../cli-errors';

interface DeadlinesOptions {
  received?: string;
  supplementReceived?: string;
  consultation: string[];
  feeServed?: string;
  feePaid?: string;
  extension?: string;
  json?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function date(value: string, option: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new UsageError(`${option} 的日期格式不正确：“${value}”，应为 YYYY-MM-DD`);
  }
  return value;
}

/** The calculator's ledger (libs/domain, shared with the desk's page) from the options. */
export function ledgerFromOptions(options: DeadlinesOptions): ClockEntry[] {
  if (!options.received) throw new UsageError('缺少 --received（收到申请之日，YYYY-MM-DD）');
  const consultations = options.consultation.map((raw) => {
    const [sentRaw, repliedRaw, ...rest] = raw.split(':');
    if (!sentRaw || rest.length > 0) {
      throw new UsageError(
        `--consultation 应为 送达日:答复日（如 2025-03-05:2025-03-07），或只写送达日`,
      );
    }
    return {
      sentOn: date(sentRaw, '--consultation'),
      ...(repliedRaw ? { repliedOn: date(repliedRaw, '--consultation') } : {}),
    };
  });
  try {
    return calculatorLedger({
      receivedOn: date(options.received, '--received'),
      ...(options.supplementReceived
        ? { supplementReceivedOn: date(options.supplementReceived, '--supplement-received') }
        : {}),
      consultations,
      ...(options.feeServed ? { feeServedOn: date(options.feeServed, '--fee-served') } : {}),
      ...(options.feePaid ? { feePaidOn: date(options.feePaid, '--fee-paid') } : {}),
      ...(options.extension !== undefined
        ? { extensionWorkingDays: Number(options.extension) }
        : {}),
    });
  } catch (error) {
    throw error instanceof CalculatorInputError ? new UsageError(error.message) : error;
  }
}

function humanText(received: LocalDate, deadlines: CaseDeadlines): string {
  const lines = [`收到申请之日：${formatLocalDateZh(received)}（${weekdayLabel(received)}）`, ''];
  for (const d of deadlineList(deadlines)) {
    const due = d.dueOn ? `${formatLocalDateZh(d.dueOn)}（${weekdayLabel(d.dueOn)}）` : '暂不计算';
    lines.push(`${d.label}：${due}${d.provisional ? '（暂定）' : ''}`);
    for (const line of d.explanation) lines.push(`  ${line}`);
    lines.push('');
  }
  if (!deadlines.complete) {
    lines.push('注意：结果不完整。');
    for (const w of deadlines.warnings) lines.push(`  ${w}`);
  }
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * `gongkai deadlines`: the clerk's "when is this due?" calculator. Needs no database: the clock
 * and the calendar are pure functions of the dates given.
 */
export function registerDeadlinesCommand(program: Command): void {
  program
    .command('deadlines')
    .description('计算依申请公开的各项期限（工作日，含节假日与调休），并说明计算过程')
    .option('--received <date>', '收到申请之日（第三十一条），YYYY-MM-DD')
    .option('--supplement-received <date>', '收到补正材料之日：答复期限自次日重新计算（第三十条）')
    .option(
      '--consultation <sent:replied>',
      '征求意见函送达日:答复日（可多次；只写送达日表示尚未答复）',
      collect,
      [] as string[],
    )
    .option('--fee-served <date>', '收费通知送达之日')
    .option('--fee-paid <date>', '缴费之日')
    .option('--extension <days>', '批准延长的工作日数（不超过20）')
    .option('--json', '输出一个 JSON 对象')
    .action((options: DeadlinesOptions) => {
      const ledger = ledgerFromOptions(options);
      const received = ledger[0].on;
      const deadlines = computeDeadlines(ledger, defaultWorkingDayCalendar());
      if (options.json) {
        const summary = deadlineSummary(deadlines);
        const output = {
          receivedOn: received,
          supplementNoticeDueOn: summary.supplementNoticeDueOn,
          answerDueOn: summary.answerDueOn,
          answerDueProvisional: summary.answerDueProvisional,
          ...(deadlines.consultations.length > 0
            ? {
                consultationReplyDueOn: summary.consultationReplyDueOn,
                consultationReplyDueOns: deadlines.consultations.map((c) => c.dueOn),
              }
            : {}),
          ...(deadlines.feePayment ? { feePaymentDueOn: summary.feePaymentDueOn } : {}),
          complete: summary.complete,
          warnings: summary.warnings,
          deadlines: {
            supplementNotice: deadlines.supplementNotice,
            consultations: deadlines.consultations,
            feePayment: deadlines.feePayment,
            answer: deadlines.answer,
          },
        };
        process.stdout.write(JSON.stringify(output, null, 2) + '\n');
        return;
      }
      process.stdout.write(humanText(received, deadlines));
    });
}
