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
