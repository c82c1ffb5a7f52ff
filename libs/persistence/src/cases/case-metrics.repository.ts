import type { EntityManager } from 'typeorm';

/** The counts the metrics endpoint reports at each scrape. */
export class CaseMetricsRepository {
  constructor(private readonly m: EntityManager) {}

  /** Rows of the append-only journal by event type. */
  async journalRowsByType(): Promise<{ type: string; n: number }[]> {
    return (await this.m.query(
      'SELECT type, count(*)::int AS n FROM case_events GROUP BY type',
    )) as { type: string; n: number }[];
  }

  async openCasesByState(): Promise<{ state: string; n: number }[]> {
    return (await this.m.query(
      'SELECT state, count(*)::int AS n FROM cases WHERE NOT closed GROUP BY state',
    )) as { state: string; n: number }[];
  }
}
