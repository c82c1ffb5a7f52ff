import type { DataSource } from 'typeorm';
import {
  verifyAgencyJournal,
  verifyCaseJournal,
  type JournalVerification,
} from '@gongkai/persistence';
import type { CaseReader } from './case-reader';
import type { ReadCase } from './read-case.use-case';

/** Replays the hash chain of one case in scope, or of every case of the reader's agencies. */
export class VerifyCaseJournal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: ReadCase,
  ) {}

  async one(reader: CaseReader, id: string): Promise<JournalVerification> {
    const c = await this.cases.find(reader, id);
    return verifyCaseJournal(this.dataSource.manager, c.id);
  }

  all(reader: CaseReader, agencyId?: string): Promise<JournalVerification> {
    const agencies = agencyId
      ? reader.scopeAgencyIds.filter((a) => a === agencyId)
      : reader.scopeAgencyIds;
    return verifyAgencyJournal(this.dataSource.manager, agencies);
  }
}
