import { type WorkingDayCalendar } from '../calendar';
import { computeDeadlines, type CaseDeadlines, type ClockEntry } from '../clock';

type Memo = Map<readonly ClockEntry[], { calendar: WorkingDayCalendar; deadlines: CaseDeadlines }>;

let active: Memo | null = null;

/**
 * The deadlines of a ledger, as `computeDeadlines`. While `withDeadlineMemo` runs (one event being
 * applied, synchronously), the same ledger on the same calendar is derived once: a rule, the
 * recording of the event and the result each ask for it. Keyed by the ledger array, which is never
 * mutated (an event that changes the clock builds a new one); nothing outlives the call.
 */
export function deadlinesOf(
  ledger: readonly ClockEntry[],
  calendar: WorkingDayCalendar,
): CaseDeadlines {
  if (!active) return computeDeadlines(ledger, calendar);
  const hit = active.get(ledger);
  if (hit && hit.calendar === calendar) return hit.deadlines;
  const deadlines = computeDeadlines(ledger, calendar);
  active.set(ledger, { calendar, deadlines });
  return deadlines;
}

/** Runs `work` with `deadlinesOf` memoised; nested calls share the outer memo. */
export function withDeadlineMemo<T>(work: () => T): T {
  if (active) return work();
  active = new Map();
  try {
    return work();
  } finally {
    active = null;
  }
}
