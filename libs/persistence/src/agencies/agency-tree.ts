import type { EntityManager } from 'typeorm';
import { AgencyEntity } from '../entities/agency.entity';
import { UserEntity } from '../entities/user.entity';
import { agencyPath } from './agency-path';

/**
 * Finds an agency by code, or creates it (under `parentCode` when given) with its materialised
 * path of ids from the root, as the subtree scope queries expect.
 */
export async function ensureAgency(
  manager: EntityManager,
  input: { code: string; name: string; parentId?: string | null },
): Promise<{ agency: AgencyEntity; created: boolean }> {
  const repo = manager.getRepository(AgencyEntity);
  const existing = await repo.findOne({ where: { code: input.code } });
  if (existing) return { agency: existing, created: false };
  const parent = input.parentId ? await repo.findOne({ where: { id: input.parentId } }) : null;
  const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as { id: string }[];
  const agency = repo.create({
    id,
    code: input.code,
    name: input.name,
    parentId: parent?.id ?? null,
    path: agencyPath(parent?.path ?? null, id),
    address: null,
    phone: null,
  });
  return { agency: await repo.save(agency), created: true };
}

/** The agency and every agency below it (for a supervising user's read scope). */
export async function subtreeAgencyIds(
  manager: EntityManager,
  agencyId: string,
): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT d.id FROM agencies a JOIN agencies d ON d.path LIKE a.path || '%' WHERE a.id = $1`,
    [agencyId],
  )) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Every agency's place in the tree, by name (the public site's picker, the static site). */
export function agencyNodes(
  manager: EntityManager,
): Promise<Pick<AgencyEntity, 'id' | 'code' | 'name' | 'parentId' | 'path'>[]> {
  return manager.getRepository(AgencyEntity).find({
    select: { id: true, code: true, name: true, parentId: true, path: true },
    order: { name: 'ASC' },
  });
}

export function agencyByCode(manager: EntityManager, code: string): Promise<AgencyEntity | null> {
  return manager.getRepository(AgencyEntity).findOne({ where: { code } });
}

export function agencyById(manager: EntityManager, id: string): Promise<AgencyEntity | null> {
  return manager.getRepository(AgencyEntity).findOne({ where: { id } });
}

/** A user's id by username (the CLI's --actor), or null. */
export async function userIdByUsername(
  manager: EntityManager,
  username: string,
): Promise<string | null> {
  const user = await manager.getRepository(UserEntity).findOne({ where: { username } });
  return user?.id ?? null;
}
