import type { DataSource } from 'typeorm';
import {
  CaseError,
  StatisticsInputError,
  StatisticsRepository,
  type AgencyEntity,
  type CellDrillDown,
  type StatisticsScope,
  type YearStatistics,
} from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { agencyInScope } from '../reports/agency-in-scope';

export type StatisticsReader = CaseReader & { readonly agencyId: string };

export interface StatisticsTables extends YearStatistics {
  readonly agency: AgencyEntity;
  /** How many agencies were counted (1 unless a subtree). */
  readonly agencyCount: number;
}

/** Live sections 三 and 四 and their drill-down, for the agencies the reader may see. */
export class ReadStatistics {
  constructor(private readonly dataSource: DataSource) {}

  private async scope(reader: StatisticsReader, code: string | undefined, subtree: boolean) {
    const agency = await agencyInScope(this.dataSource.manager, reader, code);
    const scope: StatisticsScope = {
      agencyId: agency.id,
      subtree,
      within: reader.scopeAgencyIds,
    };
    return { agency, scope };
  }

  async tables(
    reader: StatisticsReader,
    year: number,
    query: { agency?: string; subtree: boolean },
  ): Promise<StatisticsTables> {
    const { agency, scope } = await this.scope(reader, query.agency, query.subtree);
    const repo = new StatisticsRepository(this.dataSource.manager);
    const [stats, ids] = await Promise.all([
      repo.yearStatistics(scope, year),
      repo.agencyIds(scope),
    ]);
    return { ...stats, agency, agencyCount: ids.length };
  }

  /** The cases behind one cell; an unknown row or column is invalid (invalid_cell). */
  async cell(
    reader: StatisticsReader,
    year: number,
    query: { agency?: string; subtree: boolean; row: string; column: string },
  ): Promise<CellDrillDown> {
    const { scope } = await this.scope(reader, query.agency, query.subtree);
    try {
      return await new StatisticsRepository(this.dataSource.manager).cell(
        scope,
        year,
        query.row,
        query.column,
      );
    } catch (error) {
      if (error instanceof StatisticsInputError) {
        throw new CaseError('invalid', 'invalid_cell', error.message);
      }
      throw error;
    }
  }
}
