/**
 * The two formats of the annual report: `2021` (国办公开办函〔2021〕30号) and the `2019` trial
 * format (国办公开办函〔2019〕60号).
 */
export type ReportFormatCode = '2019' | '2021';
export const REPORT_FORMAT_CODES: readonly ReportFormatCode[] = ['2019', '2021'];

/**
 * Project rule 14: the reports on 2019 and 2020 use the 2019 trial format, later ones the 2021
 * format. The one definition: the report model, the statistics, section 二's forms and the
 * parsers all ask this.
 */
export function reportFormatForYear(year: number): ReportFormatCode {
  return year <= 2020 ? '2019' : '2021';
}
