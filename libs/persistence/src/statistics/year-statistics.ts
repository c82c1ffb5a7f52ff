import { type ReportFormat, type Section3, type Section4 } from '@gongkai/report/core';

/**
 * The statistics of a year as the report model's own tables (`@gongkai/report/core`): counted,
 * so every cell is a number, never the "/" a printed report may show.
 */
export type Section3Counts = Section3<number>;
export type Section4Counts = Section4<number>;

/** Project rule 7: the information-processing-fee figures of 六. */
export interface FeeTotals {
  year: number;
  /** Fees paid in the year, in 元. */
  amountYuan: number;
  /** Fee notices served in the year. */
  noticeCount: number;
  /** Applications closed as other.fee_unpaid in the year. */
  unpaidCount: number;
}

export interface YearStatistics {
  year: number;
  format: ReportFormat;
  section3: Section3Counts;
  section4: Section4Counts;
  fees: FeeTotals;
}

/** Which agencies are counted: one, or one and every agency below it (agencies.path prefix). */
export interface StatisticsScope {
  agencyId: string;
  subtree?: boolean;
  /** When given, the subtree is cut down to these agencies (the reader's scope). */
  within?: readonly string[];
}
