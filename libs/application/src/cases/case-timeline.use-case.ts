import type { DataSource } from 'typeorm';
import { CaseReadRepository, type TimelineRow } from '@gongkai/persistence';
import type { CaseReader } from './case-reader';
import type { ReadCase } from './read-case.use-case';

/** The journal of a case in the reader's scope, with each actor's display name. */
export class CaseTimeline {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ReadCase,
  ) {}

  async execute(reader: CaseReader, id: string): Promise<TimelineRow[]> {
    const c = await this.cases.find(reader, id);
    return new CaseReadRepository(this.dataSource.manager).timeline(c.id);
  }
}
