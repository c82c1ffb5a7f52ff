import type { DataSource } from 'typeorm';
import { ProceedingsRepository, type ProceedingRow } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { proceedingInScope } from './proceeding-scope';

/** 行政复议 / 行政诉讼 records (section 四) in the reader's scope, newest filing first. */
export class ListProceedings {
  constructor(private readonly dataSource: DataSource) {}

  execute(
    reader: CaseReader,
    filter: { year?: number; caseId?: string },
  ): Promise<ProceedingRow[]> {
    return new ProceedingsRepository(this.dataSource.manager).list(reader.scopeAgencyIds, filter);
  }

  one(reader: CaseReader, id: string): Promise<ProceedingRow> {
    return proceedingInScope(this.dataSource.manager, reader, id);
  }
}
