import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StatisticsCellQuery, StatisticsQuery } from '@gongkai/contracts';
import {
  StatisticsInputError,
  StatisticsRepository,
  type CellDrillDown,
  type StatisticsScope,
  type YearStatistics,
} from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { agencyInScope } from '../reports/agency-scope';

export interface StatisticsView extends YearStatistics {
  agency: { id: string; code: string; name: string };
  subtree: boolean;
  /** How many agencies were counted (1 unless a subtree). */
  agencyCount: number;
}

/** Live sections 三 and 四 and their drill-down, for the agencies the reader may see. */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private async scope(user: SessionUser, query: StatisticsQuery) {
    const agency = await agencyInScope(this.db, user, query.agency);
    const scope: StatisticsScope = {
      agencyId: agency.id,
      subtree: query.subtree,
      within: user.scopeAgencyIds,
    };
    return { agency, scope };
  }

  async tables(user: SessionUser, year: number, query: StatisticsQuery): Promise<StatisticsView> {
    const { agency, scope } = await this.scope(user, query);
    const repo = new StatisticsRepository(this.db.manager);
    const [stats, ids] = await Promise.all([
      repo.yearStatistics(scope, year),
      repo.agencyIds(scope),
    ]);
    return {
      agency: { id: agency.id, code: agency.code, name: agency.name },
      subtree: query.subtree,
      agencyCount: ids.length,
      ...stats,
    };
  }

  async cell(user: SessionUser, year: number, query: StatisticsCellQuery): Promise<CellDrillDown> {
    const { scope } = await this.scope(user, query);
    try {
      return await new StatisticsRepository(this.db.manager).cell(
        scope,
        year,
        query.row,
        query.column,
      );
    } catch (error) {
      if (error instanceof StatisticsInputError) {
        throw new BadRequestException({ message: error.message, code: 'invalid_cell' });
      }
      throw error;
    }
  }
}
