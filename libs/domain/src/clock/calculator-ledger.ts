import { type LocalDate } from '../dates';
import { MAX_EXTENSION_WORKING_DAYS } from './deadlines';
import { type ClockEntry } from './clock-ledger';

/** What the deadline calculator asks: the facts of a case, without a case. */
export interface CalculatorInput {
  readonly receivedOn: LocalDate;
  readonly supplementReceivedOn?: LocalDate;
  /** Each consultation: the day the letter was served, and the reply day if there is one. */
  readonly consultations?: readonly {
    readonly sentOn: LocalDate;
    readonly repliedOn?: LocalDate;
  }[];
  readonly feeServedOn?: LocalDate;
  readonly feePaidOn?: LocalDate;
  readonly extensionWorkingDays?: number;
}

export class CalculatorInputError extends Error {}

// Same-day facts: a restart first, then the ends of pauses, then new pauses, the extension last.
const ORDER: Record<ClockEntry['kind'], number> = {
  start: 0,
  supplementRestart: 1,
  supplementNotice: 2,
  consultationResume: 3,
  feePayment: 3,
  consultationPause: 4,
  feePause: 4,
  extension: 5,
  art35Delay: 5,
};

/**
 * The clock ledger of the calculator (the desk's page and `gongkai deadlines`): the facts in
 * date order; a fact before receipt or a reply before its letter is refused in Chinese.
 */
export function calculatorLedger(input: CalculatorInput): ClockEntry[] {
  const received = input.receivedOn;
  const notBefore = (d: LocalDate, what: string, after = received, afterWhat = '收到申请之日') => {
    if (d < after) throw new CalculatorInputError(`${what}（${d}）早于${afterWhat}（${after}）`);
    return d;
  };
  const facts: ClockEntry[] = [];
  if (input.supplementReceivedOn) {
    facts.push({
      kind: 'supplementRestart',
      on: notBefore(input.supplementReceivedOn, '收到补正之日'),
    });
  }
  for (const c of input.consultations ?? []) {
    const sent = notBefore(c.sentOn, '征求意见函送达之日');
    facts.push({ kind: 'consultationPause', on: sent, party: 'third_party' });
    if (c.repliedOn) {
      const replied = notBefore(c.repliedOn, '征求意见答复之日', sent, '征求意见函送达之日');
      facts.push({ kind: 'consultationResume', on: replied, reason: 'replied' });
    }
  }
  if (input.feePaidOn && !input.feeServedOn) {
    throw new CalculatorInputError('填写缴费之日的，应同时填写收费通知送达之日');
  }
  if (input.feeServedOn) {
    const served = notBefore(input.feeServedOn, '收费通知送达之日');
    facts.push({ kind: 'feePause', on: served });
    if (input.feePaidOn) {
      facts.push({
        kind: 'feePayment',
        on: notBefore(input.feePaidOn, '缴费之日', served, '收费通知送达之日'),
      });
    }
  }
  const sorted = facts
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        a.entry.on.localeCompare(b.entry.on) ||
        ORDER[a.entry.kind] - ORDER[b.entry.kind] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
  const ledger: ClockEntry[] = [{ kind: 'start', on: received }, ...sorted];
  const n = input.extensionWorkingDays;
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_EXTENSION_WORKING_DAYS) {
      throw new CalculatorInputError(
        `延长期限应为1至${MAX_EXTENSION_WORKING_DAYS}个工作日（第三十三条）`,
      );
    }
    // The extension belongs to the current period, so it comes after every other fact.
    const last = ledger.reduce((max, e) => (e.on > max ? e.on : max), received);
    ledger.push({ kind: 'extension', on: last, workingDays: n });
  }
  return ledger;
}
