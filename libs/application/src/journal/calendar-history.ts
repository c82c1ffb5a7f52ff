import { WorkingDayCalendar, type CalendarArrangement } from '@gongkai/domain';
import type { CalendarAt } from './journal-replay';
import type { JournalReader } from './verify-agency';

/** A year loaded into `calendar_years`, and when. */
export interface LoadedCalendarYear {
  readonly arrangement: CalendarArrangement;
  readonly loaded_at: Date;
}

export async function readCalendarYears(db: JournalReader): Promise<LoadedCalendarYear[]> {
  return (await db.query(
    `SELECT arrangement, date_trunc('milliseconds', loaded_at) AS loaded_at
       FROM calendar_years ORDER BY loaded_at, year`,
  )) as LoadedCalendarYear[];
}

/**
 * The calendars the live path ran on over time: the chinese-days years plus the years loaded
 * before each moment. One calendar per moment a year was loaded, built once.
 */
export function calendarHistory(years: readonly LoadedCalendarYear[]): CalendarAt {
  const times = years.map((r) => r.loaded_at.getTime());
  const built = new Map<number, WorkingDayCalendar>();
  return (recordedAt) => {
    const t = recordedAt.getTime();
    let n = 0;
    while (n < times.length && times[n] <= t) n++;
    let calendar = built.get(n);
    if (!calendar) {
      calendar = WorkingDayCalendar.withDefaults(years.slice(0, n).map((r) => r.arrangement));
      built.set(n, calendar);
    }
    return calendar;
  };
}
