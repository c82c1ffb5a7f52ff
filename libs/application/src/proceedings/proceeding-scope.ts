import type { EntityManager } from 'typeorm';
import { CaseError, ProceedingsRepository, type ProceedingRow } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/** A proceeding in the reader's scope; any other id is not found (404), never forbidden. */
export async function proceedingInScope(
  m: EntityManager,
  reader: CaseReader,
  id: string,
): Promise<ProceedingRow> {
  const row = await new ProceedingsRepository(m).get(id);
  if (!row || !reader.scopeAgencyIds.includes(row.agency_id)) {
    throw new CaseError('not_found', 'proceeding_not_found', '复议诉讼记录不存在');
  }
  return row;
}

/** A proceeding the reader may change: its own agency's. */
export async function writableProceeding(
  m: EntityManager,
  reader: CaseReader,
  id: string,
): Promise<ProceedingRow> {
  const row = await proceedingInScope(m, reader, id);
  if (!reader.writeAgencyIds.includes(row.agency_id)) {
    throw new CaseError('forbidden', 'read_only_scope', '您只能修改本机关的记录');
  }
  return row;
}

/** The linked case, when one is named, must be a case of the proceeding's agency. */
export async function checkLinkedCase(
  m: EntityManager,
  agencyId: string,
  caseId: string | null | undefined,
): Promise<void> {
  if (!caseId) return;
  if ((await new ProceedingsRepository(m).caseAgency(caseId)) !== agencyId) {
    throw new CaseError('invalid', 'case_not_found', '关联的案件不存在或不属于本机关');
  }
}
