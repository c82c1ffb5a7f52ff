/**
 * Legal dates are calendar days without a time of day: 'YYYY-MM-DD' strings. They compare
 * correctly as strings, serialise to JSON unchanged, and never shift with a server's time zone.
 */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
// Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Returns the date, or throws a RangeError with a message a clerk understands. */
export function parseLocalDate(value: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new RangeError(`日期格式不正确：“${value}”，应为 YYYY-MM-DD（例如 2025-01-24）`);
  }
  return value;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Every event's dates are validated: a table, not a Date, for the months there are.
  if (
    Number.isInteger(year) &&
    year >= 100 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12
  ) {
    if (month !== 2) return MONTH_DAYS[month - 1];
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The number written by `length` ASCII digits of `text` from `start`; NaN on anything else. */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/*
 * Deadlines count day by day, so the two conversions below run thousands of times per case
 * event: they use the proleptic Gregorian day-number arithmetic of Date.UTC (H. Hinnant's
 * days_from_civil / civil_from_days) on the digits instead of parsing strings and building Date
 * objects. Whatever is not YYYY-MM-DD with a year from 100 on and a month 1–12 (or, back, a year
 * outside 1000–9999) still goes through Date, so every result is the one Date gives.
 */

/** Days since 1970-01-01; the arithmetic base of every other helper. */
export function toEpochDay(date: LocalDate): number {
  const y = digitsAt(date, 0, 4);
  const m = digitsAt(date, 5, 2);
  const d = digitsAt(date, 8, 2);
  if (date.length === 10 && date[4] === '-' && date[7] === '-' && y >= 100 && m >= 1 && m <= 12) {
    // Date.UTC adds an out-of-range day (00, 31 February) linearly, and so does this.
    const year = m <= 2 ? y - 1 : y;
    const era = Math.floor(year / 400);
    const yearOfEra = year - era * 400;
    const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
    const dayOfEra =
      yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/*
 * The dates deadlines are counted in recur across cases (a month or two around each event), so
 * their strings are built once: a lazily filled table over 2000–2109 (every supported date and
 * its periods), 40,000 slots. A string from the table is the one the arithmetic below builds.
 */
const CACHED_FROM = 10_957; // 2000-01-01
const CACHED_DAYS = 40_177; // to 2109-12-31
const dateStrings: (LocalDate | undefined)[] = new Array<LocalDate | undefined>(CACHED_DAYS);

export function fromEpochDay(epochDay: number): LocalDate {
  const slot = epochDay - CACHED_FROM;
  if (slot >= 0 && slot < CACHED_DAYS && Number.isInteger(slot)) {
    return (dateStrings[slot] ??= civilFromEpochDay(epochDay));
  }
  return civilFromEpochDay(epochDay);
}

function civilFromEpochDay(epochDay: number): LocalDate {
  if (Number.isInteger(epochDay)) {
    const z = epochDay + 719_468;
    const era = Math.floor(z / 146_097);
    const dayOfEra = z - era * 146_097;
    const yearOfEra = Math.floor(
      (dayOfEra -
        Math.floor(dayOfEra / 1460) +
        Math.floor(dayOfEra / 36_524) -
        Math.floor(dayOfEra / 146_096)) /
        365,
    );
    const dayOfYear =
      dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
    const mp = Math.floor((5 * dayOfYear + 2) / 153);
    const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
    if (y >= 1000 && y <= 9999) {
      return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
    }
  }
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

export function minLocalDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (ISO 4).
  const day = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return (day + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

export function isWeekend(date: LocalDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

const WEEKDAY_LABELS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

export function weekdayLabel(date: LocalDate): string {
  return WEEKDAY_LABELS[isoWeekday(date)];
}

/** 2025-01-24 → 2025年1月24日 */
// Every deadline explanation formats a dozen dates, the same ones case after case: remembered,
// and forgotten wholesale past a bound no real workload reaches (the supported dates number 33,000).
const zhDates = new Map<LocalDate, string>();
const ZH_DATES_BOUND = 50_000;

export function formatLocalDateZh(date: LocalDate): string {
  let zh = zhDates.get(date);
  if (zh === undefined) {
    const [y, m, d] =
      date.length === 10 && date[4] === '-' && date[7] === '-'
        ? [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8))]
        : date.split('-').map(Number);
    zh = `${y}年${m}月${d}日`;
    if (zhDates.size >= ZH_DATES_BOUND) zhDates.clear();
    zhDates.set(date, zh);
  }
  return zh;
}

/**
 * The legal date of an instant at the agency: Art. 31 receipt days and Project rule 2 service days
 * are days in China, whatever the server's time zone. Pure: depends only on its argument.
 */
export function localDateInShanghai(instant: Date): LocalDate {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('无效的时间');
  return new Date(time + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
