import { fromEpochDay, isWeekend, toEpochDay, yearOf, type LocalDate } from '../dates/local-date';
import { type CalendarArrangement, validateArrangement } from './calendar-arrangement';
import { CHINESE_DAYS_ARRANGEMENTS } from './chinese-days-arrangements';
import { SUPPORTED_SPAN_DAYS } from './supported-dates';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  readonly date: LocalDate;
  readonly working: boolean;
  readonly kind: DayKind;
  /** Holiday name (春节 …) for holidays and make-up working days, when the data has one. */
  readonly name?: string;
  /** No arrangement for this year: the day was judged Monday–Friday only. */
  readonly assumed: boolean;
}

export type SkipReason = 'weekend' | 'holiday' | 'paused';

export interface SkippedDay {
  readonly date: LocalDate;
  readonly reason: SkipReason;
  /** Holiday name, or what paused the clock. */
  readonly name?: string;
}

export interface CalendarCompleteness {
  /** False when a year on the way had no arrangement (Project rule 16: flagged, never guessed). */
  readonly complete: boolean;
  readonly missingYears: readonly number[];
  readonly warnings: readonly string[];
}

export interface WorkingDayCount extends CalendarCompleteness {
  readonly trigger: LocalDate;
  readonly workingDays: number;
  readonly dueOn: LocalDate;
  /** The first counted working day (day 1 is strictly after the trigger: 民法典 Art. 201). */
  readonly dayOne: LocalDate | null;
  /** Days after the trigger, up to the due date, that were not counted, with the reason. */
  readonly skipped: readonly SkippedDay[];
  /** Weekend days counted because they were made working days (调休上班). */
  readonly makeupWorkdays: readonly LocalDate[];
}

export interface WorkingDaySpan extends CalendarCompleteness {
  readonly count: number;
}

export interface AddWorkingDaysOptions {
  /** A working day for which this returns a label is skipped as paused (Project rule 17). */
  readonly pausedBy?: (date: LocalDate) => string | null;
}

// Any two supported dates (a registration of 2008 still open today included) plus a year of
// statutory periods; beyond it the input is absurd and the loop must stop.
const MAX_SPAN_DAYS = SUPPORTED_SPAN_DAYS + 366;

export function missingYearWarning(year: number): string {
  return `${year}年节假日安排尚未载入，该年按周一至周五计算工作日，结果不完整，仅供参考；请管理员载入${year}年安排后重新计算`;
}

export class WorkingDayCalendar {
  private readonly byYear: ReadonlyMap<number, CalendarArrangement>;
  private readonly holidays = new Map<LocalDate, string | undefined>();
  private readonly makeup = new Map<LocalDate, string | undefined>();
  /*
   * The same days by day number, for the counting loops: a case event derives several deadlines,
   * each walking a month or more day by day, and every date string parsed and rebuilt on the way
   * was most of a transition's cost. The sorted arrays answer "how many in a span" by binary
   * search, so a count of working days between two dates does not walk at all.
   */
  private readonly special = new Map<number, SpecialDay>();
  private readonly weekdayHolidays: Int32Array;
  private readonly makeupDays: Int32Array;

  constructor(arrangements: readonly CalendarArrangement[]) {
    const byYear = new Map<number, CalendarArrangement>();
    for (const arrangement of arrangements) {
      const problems = validateArrangement(arrangement);
      if (problems.length > 0) {
        throw new RangeError(`${arrangement.year}年节假日安排有误：${problems.join('；')}`);
      }
      // A later arrangement for the same year replaces the earlier one (a correction).
      byYear.set(arrangement.year, arrangement);
    }
    this.byYear = byYear;
    for (const arrangement of byYear.values()) {
      for (const date of arrangement.holidays) this.holidays.set(date, arrangement.names?.[date]);
      for (const date of arrangement.makeupWorkdays)
        this.makeup.set(date, arrangement.names?.[date]);
    }
    const weekdayHolidays: number[] = [];
    for (const [date, name] of this.holidays) {
      const day = toEpochDay(date);
      this.special.set(day, { working: false, makeup: false, name });
      if (!isWeekendDay(day)) weekdayHolidays.push(day);
    }
    // A make-up working day wins over a holiday, as in dayInfo (validation keeps them apart).
    const makeupDays: number[] = [];
    for (const [date, name] of this.makeup) {
      const day = toEpochDay(date);
      this.special.set(day, { working: true, makeup: true, name });
      makeupDays.push(day);
    }
    this.weekdayHolidays = Int32Array.from(weekdayHolidays).sort();
    this.makeupDays = Int32Array.from(makeupDays).sort();
  }

  /** The calendar of the years chinese-days covers, plus (replacing) the given arrangements. */
  static withDefaults(extra: readonly CalendarArrangement[] = []): WorkingDayCalendar {
    return new WorkingDayCalendar([...CHINESE_DAYS_ARRANGEMENTS, ...extra]);
  }

  /** A new calendar with these arrangements added or replaced; this one is unchanged. */
  withArrangements(extra: readonly CalendarArrangement[]): WorkingDayCalendar {
    return new WorkingDayCalendar([...this.byYear.values(), ...extra]);
  }

  arrangements(): CalendarArrangement[] {
    return [...this.byYear.values()].sort((a, b) => a.year - b.year);
  }

  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.byYear.has(year);
  }

  dayInfo(date: LocalDate): DayInfo {
    const assumed = !this.byYear.has(yearOf(date));
    if (this.makeup.has(date)) {
      return { date, working: true, kind: 'makeup_workday', name: this.makeup.get(date), assumed };
    }
    if (this.holidays.has(date)) {
      return { date, working: false, kind: 'holiday', name: this.holidays.get(date), assumed };
    }
    if (isWeekend(date)) return { date, working: false, kind: 'weekend', assumed };
    return { date, working: true, kind: 'workday', assumed };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).working;
  }

  /**
   * The n-th working day after the trigger. Day 1 is the first working day strictly after the
   * trigger (民法典 Art. 201), so a trigger on a rest day keeps its date and the next working day
   * is day 1 (Project rule 13).
   */
  addWorkingDays(
    trigger: LocalDate,
    workingDays: number,
    options: AddWorkingDaysOptions = {},
  ): WorkingDayCount {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`工作日数必须是非负整数：${workingDays}`);
    }
    const { pausedBy } = options;
    const skipped: SkippedDay[] = [];
    const makeupWorkdays: LocalDate[] = [];
    const missing: number[] = [];
    let dayOne: LocalDate | null = null;
    let day = toEpochDay(trigger);
    let counted = 0;
    // The year is read from the date string only where it can change (a new year's day).
    let nextYearStart = -Infinity;
    for (let step = 0; counted < workingDays; step++) {
      if (step > MAX_SPAN_DAYS) throw new RangeError('工作日计算超出范围');
      day++;
      if (day >= nextYearStart) {
        const year = yearOf(fromEpochDay(day));
        if (!this.byYear.has(year) && !missing.includes(year)) missing.push(year);
        nextYearStart = toEpochDay(`${year + 1}-01-01`);
      }
      const special = this.special.get(day);
      if (special ? !special.working : isWeekendDay(day)) {
        const date = fromEpochDay(day);
        skipped.push(
          !special
            ? { date, reason: 'weekend' }
            : special.name
              ? { date, reason: 'holiday', name: special.name }
              : { date, reason: 'holiday' },
        );
        continue;
      }
      if (pausedBy || dayOne === null || special) {
        const date = fromEpochDay(day);
        const pause = pausedBy?.(date) ?? null;
        if (pause !== null) {
          skipped.push({ date, reason: 'paused', name: pause });
          continue;
        }
        dayOne ??= date;
        if (special) makeupWorkdays.push(date);
      }
      counted++;
    }
    return {
      trigger,
      workingDays,
      dueOn: counted === 0 ? trigger : fromEpochDay(day),
      dayOne,
      skipped,
      makeupWorkdays,
      ...completeness(missing),
    };
  }

  /** Working days d with afterExclusive < d ≤ untilInclusive (0 when until ≤ after). */
  workingDaysBetween(afterExclusive: LocalDate, untilInclusive: LocalDate): WorkingDaySpan {
    const after = toEpochDay(afterExclusive);
    const until = toEpochDay(untilInclusive);
    if (!(until > after)) return { count: 0, ...completeness([]) };
    // The bound of the day-by-day count this replaces: beyond it the input is absurd.
    if (until - after > MAX_SPAN_DAYS + 1) throw new RangeError('工作日计算超出范围');
    const count =
      weekdaysUpTo(until) -
      weekdaysUpTo(after) -
      (countUpTo(this.weekdayHolidays, until) - countUpTo(this.weekdayHolidays, after)) +
      (countUpTo(this.makeupDays, until) - countUpTo(this.makeupDays, after));
    const missing: number[] = [];
    const last = yearOf(fromEpochDay(until));
    for (let year = yearOf(fromEpochDay(after + 1)); year <= last; year++) {
      if (!this.byYear.has(year)) missing.push(year);
    }
    return { count, ...completeness(missing) };
  }
}

interface SpecialDay {
  readonly working: boolean;
  readonly makeup: boolean;
  readonly name: string | undefined;
}

// 1970-01-05 (day 4) was a Monday.
const MONDAY = 4;

function isWeekendDay(day: number): boolean {
  return (((day - MONDAY) % 7) + 7) % 7 >= 5;
}

/** Monday–Friday days from a fixed Monday up to `day`, offset by a constant; differences count. */
function weekdaysUpTo(day: number): number {
  const weeks = Math.floor((day - MONDAY) / 7);
  return weeks * 5 + Math.min(day - MONDAY - weeks * 7 + 1, 5);
}

/** How many of the sorted days are ≤ day. */
function countUpTo(days: Int32Array, day: number): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (days[mid] <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function completeness(missing: Iterable<number>): CalendarCompleteness {
  // Nearly every count stays inside loaded years.
  if (Array.isArray(missing) && missing.length === 0) {
    return { complete: true, missingYears: [], warnings: [] };
  }
  const missingYears = [...new Set(missing)].sort((a, b) => a - b);
  return {
    complete: missingYears.length === 0,
    missingYears,
    warnings: missingYears.map(missingYearWarning),
  };
}

let defaultCalendar: WorkingDayCalendar | undefined;

/** The calendar of the chinese-days data alone (built once; it is immutable). */
export function defaultWorkingDayCalendar(): WorkingDayCalendar {
  defaultCalendar ??= WorkingDayCalendar.withDefaults();
  return defaultCalendar;
}
