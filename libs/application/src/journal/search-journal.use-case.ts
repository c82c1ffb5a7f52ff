import type { DataSource } from 'typeorm';
import type { JournalSearchQuery } from '@gongkai/contracts';
import { JournalSearchRepository, type JournalSearchRecord } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/** One page of the journal across the reader's scope, newest first, and how many rows match. */
export class SearchJournal {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    reader: CaseReader,
    query: JournalSearchQuery,
  ): Promise<{ rows: JournalSearchRecord[]; total: number }> {
    const agencies = query.agencyId
      ? reader.scopeAgencyIds.filter((a) => a === query.agencyId)
      : reader.scopeAgencyIds;
    if (agencies.length === 0) return { rows: [], total: 0 };
    return new JournalSearchRepository(this.dataSource.manager).search({
      agencyIds: agencies,
      type: query.type,
      actor: query.actor,
      from: query.from,
      to: query.to,
      q: query.q,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
  }
}
