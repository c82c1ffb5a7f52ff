import type { ReportFormat, Section3, Section4 } from '@gongkai/report/core';

/** Project rule 7: the information-processing-fee figures of 六. */
export interface StatisticsFeeTotals {
  year: number;
  /** Fees paid in the year, in 元. */
  amountYuan: number;
  /** Fee notices served in the year. */
  noticeCount: number;
  /** Applications closed as other.fee_unpaid in the year. */
  unpaidCount: number;
}

/**
 * `GET /api/statistics/:year`: live sections 三 and 四 in the report model's own tables (one
 * definition, `@gongkai/report/core`), counted, so every cell is a number.
 */
export interface StatisticsView {
  agency: { id: string; code: string; name: string };
  subtree: boolean;
  /** How many agencies were counted (1 unless a subtree). */
  agencyCount: number;
  year: number;
  format: ReportFormat;
  section3: Section3<number>;
  section4: Section4<number>;
  fees: StatisticsFeeTotals;
}

export interface StatisticsCellCase {
  id: string;
  agencyCode: string;
  ref: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: string | null;
  applicantCategory: string;
  state: string;
}

export interface StatisticsCellProceeding {
  id: string;
  agencyCode: string;
  caseId: string | null;
  caseRef: string | null;
  kind: string;
  filedOn: string;
  result: string | null;
  concludedOn: string | null;
}

/** `GET /api/statistics/:year/cells`: what one cell counts (the drill-down). */
export type StatisticsCell =
  | { section: '3'; row: string; column: string; count: number; cases: StatisticsCellCase[] }
  | {
      section: '4';
      row: string;
      column: string;
      count: number;
      proceedings: StatisticsCellProceeding[];
    };
