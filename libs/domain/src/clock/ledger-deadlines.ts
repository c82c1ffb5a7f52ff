import { type WorkingDayCalendar } from '../calendar';
import { type ClockEntry } from './clock-ledger';
import { computeDeadlines, type CaseDeadlines } from './deadlines';

const derived = new WeakMap<readonly ClockEntry[], WeakMap<WorkingDayCalendar, CaseDeadlines>>();

/**
 * `computeDeadlines`, derived once per ledger and calendar. Both are immutable values — an event
 * that moves the clock builds a new ledger array, a calendar change builds a new calendar — so
 * the deadlines are a property of the pair, like a lazily computed field: the same answer
 * whoever asks and whenever (no activation window, nothing shared between cases), and gone with
 * the ledger. The rules, the recording of an event and its result all ask for the deadlines of
 * the same ledger; the derivation (with its explanations) is the costly part of a transition.
 */
export function ledgerDeadlines(
  ledger: readonly ClockEntry[],
  calendar: WorkingDayCalendar,
): CaseDeadlines {
  let byCalendar = derived.get(ledger);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    derived.set(ledger, byCalendar);
  }
  let deadlines = byCalendar.get(calendar);
  if (!deadlines) {
    deadlines = computeDeadlines(ledger, calendar);
    byCalendar.set(calendar, deadlines);
  }
  return deadlines;
}
