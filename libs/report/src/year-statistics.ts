import { type ReportFormat, type Section3, type Section4 } from './report-model';

/**
 * The statistics of a year as the report model's own tables: counted, so every cell is a number,
 * never the "/" a printed report may show. Written once here, where the data lib that counts
 * them and the contracts that answer them may both read it (DESIGN.md dependency rule).
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

/** A case one cell of section 三 counts. */
export interface CellCase {
  id: string;
  agencyCode: string;
  ref: string;
  receivedOn: string;
  decidedOn: string | null;
  outcome: string | null;
  applicantCategory: string;
  state: string;
}

/** A proceeding one cell of section 四 counts. */
export interface CellProceeding {
  id: string;
  agencyCode: string;
  caseId: string | null;
  caseRef: string | null;
  kind: string;
  filedOn: string;
  result: string | null;
  concludedOn: string | null;
}

/** What one cell counts (the drill-down): a cell's count is always its list's length. */
export type CellDrillDown =
  | { section: '3'; row: string; column: string; count: number; cases: CellCase[] }
  | { section: '4'; row: string; column: string; count: number; proceedings: CellProceeding[] };
