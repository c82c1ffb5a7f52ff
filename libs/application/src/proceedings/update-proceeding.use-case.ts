import type { DataSource } from 'typeorm';
import { CaseError, ProceedingsRepository, type ProceedingFields } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { checkLinkedCase, writableProceeding } from './proceeding-scope';

/** The fields to change; an absent one keeps its value, a null one clears it. */
export type ProceedingChanges = Partial<ProceedingFields>;

/** Corrects a proceeding of the reader's own agency (a result needs its conclusion date). */
export class UpdateProceeding {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader, id: string, body: ProceedingChanges): Promise<void> {
    const m = this.dataSource.manager;
    const current = await writableProceeding(m, reader, id);
    const next: ProceedingFields = {
      caseId: body.caseId === undefined ? current.case_id : body.caseId,
      kind: body.kind ?? current.kind,
      filedOn: body.filedOn ?? current.filed_on,
      result: body.result === undefined ? current.result : body.result,
      concludedOn: body.concludedOn === undefined ? current.concluded_on : body.concludedOn,
      note: body.note === undefined ? current.note : body.note || null,
    };
    if (
      !!next.result !== !!next.concludedOn ||
      (next.concludedOn && next.concludedOn < next.filedOn)
    ) {
      throw new CaseError(
        'invalid',
        'invalid_input',
        '有审理结果时须填写审结日期（不早于立案日期），尚未审结的两者都不填',
      );
    }
    await checkLinkedCase(m, current.agency_id, next.caseId);
    await new ProceedingsRepository(m).update(id, next);
  }
}
