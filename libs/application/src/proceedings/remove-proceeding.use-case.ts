import type { DataSource } from 'typeorm';
import { ProceedingsRepository } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { writableProceeding } from './proceeding-scope';

/** Removes a proceeding of the reader's own agency (entered in error). */
export class RemoveProceeding {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader, id: string): Promise<void> {
    const m = this.dataSource.manager;
    await writableProceeding(m, reader, id);
    await new ProceedingsRepository(m).delete(id);
  }
}
