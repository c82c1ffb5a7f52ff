import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AgencyView, CreateAgencyRequest } from '@gongkai/contracts';
import { AgenciesRepository, AgencyEntity, agencyPath } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { ApplicationError } from '../common/application-error';
import { agencyView, managedAgencyIds } from './agency-view';

/** A new agency goes under one the administrator may read (default: the administrator's own). */
export class CreateAgency {
  constructor(private readonly dataSource: DataSource) {}

  async execute(
    reader: CaseReader & { readonly agencyId: string },
    body: CreateAgencyRequest,
  ): Promise<AgencyView> {
    const parentId = body.parentId ?? reader.agencyId;
    const scope = await managedAgencyIds(new AgenciesRepository(this.dataSource.manager), reader);
    if (!scope.includes(parentId)) throw new ApplicationError('not_found', '上级机关不存在');
    return this.dataSource.transaction(async (m) => {
      const agencies = new AgenciesRepository(m);
      if (await agencies.codeTaken(body.code)) {
        throw new ApplicationError('conflict', `机关代码 ${body.code} 已被使用`);
      }
      const parent = await agencies.get(parentId);
      const id = randomUUID();
      const created = m.create(AgencyEntity, {
        id,
        code: body.code,
        name: body.name,
        parentId,
        path: agencyPath(parent.path, id),
        address: body.address ?? null,
        phone: body.phone ?? null,
      });
      await agencies.insert(created);
      return agencyView(created);
    });
  }
}
