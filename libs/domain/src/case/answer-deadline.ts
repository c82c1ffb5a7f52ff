import { type WorkingDayCalendar } from '../calendar';
import { addDays, type LocalDate } from '../dates';

/**
 * What the answer-deadline rules need to know about a case: columns of `cases` (or a view of
 * one), no snapshot, so the API, the worker's alerts and the desk ask the same question.
 */
export interface AnswerFacts {
  readonly closed: boolean;
  /** The `state` column: an open state, or a closed one (`awaitingService`, `served`, `ended`). */
  readonly state: string;
  readonly servedOn?: LocalDate | null;
  readonly answerDueOn: LocalDate | null;
}

/**
 * The one closed state in which the answer is still owed: the decision is approved but not yet
 * served, and whether the answer is on time depends on the 送达 date (Project rule 2).
 */
export const ANSWER_OWED_CLOSED_STATE = 'awaitingService';

/**
 * "Due soon" (答复期限将至): at most this many working days left before the answer deadline,
 * counted strictly after today (0 = due today). One figure for the daily alerts (预警), the
 * desk's filter and its label; three working days leave a leader time to sign a decision.
 */
export const DUE_SOON_WORKING_DAYS = 3;

/**
 * The answer is owed while the case is open, and after the decision until it is served: the
 * statutory answer is the served document (Project rule 2, 国办公开办函〔2016〕235号). A case ended
 * without an answer (withdrawn, 逾期未补正, 逾期未缴费) owes none.
 */
export function answerOwed(c: Pick<AnswerFacts, 'closed' | 'state' | 'servedOn'>): boolean {
  return !c.closed || (c.state === ANSWER_OWED_CLOSED_STATE && (c.servedOn ?? null) === null);
}

/** Art. 33: the answer is owed and its deadline has passed (the deadline day itself is in time). */
export function isOverdue(c: AnswerFacts, today: LocalDate): boolean {
  return answerOwed(c) && c.answerDueOn !== null && c.answerDueOn < today;
}

/**
 * The answer deadlines that are "due soon" on `today`: from today up to `until`, inclusive — the
 * last day with at most DUE_SOON_WORKING_DAYS working days after today (for a query on the
 * `answer_due_on` column; `isDueSoon` is the same test for one case).
 */
export function dueSoonWindow(
  today: LocalDate,
  calendar: WorkingDayCalendar,
): { readonly from: LocalDate; readonly until: LocalDate } {
  const next = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1).dueOn;
  return { from: today, until: addDays(next, -1) };
}

/** The answer is owed, not yet overdue, and at most DUE_SOON_WORKING_DAYS working days away. */
export function isDueSoon(c: AnswerFacts, today: LocalDate, calendar: WorkingDayCalendar): boolean {
  const due = c.answerDueOn;
  if (!answerOwed(c) || due === null || due < today) return false;
  return calendar.workingDaysBetween(today, due).count <= DUE_SOON_WORKING_DAYS;
}

/** The answers of a period, by how they stand against their deadline. */
export interface TimelinessCounts {
  /** Served in the period (送达). */
  readonly served: number;
  /** Of those, served after the answer deadline (the `answeredLate` flag). */
  readonly late: number;
  /** Owed and past the deadline, not yet served (`isOverdue`). */
  readonly overdue: number;
}

/**
 * 按时答复率 in percent, one decimal: answers served on time over every answer that fell due —
 * served ones and overdue ones still owed. An overdue case is already a late answer, so ten of
 * them can never sit beside 100%. Null when no answer fell due (nothing to rate).
 */
export function onTimeRate(counts: TimelinessCounts): number | null {
  const due = counts.served + counts.overdue;
  if (due === 0) return null;
  return Math.round(((counts.served - counts.late) / due) * 1000) / 10;
}
