import type { DataSource } from 'typeorm';
import { CaseMetricsRepository } from '@gongkai/persistence';

export interface CaseCounts {
  /** Journal rows by event type (the journal only grows: a true counter). */
  readonly journalRows: readonly { type: string; n: number }[];
  readonly openCases: readonly { state: string; n: number }[];
}

/** What the database tells the metrics scrape: journal rows by type, open cases by state. */
export class CountCases {
  constructor(private readonly dataSource: DataSource) {}

  async execute(): Promise<CaseCounts> {
    const repo = new CaseMetricsRepository(this.dataSource.manager);
    const [journalRows, openCases] = await Promise.all([
      repo.journalRowsByType(),
      repo.openCasesByState(),
    ]);
    return { journalRows, openCases };
  }
}
