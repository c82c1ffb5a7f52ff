import { type CellRef } from '../report-model';

/**
 * What the reader found about the printed tables themselves (not their arithmetic): a row the
 * official format requires but the table lacks, an extra row, a misprinted label, cells that could
 * not be read unambiguously. `error` findings fail lint (the 30号 format is mandatory).
 */
export type FindingKind =
  | 'missing_row'
  | 'extra_row'
  | 'misprint'
  | 'ambiguous_row'
  | 'cell_count'
  | 'split_digits'
  | 'missing_table';

export interface ReportFinding {
  kind: FindingKind;
  level: 'error' | 'warning';
  message: string;
  /** The text as printed, for misprints and extra rows. */
  printed?: string;
  cells: CellRef[];
}
