import type { EntityManager } from 'typeorm';
import { WorkingDayCalendar, type CalendarArrangement } from '@gongkai/domain';

/**
 * How long a process trusts its calendar before asking the table again. Loading a year is rare
 * (once a year, by an administrator); the process that loads it calls `invalidate()` and sees it
 * at once, the others within this time.
 */
export const CALENDAR_RECHECK_MS = 2_000;

/**
 * The working-day calendar: the chinese-days years, replaced by what administrators loaded into
 * `calendar_years` (Project rule 16). Rebuilt only when the table changes, checked by a cheap
 * count/max query at most every CALENDAR_RECHECK_MS, so several API and worker processes stay in
 * step without a message bus and a transition does not pay for the check.
 */
export class CalendarSource {
  private cached: { signature: string; calendar: WorkingDayCalendar; checkedAt: number } | null =
    null;

  constructor(private readonly now: () => number = Date.now) {}

  /** Forget the calendar: the next `get` reads the table (after this process loaded a year). */
  invalidate(): void {
    this.cached = null;
  }

  async get(manager: EntityManager): Promise<WorkingDayCalendar> {
    const now = this.now();
    if (this.cached && now - this.cached.checkedAt < CALENDAR_RECHECK_MS)
      return this.cached.calendar;
    const [row] = (await manager.query(
      `SELECT count(*)::int AS n, coalesce(max(loaded_at), 'epoch')::text AS at FROM calendar_years`,
    )) as { n: number; at: string }[];
    const signature = `${row.n}|${row.at}`;
    if (this.cached?.signature === signature) {
      this.cached.checkedAt = now;
      return this.cached.calendar;
    }
    const rows = (await manager.query('SELECT arrangement FROM calendar_years ORDER BY year')) as {
      arrangement: CalendarArrangement;
    }[];
    const calendar = WorkingDayCalendar.withDefaults(rows.map((r) => r.arrangement));
    this.cached = { signature, calendar, checkedAt: now };
    return calendar;
  }
}
