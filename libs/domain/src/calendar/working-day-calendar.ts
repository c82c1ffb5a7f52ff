import { addDays, isWeekend, yearOf, type LocalDate } from '../dates';
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
    const skipped: SkippedDay[] = [];
    const makeupWorkdays: LocalDate[] = [];
    const missing = new Set<number>();
    let dayOne: LocalDate | null = null;
    let date = trigger;
    let counted = 0;
    for (let step = 0; counted < workingDays; step++) {
      if (step > MAX_SPAN_DAYS) throw new RangeError('工作日计算超出范围');
      date = addDays(date, 1);
      const info = this.dayInfo(date);
      if (info.assumed) missing.add(yearOf(date));
      if (!info.working) {
        skipped.push({
          date,
          reason: info.kind === 'holiday' ? 'holiday' : 'weekend',
          ...name(info),
        });
        continue;
      }
      const pause = options.pausedBy?.(date) ?? null;
      if (pause !== null) {
        skipped.push({ date, reason: 'paused', name: pause });
        continue;
      }
      counted++;
      dayOne ??= date;
      if (info.kind === 'makeup_workday') makeupWorkdays.push(date);
    }
    return {
      trigger,
      workingDays,
      dueOn: date,
      dayOne,
      skipped,
      makeupWorkdays,
      ...completeness(missing),
    };
  }

  /** Working days d with afterExclusive < d ≤ untilInclusive (0 when until ≤ after). */
  workingDaysBetween(afterExclusive: LocalDate, untilInclusive: LocalDate): WorkingDaySpan {
    const missing = new Set<number>();
    let count = 0;
    let date = afterExclusive;
    for (let step = 0; date < untilInclusive; step++) {
      if (step > MAX_SPAN_DAYS) throw new RangeError('工作日计算超出范围');
      date = addDays(date, 1);
      const info = this.dayInfo(date);
      if (info.assumed) missing.add(yearOf(date));
      if (info.working) count++;
    }
    return { count, ...completeness(missing) };
  }
}

function name(info: DayInfo): { name?: string } {
  return info.name ? { name: info.name } : {};
}

export function completeness(missing: Iterable<number>): CalendarCompleteness {
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
