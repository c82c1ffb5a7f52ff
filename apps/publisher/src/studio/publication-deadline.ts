import { daysBetween, isLocalDate, type LocalDate } from '@gongkai/domain';

/**
 * Art. 49: departments publish by 1月31日, the 主管部门 publishes the people's government's report
 * by 3月31日; earlier local deadlines exist (Project rule 15). The deployment chooses the date as
 * `MM-DD` (REPORT_DEADLINE when the publisher is built), 01-31 by default.
 */
export const DEFAULT_REPORT_DEADLINE = '01-31';

export function configuredDeadline(setting: string | undefined): string {
  return setting && /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(setting)
    ? setting
    : DEFAULT_REPORT_DEADLINE;
}

/** The day the report of `year` must be published by, and the days from `today` to it. */
export function publicationDeadline(
  year: number,
  setting: string,
  today: LocalDate,
): { dueOn: LocalDate; daysRemaining: number } {
  const candidate = `${year + 1}-${configuredDeadline(setting)}`;
  // 02-29 in a common year falls back to the last day of February.
  const dueOn = isLocalDate(candidate) ? candidate : `${year + 1}-02-28`;
  return { dueOn, daysRemaining: daysBetween(today, dueOn) };
}
