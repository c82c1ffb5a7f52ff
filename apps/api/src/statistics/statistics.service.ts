import { Injectable } from '@nestjs/common';
import type { StatisticsCellQuery, StatisticsQuery } from '@gongkai/contracts';
import { ReadStatistics } from '@gongkai/application';
import { type CellDrillDown, type YearStatistics } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

export interface StatisticsView extends YearStatistics {
  agency: { id: string; code: string; name: string };
  subtree: boolean;
  /** How many agencies were counted (1 unless a subtree). */
  agencyCount: number;
}

/** Live sections 三 and 四 and their drill-down, for the agencies the reader may see. */
@Injectable()
export class StatisticsService {
  constructor(private readonly statistics: ReadStatistics) {}

  async tables(user: SessionUser, year: number, query: StatisticsQuery): Promise<StatisticsView> {
    const { agency, agencyCount, ...stats } = await httpErrors(() =>
      this.statistics.tables(user, year, query),
    );
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      subtree: query.subtree,
      agencyCount,
      ...stats,
    };
  }

  cell(user: SessionUser, year: number, query: StatisticsCellQuery): Promise<CellDrillDown> {
    return httpErrors(() => this.statistics.cell(user, year, query));
  }
}
