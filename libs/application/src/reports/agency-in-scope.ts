import type { EntityManager } from 'typeorm';
import { AgencyEntity, CaseError } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

/**
 * The agency a staff route is about: the reader's own, or one in the reader's read scope named by
 * code. Anything else is not found (404), never forbidden, so scope does not reveal which agencies
 * exist.
 */
export async function agencyInScope(
  m: EntityManager,
  reader: CaseReader & { readonly agencyId: string },
  code: string | undefined,
): Promise<AgencyEntity> {
  const repo = m.getRepository(AgencyEntity);
  const agency = code
    ? await repo.findOne({ where: { code } })
    : await repo.findOne({ where: { id: reader.agencyId } });
  if (!agency || !reader.scopeAgencyIds.includes(agency.id)) {
    throw new CaseError('not_found', 'agency_not_found', '机关不存在');
  }
  return agency;
}
