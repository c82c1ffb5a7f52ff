import type { CellDrillDown, YearStatistics } from '@gongkai/report/core';

/**
 * `GET /api/statistics/:year`: live sections 三 and 四 and the fees of 六, in the report core's
 * own tables (one definition, `@gongkai/report/core`), counted, so every cell is a number.
 */
export interface StatisticsView extends YearStatistics {
  agency: { id: string; code: string; name: string };
  subtree: boolean;
  /** How many agencies were counted (1 unless a subtree). */
  agencyCount: number;
}

/** `GET /api/statistics/:year/cells`: what one cell counts (the drill-down). */
export type StatisticsCell = CellDrillDown;
