import fc from 'fast-check';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  formatLocalDateZh,
  fromEpochDay,
  isLocalDate,
  isoWeekday,
  localDateInShanghai,
  parseLocalDate,
  toEpochDay,
  yearOf,
} from './local-date';

// What the arithmetic in toEpochDay/fromEpochDay must agree with.
const viaDate = {
  toEpochDay: (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
  },
  fromEpochDay: (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10),
};

describe('local dates', () => {
  it.each([
    ['2025-01-24', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-01', false],
    ['2025-1-24', false],
    ['20250124', false],
    ['', false],
  ])('isLocalDate(%s) = %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('rejects bad input with a Chinese message', () => {
    expect(() => parseLocalDate('2025/01/24')).toThrow('日期格式不正确');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-24', '2025-02-27')).toBe(34);
  });

  it('knows weekdays (ISO, Monday = 1)', () => {
    expect(isoWeekday('2025-01-24')).toBe(5);
    expect(isoWeekday('2025-01-26')).toBe(7);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('compares and formats', () => {
    expect(compareLocalDates('2025-01-24', '2025-02-01')).toBe(-1);
    expect(compareLocalDates('2025-01-24', '2025-01-24')).toBe(0);
    expect(yearOf('2026-10-01')).toBe(2026);
    expect(formatLocalDateZh('2025-01-04')).toBe('2025年1月4日');
  });

  it('takes the Shanghai day of an instant', () => {
    expect(localDateInShanghai(new Date('2025-01-24T15:59:59Z'))).toBe('2025-01-24');
    expect(localDateInShanghai(new Date('2025-01-24T16:00:00Z'))).toBe('2025-01-25');
  });

  it('round-trips addDays/daysBetween', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40_000 }),
        fc.integer({ min: -400, max: 400 }),
        (base, n) => {
          const date = addDays('1990-01-01', base);
          expect(isLocalDate(date)).toBe(true);
          expect(daysBetween(date, addDays(date, n))).toBe(n);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('converts to and from day numbers exactly as Date does', () => {
    // Every day from 1800 to 2200, both ways (mismatches collected: one expect, not 300 000).
    const mismatches: string[] = [];
    const last = viaDate.toEpochDay('2200-12-31');
    for (let day = viaDate.toEpochDay('1800-01-01'); day <= last; day++) {
      const date = viaDate.fromEpochDay(day);
      if (fromEpochDay(day) !== date || toEpochDay(date) !== day) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
    // Out-of-range days and months, odd years and shapes: the same answer (NaN included).
    for (const odd of [
      '2025-02-30',
      '2025-02-00',
      '2024-12-99',
      '2025-13-01',
      '2025-00-10',
      '0050-03-01',
      '0999-12-31',
      '2025-1-24',
      '20250124',
      'garbage',
      '',
    ]) {
      expect(toEpochDay(odd)).toEqual(viaDate.toEpochDay(odd));
    }
    for (const day of [-800_000, -719_529, 2_933_000, 3_000_000, 12.5, -0.25]) {
      expect(fromEpochDay(day)).toBe(viaDate.fromEpochDay(day));
    }
    expect(formatLocalDateZh('2025-11-30')).toBe('2025年11月30日');
    expect(formatLocalDateZh('2025-1-4')).toBe('2025年1月4日');
  });
});
