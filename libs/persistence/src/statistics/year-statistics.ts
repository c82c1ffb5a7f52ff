// The tables' types are the report core's (one definition); the callers import them from here.
export type {
  CellCase,
  CellDrillDown,
  CellProceeding,
  FeeTotals,
  Section3Counts,
  Section4Counts,
  YearStatistics,
} from '@gongkai/report/core';

/** Which agencies are counted: one, or one and every agency below it (agencies.path prefix). */
export interface StatisticsScope {
  agencyId: string;
  subtree?: boolean;
  /** When given, the subtree is cut down to these agencies (the reader's scope). */
  within?: readonly string[];
}
