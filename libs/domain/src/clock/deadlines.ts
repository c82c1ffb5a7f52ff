import { formatLocalDateZh, minLocalDate, toEpochDay, type LocalDate } from '../dates/local-date';
import {
  completeness,
  type SkippedDay,
  type WorkingDayCalendar,
  type WorkingDayCount,
} from '../calendar';
import { CLOCK_ENTRY_LABELS, type ClockEntry, type ConsultationParty } from './clock-ledger';

/** Statutory periods in working days (regulation.md §6). */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 7; // Art. 30
export const CONSULTATION_WORKING_DAYS = 15; // Arts 32, 34
export const ANSWER_WORKING_DAYS = 20; // Art. 33 para. 2
export const MAX_EXTENSION_WORKING_DAYS = 20; // Art. 33 para. 2
export const FEE_PAYMENT_WORKING_DAYS = 20; // 国办函〔2020〕109号

export type DeadlineKind =
  'supplementNotice' | 'supplement' | 'consultationReply' | 'feePayment' | 'answer';

export const DEADLINE_LABELS: Readonly<
  Record<DeadlineKind, { zh: string; en: string; basis: string; basisEn: string }>
> = {
  supplementNotice: {
    zh: '补正通知期限',
    en: 'Supplement notice due',
    basis: '第三十条',
    basisEn: 'Art. 30',
  },
  supplement: { zh: '申请人补正期限', en: 'Supplement due', basis: '第三十条', basisEn: 'Art. 30' },
  consultationReply: {
    zh: '征求意见答复期限',
    en: 'Consultation reply due',
    basis: '第三十二条、第三十四条',
    basisEn: 'Arts 32 and 34',
  },
  feePayment: {
    zh: '缴费期限',
    en: 'Fee payment due',
    basis: '第四十二条；国办函〔2020〕109号',
    basisEn: 'Art. 42; 国办函〔2020〕109号',
  },
  answer: { zh: '答复期限', en: 'Answer due', basis: '第三十三条', basisEn: 'Art. 33' },
};

export interface PauseSpan {
  readonly kind: 'consultation' | 'fee';
  readonly party?: ConsultationParty;
  /** Service day of the letter or notice; not paused itself (Project rule 17). */
  readonly servedOn: LocalDate;
  /** Last paused day: reply, payment, or the end of the 15 WD (inclusive). */
  readonly until: LocalDate;
  /** The pause is still running; `until` is its longest possible end. */
  readonly open: boolean;
  readonly workingDays: number;
}

export interface DeadlineDerivation {
  readonly source: 'computed' | 'set_by_clerk' | 'art35';
  readonly trigger: LocalDate;
  readonly triggerLabel: string;
  /** The statutory period, before pauses and extension. */
  readonly workingDays: number;
  readonly dayOne: LocalDate | null;
  readonly skipped: readonly SkippedDay[];
  readonly makeupWorkdays: readonly LocalDate[];
  readonly pauses: readonly PauseSpan[];
  readonly pausedWorkingDays: number;
  readonly extensionWorkingDays: number;
  readonly art35DelayedOn: LocalDate | null;
  /** Where the working-day count ends (differs from the due date only under Art. 35). */
  readonly countedDueOn: LocalDate | null;
  /** Ledger facts dropped by a supplement restart (Project rule 18). */
  readonly discarded: readonly string[];
}

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly label: string;
  readonly labelEn: string;
  readonly basis: string;
  /** Null while the period does not run (answer during 补正). */
  readonly dueOn: LocalDate | null;
  /** Depends on a pause still running: the date assumes its longest possible end. */
  readonly provisional: boolean;
  readonly complete: boolean;
  readonly warnings: readonly string[];
  readonly derivation: DeadlineDerivation;
  /** The derivation in Chinese, one sentence a line, for clerks. */
  readonly explanation: readonly string[];
}

export interface CaseDeadlines {
  readonly supplementNotice: Deadline;
  readonly supplement: Deadline | null;
  readonly consultations: readonly Deadline[];
  /** The last consultation's reply deadline. */
  readonly consultationReply: Deadline | null;
  readonly feePayment: Deadline | null;
  readonly answer: Deadline;
  readonly complete: boolean;
  readonly warnings: readonly string[];
}

/** Flat dates for lists, queries and the CLI's JSON. */
export interface DeadlineSummary {
  readonly supplementNoticeDueOn: LocalDate | null;
  readonly supplementDueOn: LocalDate | null;
  readonly consultationReplyDueOn: LocalDate | null;
  readonly feePaymentDueOn: LocalDate | null;
  readonly answerDueOn: LocalDate | null;
  readonly answerDueProvisional: boolean;
  readonly complete: boolean;
  readonly warnings: readonly string[];
}

export class ClockLedgerError extends Error {}

interface Pause extends PauseSpan {
  readonly index: number;
}

/**
 * Every deadline of a case from its clock ledger. Pure: the same ledger and calendar always give
 * the same dates, so deadlines can be re-derived whenever either changes (Project rule 16).
 */
export function computeDeadlines(
  ledger: readonly ClockEntry[],
  calendar: WorkingDayCalendar,
): CaseDeadlines {
  const start = ledger.find((e) => e.kind === 'start');
  if (!start) throw new ClockLedgerError('时钟记录缺少“收到申请”日期');
  for (const entry of ledger) {
    if (entry.on < start.on) {
      throw new ClockLedgerError(`时钟记录的日期 ${entry.on} 早于收到申请之日 ${start.on}`);
    }
  }

  // Warnings name the year; the years are merged so that no warning is repeated.
  const noticeCount = calendar.addWorkingDays(start.on, SUPPLEMENT_NOTICE_WORKING_DAYS);
  const missingYears: number[] = [...noticeCount.missingYears];
  const supplementNotice = computed('supplementNotice', noticeCount, '收到申请');

  const noticeIndex = ledger.findIndex((e) => e.kind === 'supplementNotice');
  const notice = noticeIndex >= 0 ? ledger[noticeIndex] : undefined;
  const supplement =
    notice && notice.kind === 'supplementNotice' ? clerkSet(notice.on, notice.dueOn) : null;

  // Project rule 18: only what happened after the last restart counts for the answer.
  let restartIndex = -1;
  ledger.forEach((e, i) => {
    if (e.kind === 'supplementRestart') restartIndex = i;
  });
  const restart = restartIndex >= 0 ? ledger[restartIndex] : undefined;
  const trigger = restart ? restart.on : start.on;
  const triggerLabel = restart ? '收到补正材料' : '收到申请';
  const discarded = ledger
    .slice(0, Math.max(restartIndex, 0))
    .filter((e) => ['consultationPause', 'feePause', 'extension', 'art35Delay'].includes(e.kind))
    .map((e) => `${formatLocalDateZh(e.on)}${describeEntry(e)}（补正后重新计算，不再计入）`);

  const consultationDeadlines: Deadline[] = [];
  const pauses: Pause[] = [];
  const openConsultations: {
    index: number;
    on: LocalDate;
    party: ConsultationParty;
    due: WorkingDayCount;
  }[] = [];
  let feeDeadline: Deadline | null = null;
  let feeMissingYears: readonly number[] = [];
  let openFee: { index: number; on: LocalDate; due: WorkingDayCount } | null = null;
  let extensionWorkingDays = 0;
  let art35: LocalDate | null = null;

  for (const [index, entry] of ledger.entries()) {
    const counts = index > restartIndex;
    switch (entry.kind) {
      case 'consultationPause': {
        const due = calendar.addWorkingDays(entry.on, CONSULTATION_WORKING_DAYS);
        consultationDeadlines.push(computed('consultationReply', due, '送达征求意见函'));
        missingYears.push(...due.missingYears);
        if (counts) openConsultations.push({ index, on: entry.on, party: entry.party, due });
        break;
      }
      case 'consultationResume': {
        const open = openConsultations.shift();
        if (!open) break;
        // Project rule 17: silence ends the pause with the 15th WD, whenever the expiry is recorded.
        const until =
          entry.reason === 'expired' ? minLocalDate(entry.on, open.due.dueOn) : entry.on;
        pauses.push(pause(calendar, 'consultation', open.on, until, false, open.index, open.party));
        break;
      }
      case 'feePause': {
        const due = calendar.addWorkingDays(entry.on, FEE_PAYMENT_WORKING_DAYS);
        feeDeadline = computed('feePayment', due, '送达收费通知');
        feeMissingYears = due.missingYears;
        if (counts) openFee = { index, on: entry.on, due };
        break;
      }
      case 'feePayment': {
        if (openFee)
          pauses.push(pause(calendar, 'fee', openFee.on, entry.on, false, openFee.index));
        openFee = null;
        break;
      }
      case 'extension':
        if (counts) extensionWorkingDays += entry.workingDays;
        break;
      case 'art35Delay':
        if (counts) art35 = entry.delayedAnswerOn;
        break;
      default:
        break;
    }
  }
  for (const open of openConsultations) {
    pauses.push(
      pause(calendar, 'consultation', open.on, open.due.dueOn, true, open.index, open.party),
    );
  }
  if (openFee)
    pauses.push(pause(calendar, 'fee', openFee.on, openFee.due.dueOn, true, openFee.index));
  pauses.sort((a, b) => a.index - b.index);

  const { answer, answerMissingYears } = computeAnswer({
    calendar,
    trigger,
    triggerLabel,
    supplementPending: !!notice && (!restart || restartIndex < noticeIndex),
    pauses,
    extensionWorkingDays,
    art35,
    discarded,
  });

  const merged = completeness([...missingYears, ...feeMissingYears, ...answerMissingYears]);
  return {
    supplementNotice,
    supplement,
    consultations: consultationDeadlines,
    consultationReply: consultationDeadlines.at(-1) ?? null,
    feePayment: feeDeadline,
    answer,
    complete: merged.complete,
    warnings: merged.warnings,
  };
}

/**
 * Every deadline the case has, in the order of the procedure: the case page, the printed case
 * file and the CLI show the same list, so none of them can leave out 补正 or 缴费.
 */
export function deadlineList(deadlines: CaseDeadlines): Deadline[] {
  return [
    deadlines.supplementNotice,
    ...(deadlines.supplement ? [deadlines.supplement] : []),
    ...deadlines.consultations,
    ...(deadlines.feePayment ? [deadlines.feePayment] : []),
    deadlines.answer,
  ];
}

export function deadlineSummary(deadlines: CaseDeadlines): DeadlineSummary {
  return {
    supplementNoticeDueOn: deadlines.supplementNotice.dueOn,
    supplementDueOn: deadlines.supplement?.dueOn ?? null,
    consultationReplyDueOn: deadlines.consultationReply?.dueOn ?? null,
    feePaymentDueOn: deadlines.feePayment?.dueOn ?? null,
    answerDueOn: deadlines.answer.dueOn,
    answerDueProvisional: deadlines.answer.provisional,
    complete: deadlines.complete,
    warnings: deadlines.warnings,
  };
}

function pause(
  calendar: WorkingDayCalendar,
  kind: 'consultation' | 'fee',
  servedOn: LocalDate,
  until: LocalDate,
  open: boolean,
  index: number,
  party?: ConsultationParty,
): Pause {
  return {
    kind,
    ...(party ? { party } : {}),
    servedOn,
    until,
    open,
    workingDays: calendar.workingDaysBetween(servedOn, until).count,
    index,
  };
}

function finish(
  kind: DeadlineKind,
  dueOn: LocalDate | null,
  provisional: boolean,
  missingYears: readonly number[],
  derivation: DeadlineDerivation,
  extraWarnings: readonly string[] = [],
): Deadline {
  const c = completeness(missingYears);
  const label = DEADLINE_LABELS[kind];
  const warnings = [...c.warnings, ...extraWarnings];
  return {
    kind,
    label: label.zh,
    labelEn: label.en,
    basis: label.basis,
    dueOn,
    provisional,
    complete: c.complete,
    warnings,
    derivation,
    explanation: explainDeadline({ kind, dueOn, provisional, warnings, derivation }, 'zh'),
  };
}

function computed(kind: DeadlineKind, count: WorkingDayCount, triggerLabel: string): Deadline {
  return finish(kind, count.dueOn, false, count.missingYears, {
    source: 'computed',
    trigger: count.trigger,
    triggerLabel,
    workingDays: count.workingDays,
    dayOne: count.dayOne,
    skipped: count.skipped,
    makeupWorkdays: count.makeupWorkdays,
    pauses: [],
    pausedWorkingDays: 0,
    extensionWorkingDays: 0,
    art35DelayedOn: null,
    countedDueOn: count.dueOn,
    discarded: [],
  });
}

function clerkSet(noticeOn: LocalDate, dueOn: LocalDate): Deadline {
  return finish('supplement', dueOn, false, [], {
    source: 'set_by_clerk',
    trigger: noticeOn,
    triggerLabel: '送达补正通知',
    workingDays: 0,
    dayOne: null,
    skipped: [],
    makeupWorkdays: [],
    pauses: [],
    pausedWorkingDays: 0,
    extensionWorkingDays: 0,
    art35DelayedOn: null,
    countedDueOn: null,
    discarded: [],
  });
}

function computeAnswer(input: {
  calendar: WorkingDayCalendar;
  trigger: LocalDate;
  triggerLabel: string;
  supplementPending: boolean;
  pauses: readonly Pause[];
  extensionWorkingDays: number;
  art35: LocalDate | null;
  discarded: readonly string[];
}): { answer: Deadline; answerMissingYears: readonly number[] } {
  const { calendar, trigger, triggerLabel, pauses, extensionWorkingDays, art35, discarded } = input;
  const spans: PauseSpan[] = pauses.map(({ index: _index, ...span }) => span);
  if (input.supplementPending) {
    // Art. 30: the period runs afresh from receipt of the supplement; until then it does not run.
    const answer = finish('answer', null, false, [], {
      trigger,
      triggerLabel,
      workingDays: ANSWER_WORKING_DAYS,
      pauses: spans,
      extensionWorkingDays,
      art35DelayedOn: art35,
      discarded,
      source: 'computed',
      dayOne: null,
      skipped: [],
      makeupWorkdays: [],
      pausedWorkingDays: 0,
      countedDueOn: null,
    });
    return { answer, answerMissingYears: [] };
  }
  // Art. 33 para. 3, Project rule 17: working days strictly after the service day, up to and
  // including the reply or payment day, are not counted.
  const pausedBy = (date: LocalDate): string | null => {
    for (const p of pauses) {
      if (date > p.servedOn && date <= p.until) return p.kind === 'fee' ? '缴费' : '征求意见';
    }
    return null;
  };
  const count = calendar.addWorkingDays(trigger, ANSWER_WORKING_DAYS + extensionWorkingDays, {
    pausedBy,
  });
  const pausedWorkingDays = count.skipped.filter((s) => s.reason === 'paused').length;
  const provisional = pauses.some((p) => p.open);
  // Written out, not spread from a shared base: built on every ledger change, and the spread
  // cost a tenth of the derivation.
  const derivation: DeadlineDerivation = {
    trigger,
    triggerLabel,
    workingDays: ANSWER_WORKING_DAYS,
    pauses: spans,
    extensionWorkingDays,
    art35DelayedOn: art35,
    discarded,
    source: art35 ? 'art35' : 'computed',
    dayOne: count.dayOne,
    skipped: count.skipped,
    makeupWorkdays: count.makeupWorkdays,
    pausedWorkingDays,
    countedDueOn: count.dueOn,
  };
  // Art. 35: the notified delayed date replaces the Art. 33 period.
  const answer = art35
    ? finish('answer', art35, false, count.missingYears, derivation)
    : finish('answer', count.dueOn, provisional, count.missingYears, derivation);
  return { answer, answerMissingYears: count.missingYears };
}

function describeEntry(entry: ClockEntry): string {
  switch (entry.kind) {
    case 'consultationPause':
      return '送达征求意见函';
    case 'feePause':
      return '送达收费通知';
    case 'extension':
      return `批准延长${entry.workingDays}个工作日`;
    case 'art35Delay':
      return `确定延迟答复日期${formatLocalDateZh(entry.delayedAnswerOn)}`;
    default:
      return entry.kind;
  }
}

/** How a derivation reads in one language; the derivation itself is the same for both. */
interface DerivationPhrases {
  readonly date: (d: LocalDate) => string;
  readonly head: (label: string, basis: string) => string;
  readonly skip: Record<SkippedDay['reason'], string>;
  /** What paused the count (`pausedBy` names it in Chinese). */
  readonly pausedBy: (name: string) => string;
  readonly trigger: (zh: string) => string;
  readonly range: (from: string, to: string) => string;
  readonly setByClerk: (head: string, trigger: string, dueOn: string) => string;
  readonly notRunning: (head: string, workingDays: number) => string;
  readonly counted: (
    head: string,
    trigger: string,
    triggerLabel: string,
    dayOne: string,
    total: number,
    workingDays: number,
    extension: number,
    end: string,
  ) => string;
  readonly skipped: (ranges: readonly string[]) => string;
  readonly makeup: (dates: readonly string[]) => string;
  readonly pauseWhat: (p: PauseSpan) => string;
  readonly pause: (
    what: string,
    servedOn: string,
    until: string,
    open: boolean,
    n: number,
  ) => string;
  readonly paused: (n: number) => string;
  readonly discarded: (text: string) => string;
  readonly art35: (date: string) => string;
  readonly provisional: string;
}

const ZH: DerivationPhrases = {
  date: formatLocalDateZh,
  head: (label, basis) => `${label}（${basis}）`,
  skip: { weekend: '周末', holiday: '法定节假日', paused: '暂停计算' },
  pausedBy: (name) => name,
  trigger: (zh) => zh,
  range: (from, to) => `${from}至${to}`,
  setByClerk: (head, trigger, dueOn) =>
    `${head}：由经办人在${trigger}送达的补正通知中确定，为${dueOn}。`,
  notRunning: (head, wd) => `${head}：补正期间不计算；自收到补正材料之日起重新计算${wd}个工作日。`,
  counted: (head, trigger, triggerLabel, dayOne, total, wd, ext, end) =>
    `${head}：自${trigger}（${triggerLabel}）的次日起算，第1日为${dayOne}，计${total}个工作日${ext > 0 ? `（${wd}个工作日加延长${ext}个工作日）` : ''}，至${end}。`,
  skipped: (ranges) => `不计入：${ranges.join('；')}。`,
  makeup: (dates) => `计入调休上班日：${dates.join('、')}。`,
  pauseWhat: (p) =>
    p.kind === 'fee'
      ? '收费通知'
      : p.party === 'other_agency'
        ? '征求其他机关意见'
        : '征求第三方意见',
  pause: (what, servedOn, until, open, n) =>
    `暂停：${what}，${servedOn}送达，次日起至${until}${open ? '（尚未结束，按最长期限计）' : ''}，共${n}个工作日不计算在答复期限内。`,
  paused: (n) => `答复期限因暂停顺延${n}个工作日。`,
  discarded: (text) => `已不计入：${text}。`,
  art35: (date) => `依第三十五条确定的延迟答复日期为${date}，以此为答复期限。`,
  provisional: '暂停尚未结束，此日期为暂定。',
};

const TRIGGER_EN = new Map<string, string>(
  Object.values(CLOCK_ENTRY_LABELS).map((l) => [l.zh, l.en.toLowerCase()]),
);
const PAUSED_BY_EN: Readonly<Record<string, string>> = { 缴费: 'fee', 征求意见: 'consultation' };

/** The same derivation for the English desk (holiday names stay as the State Council names them). */
const EN: DerivationPhrases = {
  date: (d) => d,
  head: (label, basis) => `${label} (${basis})`,
  skip: { weekend: 'weekend', holiday: 'public holiday', paused: 'paused' },
  pausedBy: (name) => PAUSED_BY_EN[name] ?? name,
  trigger: (zh) => TRIGGER_EN.get(zh) ?? zh,
  range: (from, to) => `${from} to ${to}`,
  setByClerk: (head, trigger, dueOn) =>
    `${head}: set by the clerk in the supplement notice served on ${trigger}: ${dueOn}.`,
  notRunning: (head, wd) =>
    `${head}: not counted while the supplement is awaited; ${wd} working days count afresh from receipt of the supplement.`,
  counted: (head, trigger, triggerLabel, dayOne, total, wd, ext, end) =>
    `${head}: counted from the day after ${trigger} (${triggerLabel}); day 1 is ${dayOne}; ${total} working days${ext > 0 ? ` (${wd} working days plus an extension of ${ext})` : ''}, ending ${end}.`,
  skipped: (ranges) => `Not counted: ${ranges.join('; ')}.`,
  makeup: (dates) => `Make-up working days counted: ${dates.join(', ')}.`,
  pauseWhat: (p) =>
    p.kind === 'fee'
      ? 'fee notice'
      : p.party === 'other_agency'
        ? 'consultation of another agency'
        : 'consultation of a third party',
  pause: (what, servedOn, until, open, n) =>
    `Paused: ${what} served on ${servedOn}, from the next day to ${until}${open ? ' (still running, counted at its longest)' : ''}: ${n} working days not counted in the answer period.`,
  paused: (n) => `The answer deadline moves ${n} working days later for the pauses.`,
  discarded: (text) => `No longer counted: ${text}.`,
  art35: (date) =>
    `The delayed answer date set under Art. 35 is ${date}; it is the answer deadline.`,
  provisional: 'A pause is still running: this date is provisional.',
};

/** Consecutive skipped days with the same reason and name, as one range. */
function groupSkipped(skipped: readonly SkippedDay[], w: DerivationPhrases): string[] {
  const groups: {
    from: LocalDate;
    to: LocalDate;
    toDay: number;
    reason: SkippedDay['reason'];
    name?: string;
  }[] = [];
  for (const day of skipped) {
    const last = groups.at(-1);
    const epochDay = toEpochDay(day.date);
    if (
      last &&
      last.reason === day.reason &&
      last.name === day.name &&
      last.toDay + 1 === epochDay
    ) {
      last.to = day.date;
      last.toDay = epochDay;
    } else {
      groups.push({
        from: day.date,
        to: day.date,
        toDay: epochDay,
        reason: day.reason,
        ...(day.name ? { name: day.name } : {}),
      });
    }
  }
  return groups.map((g) => {
    const range = g.from === g.to ? w.date(g.from) : w.range(w.date(g.from), w.date(g.to));
    const name = g.name && g.reason === 'paused' ? w.pausedBy(g.name) : g.name;
    const why =
      name && (g.reason === 'holiday' || g.reason === 'paused')
        ? w.head(w.skip[g.reason], name)
        : w.skip[g.reason];
    return `${range} ${why}`;
  });
}

/** What `explainDeadline` reads: the deadline's kind, date and derivation, as the API sends them. */
export type ExplainedDeadline = Pick<
  Deadline,
  'kind' | 'dueOn' | 'provisional' | 'warnings' | 'derivation'
>;

/**
 * The derivation of a deadline, one sentence a line: in Chinese (a deadline's `explanation`) or
 * in English for the English desk. Only words differ; the facts are the derivation's. Warnings
 * and the texts of discarded ledger facts are the engine's Chinese in both.
 */
export function explainDeadline(deadline: ExplainedDeadline, language: 'zh' | 'en'): string[] {
  const w = language === 'en' ? EN : ZH;
  const label = DEADLINE_LABELS[deadline.kind];
  const { dueOn, provisional, warnings, derivation: d } = deadline;
  const lines: string[] = [];
  const head = language === 'en' ? w.head(label.en, label.basisEn) : w.head(label.zh, label.basis);
  if (d.source === 'set_by_clerk') {
    lines.push(w.setByClerk(head, w.date(d.trigger), dueOn ? w.date(dueOn) : '—'));
    return lines;
  }
  if (dueOn === null) {
    lines.push(w.notRunning(head, d.workingDays));
    return lines;
  }
  lines.push(
    w.counted(
      head,
      w.date(d.trigger),
      w.trigger(d.triggerLabel),
      d.dayOne ? w.date(d.dayOne) : '—',
      d.workingDays + d.extensionWorkingDays,
      d.workingDays,
      d.extensionWorkingDays,
      w.date(d.countedDueOn ?? dueOn),
    ),
  );
  const skipped = groupSkipped(d.skipped, w);
  if (skipped.length > 0) lines.push(w.skipped(skipped));
  if (d.makeupWorkdays.length > 0) lines.push(w.makeup(d.makeupWorkdays.map(w.date)));
  for (const p of d.pauses) {
    lines.push(w.pause(w.pauseWhat(p), w.date(p.servedOn), w.date(p.until), p.open, p.workingDays));
  }
  if (d.pausedWorkingDays > 0) lines.push(w.paused(d.pausedWorkingDays));
  for (const text of d.discarded) lines.push(w.discarded(text));
  if (d.source === 'art35' && d.art35DelayedOn) lines.push(w.art35(w.date(d.art35DelayedOn)));
  if (provisional) lines.push(w.provisional);
  lines.push(...warnings);
  return lines;
}
