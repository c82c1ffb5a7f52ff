import type { DataSource } from 'typeorm';
import { AgencyEntity } from '@gongkai/persistence';

/** The agency with that code, as a one-agency scope; null when there is none. */
export async function agencyIdsByCode(
  dataSource: DataSource,
  code: string,
): Promise<string[] | null> {
  const agency = await dataSource
    .getRepository(AgencyEntity)
    .findOne({ where: { code }, select: { id: true } });
  return agency ? [agency.id] : null;
}
