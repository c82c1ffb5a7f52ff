import type { DataSource } from 'typeorm';
import { CaseReadRepository } from '@gongkai/persistence';
import type { CaseTransitionService } from './case-transition.service';
import type { CasePage, CaseReader } from './case-reader';
import { assigneeNamesOf } from './list-cases.use-case';

/** The reader's open cases, most urgent first (the workbench's 我的待办). */
export class ListMyOpenCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: CaseTransitionService,
  ) {}

  async execute(reader: CaseReader, limit: number): Promise<CasePage> {
    const today = this.transitions.currentDate();
    const reads = new CaseReadRepository(this.dataSource.manager);
    const [rows, total] = await reads.myOpenCases(reader.scopeAgencyIds, reader.id, today, limit);
    const calendar = await this.transitions.calendar();
    return { rows, total, today, calendar, names: await assigneeNamesOf(reads, rows) };
  }
}
