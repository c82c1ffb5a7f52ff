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

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01; the arithmetic base of every other helper. */
export function toEpochDay(date: LocalDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromEpochDay(epochDay: number): LocalDate {
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
export function formatLocalDateZh(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
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
