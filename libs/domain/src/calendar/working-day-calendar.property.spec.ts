import fc from 'fast-check';
import { addDays, isWeekend, yearOf, type LocalDate } from '../dates';
import { type CalendarArrangement } from './calendar-arrangement';
import { SUPPORTED_SPAN_DAYS } from './supported-dates';
import {
  completeness,
  defaultWorkingDayCalendar,
  WorkingDayCalendar,
  type AddWorkingDaysOptions,
  type SkippedDay,
  type WorkingDayCount,
  type WorkingDaySpan,
} from './working-day-calendar';

/*
 * The calendar counts by day numbers and binary search. These properties hold it to the plain
 * definition — walk day by day, ask dayInfo about each day — over random calendars (random
 * holidays on weekdays and weekends, make-up weekend days, years left unloaded), triggers, periods
 * and pauses. The reference is the counting the calendar did before it was made fast.
 */

const MAX_SPAN_DAYS = SUPPORTED_SPAN_DAYS + 366;

function referenceAddWorkingDays(
  calendar: WorkingDayCalendar,
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
    const info = calendar.dayInfo(date);
    if (info.assumed) missing.add(yearOf(date));
    if (!info.working) {
      skipped.push({
        date,
        reason: info.kind === 'holiday' ? 'holiday' : 'weekend',
        ...(info.name ? { name: info.name } : {}),
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

function referenceWorkingDaysBetween(
  calendar: WorkingDayCalendar,
  afterExclusive: LocalDate,
  untilInclusive: LocalDate,
): WorkingDaySpan {
  const missing = new Set<number>();
  let count = 0;
  let date = afterExclusive;
  for (let step = 0; date < untilInclusive; step++) {
    if (step > MAX_SPAN_DAYS) throw new RangeError('工作日计算超出范围');
    date = addDays(date, 1);
    const info = calendar.dayInfo(date);
    if (info.assumed) missing.add(yearOf(date));
    if (info.working) count++;
  }
  return { count, ...completeness(missing) };
}

const NAMES = ['春节', '国庆节', '劳动节', ''];

/** A valid arrangement for a year: some days off (any weekday), some weekend days made working. */
const arrangementOf = (year: number): fc.Arbitrary<CalendarArrangement> =>
  fc
    .record({
      days: fc.uniqueArray(fc.integer({ min: 0, max: 364 }), { maxLength: 40 }),
      makeupShare: fc.integer({ min: 0, max: 3 }),
      named: fc.boolean(),
      name: fc.constantFrom(...NAMES),
    })
    .map(({ days, makeupShare, named, name }) => {
      const holidays: LocalDate[] = [];
      const makeupWorkdays: LocalDate[] = [];
      const names: Record<LocalDate, string> = {};
      days.forEach((offset, i) => {
        const date = addDays(`${year}-01-01`, offset);
        if (yearOf(date) !== year) return;
        if (isWeekend(date) && i % 4 < makeupShare) makeupWorkdays.push(date);
        else holidays.push(date);
        if (named) names[date] = name;
      });
      return {
        year,
        holidays,
        makeupWorkdays,
        source: 'property test',
        ...(named ? { names } : {}),
      };
    });

/** Loaded years among 2020–2027 (the others judged Monday–Friday), with random contents. */
const calendarArb: fc.Arbitrary<WorkingDayCalendar> = fc
  .subarray([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027])
  .chain((years) => fc.tuple(...years.map(arrangementOf)))
  .map((arrangements) => new WorkingDayCalendar(arrangements));

const dateArb = (from: LocalDate, days: number): fc.Arbitrary<LocalDate> =>
  fc.integer({ min: 0, max: days }).map((offset) => addDays(from, offset));

const anyCalendar = fc.oneof(calendarArb, fc.constant(defaultWorkingDayCalendar()));

/** Pauses as the answer deadline builds them: service day excluded, last day included. */
const pausesArb = fc.array(
  fc.record({
    servedOn: dateArb('2019-10-01', 9 * 365),
    length: fc.integer({ min: 0, max: 40 }),
    label: fc.constantFrom('缴费', '征求意见'),
  }),
  { maxLength: 3 },
);

function pausedByOf(
  pauses: readonly { servedOn: LocalDate; length: number; label: string }[],
): (date: LocalDate) => string | null {
  return (date) => {
    for (const p of pauses) {
      if (date > p.servedOn && date <= addDays(p.servedOn, p.length)) return p.label;
    }
    return null;
  };
}

// Key order matters too: derivations are stored as JSON and compared as text by the audit.
const same = (actual: unknown, expected: unknown) =>
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));

describe('fast working-day arithmetic equals counting day by day', () => {
  it('addWorkingDays: due date, day 1, skipped days, make-up days and missing years', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        dateArb('2019-06-01', 9 * 365),
        fc.integer({ min: 0, max: 70 }),
        (calendar, trigger, n) => {
          same(calendar.addWorkingDays(trigger, n), referenceAddWorkingDays(calendar, trigger, n));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays with pauses asks pausedBy about the same days, in the same order', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        dateArb('2019-06-01', 9 * 365),
        fc.integer({ min: 0, max: 70 }),
        pausesArb,
        (calendar, trigger, n, pauses) => {
          const asked: LocalDate[] = [];
          const askedByReference: LocalDate[] = [];
          const pausedBy = pausedByOf(pauses);
          same(
            calendar.addWorkingDays(trigger, n, {
              pausedBy: (d) => (asked.push(d), pausedBy(d)),
            }),
            referenceAddWorkingDays(calendar, trigger, n, {
              pausedBy: (d) => (askedByReference.push(d), pausedBy(d)),
            }),
          );
          expect(asked).toEqual(askedByReference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween: count and missing years, either order of the dates', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        dateArb('2017-01-01', 13 * 365),
        fc.integer({ min: -800, max: 1500 }),
        (calendar, after, span) => {
          const until = addDays(after, span);
          same(
            calendar.workingDaysBetween(after, until),
            referenceWorkingDaysBetween(calendar, after, until),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('agree over the whole supported range and beyond it', () => {
    const calendar = defaultWorkingDayCalendar();
    fc.assert(
      fc.property(
        dateArb('1990-01-01', 120 * 365),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 400 }),
        (trigger, span, n) => {
          same(
            calendar.workingDaysBetween(trigger, addDays(trigger, span)),
            referenceWorkingDaysBetween(calendar, trigger, addDays(trigger, span)),
          );
          same(calendar.addWorkingDays(trigger, n), referenceAddWorkingDays(calendar, trigger, n));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuse the same absurd inputs with the same errors', () => {
    const calendar = defaultWorkingDayCalendar();
    const tooMany = MAX_SPAN_DAYS; // more working days than the bound has days
    expect(() => calendar.addWorkingDays('2025-01-01', tooMany)).toThrow('工作日计算超出范围');
    expect(() => referenceAddWorkingDays(calendar, '2025-01-01', tooMany)).toThrow(
      '工作日计算超出范围',
    );
    expect(() => calendar.addWorkingDays('2025-01-01', 1.5)).toThrow('工作日数必须是非负整数');
    expect(() => calendar.addWorkingDays('2025-01-01', -1)).toThrow('工作日数必须是非负整数');
    // Around the bound of addWorkingDays: everything paused up to a day near it, then one day.
    for (let k = MAX_SPAN_DAYS - 8; k <= MAX_SPAN_DAYS + 3; k++) {
      const end = addDays('2000-01-01', k);
      const options = { pausedBy: (d: LocalDate) => (d <= end ? '征求意见' : null) };
      const outcome = (run: () => WorkingDayCount) => {
        try {
          return JSON.stringify(run());
        } catch (error) {
          return String(error);
        }
      };
      expect(outcome(() => calendar.addWorkingDays('2000-01-01', 1, options))).toBe(
        outcome(() => referenceAddWorkingDays(calendar, '2000-01-01', 1, options)),
      );
    }
    // The span bound of workingDaysBetween lies exactly where the day-by-day walk stopped.
    for (const extra of [0, 1, 2, 3]) {
      const until = addDays('2000-01-01', MAX_SPAN_DAYS + extra);
      const fast = () => calendar.workingDaysBetween('2000-01-01', until);
      const slow = () => referenceWorkingDaysBetween(calendar, '2000-01-01', until);
      if (extra < 2) same(fast(), slow());
      else {
        expect(fast).toThrow('工作日计算超出范围');
        expect(slow).toThrow('工作日计算超出范围');
      }
    }
  });
});
