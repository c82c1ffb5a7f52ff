import type { AgencyView } from '@gongkai/contracts';
import { AgenciesRepository, type AgencyEntity } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';

export function agencyView(a: AgencyEntity): AgencyView {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    parentId: a.parentId,
    address: a.address,
    phone: a.phone,
    contact: a.contact,
    letterRefPattern: a.letterRefPattern,
  };
}

/**
 * The agencies an administrator manages. The session's scope was read at sign-in; an
 * administrator of a subtree who has just created an agency manages it at once, so the tree
 * routes read the subtree now.
 */
export async function managedAgencyIds(
  agencies: AgenciesRepository,
  reader: CaseReader,
): Promise<string[]> {
  return [...new Set([...reader.scopeAgencyIds, ...(await agencies.scopeOfUser(reader.id))])];
}
