import { isLocalDate, isWeekend, yearOf, type LocalDate } from '../dates';

/**
 * One year's State Council holiday arrangement (《国务院办公厅关于XXXX年部分节假日安排的通知》):
 * the days off and the weekend days made working days (调休上班). Project rule 16: data, one per
 * year, loaded or corrected by an administrator.
 */
export interface CalendarArrangement {
  readonly year: number;
  /** Every day off of the arrangement, weekend days inside a holiday period included. */
  readonly holidays: readonly LocalDate[];
  /** Weekend days that are working days (调休上班). */
  readonly makeupWorkdays: readonly LocalDate[];
  /** Where the data comes from, e.g. the notice number. */
  readonly source: string;
  /** Optional holiday names (春节, 国庆节 …) per date, for derivations. */
  readonly names?: Readonly<Record<LocalDate, string>>;
}

/** Problems with an arrangement, in Chinese; empty when it can be loaded. */
export function validateArrangement(arrangement: CalendarArrangement): string[] {
  const problems: string[] = [];
  const { year } = arrangement;
  if (!Number.isInteger(year) || year < 1949 || year > 2999) problems.push(`年份不正确：${year}`);
  if (!arrangement.source || !arrangement.source.trim()) problems.push('缺少数据来源（通知文号）');
  const holidays = new Set<string>();
  for (const date of arrangement.holidays) {
    if (!isLocalDate(date)) problems.push(`放假日期格式不正确：${date}`);
    else if (yearOf(date) !== year) problems.push(`放假日期 ${date} 不在 ${year} 年`);
    if (holidays.has(date)) problems.push(`放假日期重复：${date}`);
    holidays.add(date);
  }
  for (const date of arrangement.makeupWorkdays) {
    if (!isLocalDate(date)) problems.push(`调休上班日期格式不正确：${date}`);
    else {
      if (yearOf(date) !== year) problems.push(`调休上班日期 ${date} 不在 ${year} 年`);
      if (!isWeekend(date)) problems.push(`调休上班日期 ${date} 不是周末`);
    }
    if (holidays.has(date)) problems.push(`${date} 同时是放假日和调休上班日`);
  }
  return problems;
}
