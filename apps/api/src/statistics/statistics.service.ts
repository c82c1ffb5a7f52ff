import { Injectable } from '@nestjs/common';
import type {
  StatisticsCell,
  StatisticsCellQuery,
  StatisticsQuery,
  StatisticsView,
} from '@gongkai/contracts';
import { ReadStatistics } from '@gongkai/application';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

/**
 * Live sections 三 and 四 and their drill-down, for the agencies the reader may see. The
 * repository's tables are typed against the contracts' response here, so the two cannot drift.
 */
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

  cell(user: SessionUser, year: number, query: StatisticsCellQuery): Promise<StatisticsCell> {
    return httpErrors(() => this.statistics.cell(user, year, query));
  }
}
