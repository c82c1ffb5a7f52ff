import fc from 'fast-check';
import { addDays } from '../dates';
import { isSupportedDate, SUPPORTED_DATES } from './supported-dates';
import { WorkingDayCalendar } from './working-day-calendar';

describe('the supported date range', () => {
  it.each([
    ['1900-01-01', false],
    ['2008-04-30', false],
    ['2008-05-01', true],
    ['2026-03-02', true],
    ['2099-12-31', true],
    ['2100-01-01', false],
    ['2026-02-30', false],
  ])('%s supported: %s', (date, supported) => {
    expect(isSupportedDate(date)).toBe(supported);
  });

  it('lets the calendar compute between any two supported dates', () => {
    const calendar = WorkingDayCalendar.withDefaults();
    const span = calendar.workingDaysBetween(SUPPORTED_DATES.from, SUPPORTED_DATES.to);
    expect(span.count).toBeGreaterThan(20_000);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 33_000 }), fc.integer({ min: 0, max: 60 }), (d, n) => {
        const start = addDays(SUPPORTED_DATES.from, d);
        fc.pre(isSupportedDate(start));
        expect(() => calendar.addWorkingDays(start, n)).not.toThrow();
      }),
      { numRuns: 50 },
    );
  });
});
