import chineseDays from 'chinese-days/dist/chinese-days.json';
import { type LocalDate, yearOf } from '../dates';
import { type CalendarArrangement } from './calendar-arrangement';

export const CHINESE_DAYS_SOURCE =
  'chinese-days 1.5.7（据国务院办公厅历年《部分节假日安排的通知》整理）';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** 'Spring Festival,春节,4' → '春节' */
function chineseName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0] ?? '';
}

/**
 * The package's yearly data, extracted once at module load into plain arrays, so the calendar
 * stays data-driven: the package is just the first data source, and an administrator's
 * arrangement for the same year replaces it.
 */
function extract(data: ChineseDaysData): CalendarArrangement[] {
  const byYear = new Map<
    number,
    { holidays: LocalDate[]; makeupWorkdays: LocalDate[]; names: Record<LocalDate, string> }
  >();
  const entry = (date: LocalDate) => {
    const year = yearOf(date);
    let found = byYear.get(year);
    if (!found) {
      found = { holidays: [], makeupWorkdays: [], names: {} };
      byYear.set(year, found);
    }
    return found;
  };
  for (const [date, raw] of Object.entries(data.holidays)) {
    const e = entry(date);
    e.holidays.push(date);
    e.names[date] = chineseName(raw);
  }
  for (const [date, raw] of Object.entries(data.workdays)) {
    const e = entry(date);
    e.makeupWorkdays.push(date);
    e.names[date] = chineseName(raw);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({
      year,
      holidays: [...e.holidays].sort(),
      makeupWorkdays: [...e.makeupWorkdays].sort(),
      source: CHINESE_DAYS_SOURCE,
      names: e.names,
    }));
}

export const CHINESE_DAYS_ARRANGEMENTS: readonly CalendarArrangement[] = extract(
  chineseDays as ChineseDaysData,
);
