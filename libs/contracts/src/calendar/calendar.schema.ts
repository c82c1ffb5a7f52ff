import { z } from 'zod';
import { localDate, requiredText } from '../cases/common.schema';

/** PUT /api/calendar/:year: a State Council holiday arrangement (Project rule 16). */
export const putCalendarYearSchema = z.object({
  holidays: z.array(localDate('放假日期')).max(366),
  makeupWorkdays: z.array(localDate('调休上班日期')).max(366),
  source: requiredText(200, '数据来源（通知文号）'),
  names: z.record(z.string().max(10), requiredText(20, '节日名称')).optional(),
});
export type PutCalendarYearRequest = z.infer<typeof putCalendarYearSchema>;

export interface CalendarYearView {
  year: number;
  /** `database`: loaded by an administrator; `builtin`: the chinese-days data; `missing`: none. */
  origin: 'database' | 'builtin' | 'missing';
  arrangement: {
    year: number;
    holidays: string[];
    makeupWorkdays: string[];
    source: string;
  } | null;
  loadedAt: string | null;
  loadedBy: string | null;
}

export interface CalendarLoadResult extends CalendarYearView {
  openCasesChecked: number;
  casesRecomputed: number;
  /** Open cases whose snapshot could not be read (logged; the load stands). */
  casesFailed: number;
}

/** One open case whose deadlines a proposed arrangement would move. */
export interface CalendarPreviewCase {
  caseId: string;
  ref: string;
  agencyName: string;
  state: string;
  answerDueOnBefore: string | null;
  answerDueOnAfter: string | null;
  nextDueOnBefore: string | null;
  nextDueOnAfter: string | null;
}

/**
 * POST /api/calendar/:year/preview: what PUT would do to the open cases' deadlines, computed and
 * not written, so the administrator confirms knowing the effect.
 */
export interface CalendarPreviewResult {
  year: number;
  /** Where the year's calendar comes from now (before the load). */
  origin: CalendarYearView['origin'];
  openCasesChecked: number;
  /** Open cases of every agency whose deadlines would change. */
  casesChanging: number;
  /** Those of them in the administrator's agency scope, by ref. */
  cases: CalendarPreviewCase[];
  /** Changing cases of agencies outside the administrator's scope (counted, not listed). */
  casesOutsideScope: number;
  casesFailed: number;
}
