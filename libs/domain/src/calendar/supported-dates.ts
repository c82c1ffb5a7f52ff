import { daysBetween, isLocalDate, type LocalDate } from '../dates';

/**
 * The dates the working-day calendar computes with. The first 《政府信息公开条例》 took effect on
 * 2008-05-01, so no application under it was received earlier; the upper bound keeps every
 * deadline, report year and calendar year computable. A date outside is refused as input (400),
 * never carried to a computation that cannot finish.
 */
export const SUPPORTED_DATES = { from: '2008-05-01', to: '2099-12-31' } as const;

/** The longest span any two supported dates can make, in days. */
export const SUPPORTED_SPAN_DAYS = daysBetween(SUPPORTED_DATES.from, SUPPORTED_DATES.to);

export function isSupportedDate(date: LocalDate): boolean {
  return isLocalDate(date) && date >= SUPPORTED_DATES.from && date <= SUPPORTED_DATES.to;
}

export function unsupportedDateMessage(label: string): string {
  return `${label}超出系统支持的日期范围（${SUPPORTED_DATES.from}至${SUPPORTED_DATES.to}）`;
}
