import type { DataSource } from 'typeorm';
import { CaseError, ProceedingsRepository, type ProceedingFields } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { checkLinkedCase } from './proceeding-scope';

/** Records a 行政复议 or 行政诉讼 of the reader's own agency; returns its id. */
export class RecordProceeding {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader, agencyId: string, fields: ProceedingFields): Promise<string> {
    if (!reader.writeAgencyIds.includes(agencyId)) {
      throw new CaseError('forbidden', 'read_only_scope', '您只能为本机关登记复议诉讼');
    }
    const m = this.dataSource.manager;
    await checkLinkedCase(m, agencyId, fields.caseId);
    return new ProceedingsRepository(m).insert(agencyId, fields);
  }
}
