import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import { addDays } from '../dates';
import { CHINESE_DAYS_ARRANGEMENTS } from './chinese-days-arrangements';
import { validateArrangement, type CalendarArrangement } from './calendar-arrangement';
import { defaultWorkingDayCalendar, WorkingDayCalendar } from './working-day-calendar';

const calendar = defaultWorkingDayCalendar();

describe('chinese-days arrangements', () => {
  it('cover 2019 (the revised regulation) through 2026 as plain data', () => {
    const years = CHINESE_DAYS_ARRANGEMENTS.map((a) => a.year);
    for (let y = 2019; y <= 2026; y++) expect(years).toContain(y);
    const y2025 = CHINESE_DAYS_ARRANGEMENTS.find((a) => a.year === 2025);
    // 国办发明电〔2024〕12号
    expect(y2025?.makeupWorkdays).toEqual([
      '2025-01-26',
      '2025-02-08',
      '2025-04-27',
      '2025-09-28',
      '2025-10-11',
    ]);
    expect(y2025?.holidays).toContain('2025-01-28');
    expect(y2025?.holidays).toContain('2025-10-08');
    expect(y2025?.names?.['2025-01-28']).toBe('春节');
  });

  it('are all valid arrangements', () => {
    for (const a of CHINESE_DAYS_ARRANGEMENTS) expect(validateArrangement(a)).toEqual([]);
  });

  it('agree with the package itself, day by day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 * 366 }), (offset) => {
        const date = addDays('2019-01-01', offset);
        if (date > '2026-12-31') return;
        expect(calendar.isWorkingDay(date)).toBe(isWorkday(date));
      }),
      { numRuns: 400 },
    );
  });
});

describe('WorkingDayCalendar', () => {
  it.each([
    ['2025-01-26', true, 'makeup_workday'],
    ['2025-01-28', false, 'holiday'],
    ['2025-01-25', false, 'weekend'],
    ['2025-01-27', true, 'workday'],
    ['2025-10-11', true, 'makeup_workday'],
    ['2024-02-18', true, 'makeup_workday'],
    ['2026-02-14', true, 'makeup_workday'],
    ['2026-09-25', false, 'holiday'],
  ])('%s is working=%s (%s)', (date, working, kind) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.dayInfo(date).kind).toBe(kind);
  });

  // Worked examples of regulation.md §6, and 春节/国庆 with 调休 in 2024 and 2026
  // (dates checked against the chinese-days data above).
  it.each([
    ['2025-01-24', 7, '2025-02-10'],
    ['2025-01-24', 20, '2025-02-27'],
    ['2025-09-26', 20, '2025-10-30'],
    ['2025-10-30', 20, '2025-11-27'],
    ['2024-02-02', 7, '2024-02-18'],
    ['2024-02-02', 20, '2024-03-06'],
    ['2024-09-27', 7, '2024-10-12'],
    ['2024-09-27', 20, '2024-10-30'],
    ['2026-02-13', 7, '2026-03-02'],
    ['2026-02-13', 20, '2026-03-19'],
    ['2026-09-18', 7, '2026-09-29'],
    ['2026-09-18', 20, '2026-10-22'],
  ])('%s + %i WD = %s', (trigger, n, due) => {
    const result = calendar.addWorkingDays(trigger, n);
    expect(result.dueOn).toBe(due);
    expect(result.complete).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('explains the count: day 1, skipped days with reasons, make-up days counted', () => {
    const result = calendar.addWorkingDays('2025-01-24', 7);
    expect(result.dayOne).toBe('2025-01-26');
    expect(result.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08']);
    expect(result.skipped).toContainEqual({ date: '2025-01-25', reason: 'weekend' });
    expect(result.skipped).toContainEqual({ date: '2025-01-28', reason: 'holiday', name: '春节' });
    expect(result.skipped.filter((s) => s.reason === 'holiday')).toHaveLength(8);
  });

  it('keeps a rest-day trigger and counts from the next working day (Project rule 13)', () => {
    // Saturday 2025-03-01: day 1 is Monday 2025-03-03.
    const result = calendar.addWorkingDays('2025-03-01', 1);
    expect(result.dayOne).toBe('2025-03-03');
    expect(result.dueOn).toBe('2025-03-03');
    expect(calendar.addWorkingDays('2025-03-01', 20).dueOn).toBe(
      calendar.addWorkingDays('2025-02-28', 20).dueOn,
    );
  });

  it('adds 0 working days as the trigger itself', () => {
    expect(calendar.addWorkingDays('2025-01-25', 0).dueOn).toBe('2025-01-25');
  });

  it('counts working days strictly after the first date up to and including the second', () => {
    expect(calendar.workingDaysBetween('2025-01-24', '2025-02-10').count).toBe(7);
    expect(calendar.workingDaysBetween('2025-02-10', '2025-01-24').count).toBe(0);
    expect(calendar.workingDaysBetween('2025-01-27', '2025-02-04').count).toBe(0);
  });

  it('flags a computation reaching into a year without arrangement, naming the year', () => {
    const result = calendar.addWorkingDays('2026-12-20', 20);
    expect(result.complete).toBe(false);
    expect(result.missingYears).toEqual([2027]);
    expect(result.warnings[0]).toContain('2027年');
    expect(calendar.workingDaysBetween('2026-12-30', '2027-01-05').complete).toBe(false);
  });

  it('takes later years as data, replacing nothing silently', () => {
    const y2027: CalendarArrangement = {
      year: 2027,
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
      makeupWorkdays: [],
      source: 'test data',
    };
    const extended = calendar.withArrangements([y2027]);
    const result = extended.addWorkingDays('2026-12-20', 20);
    expect(result.complete).toBe(true);
    expect(extended.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.hasYear(2027)).toBe(false);
  });

  it('refuses an invalid arrangement', () => {
    expect(
      () =>
        new WorkingDayCalendar([
          { year: 2027, holidays: ['2026-12-31'], makeupWorkdays: ['2027-01-04'], source: 'x' },
        ]),
    ).toThrow('2027年节假日安排有误');
  });

  it('never counts fewer days than asked, and the due date is a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 365 }), fc.integer({ min: 1, max: 40 }), (o, n) => {
        const trigger = addDays('2019-06-01', o);
        const result = calendar.addWorkingDays(trigger, n);
        expect(calendar.isWorkingDay(result.dueOn)).toBe(true);
        expect(calendar.workingDaysBetween(trigger, result.dueOn).count).toBe(n);
      }),
      { numRuns: 150 },
    );
  });
});
