import type { DataSource } from 'typeorm';
import type { AgencyView, UpdateAgencyRequest } from '@gongkai/contracts';
import { AgenciesRepository, agencyPath } from '@gongkai/persistence';
import type { CaseReader } from '../cases/case-reader';
import { ApplicationError } from '../common/application-error';
import { agencyView, managedAgencyIds } from './agency-view';

/**
 * Agency profile (name printed on the report, address, phone, contact, 文号 pattern), and a
 * move under another agency: the subtree moves with it (its paths are rewritten in one
 * statement), so supervisors' scopes follow the tree. An agency never moves under itself.
 */
export class UpdateAgency {
  constructor(private readonly dataSource: DataSource) {}

  async execute(reader: CaseReader, id: string, body: UpdateAgencyRequest): Promise<AgencyView> {
    const scope = await managedAgencyIds(new AgenciesRepository(this.dataSource.manager), reader);
    if (!scope.includes(id)) throw new ApplicationError('not_found', '机关不存在');
    const { parentId, ...profile } = body;
    return this.dataSource.transaction(async (m) => {
      const agencies = new AgenciesRepository(m);
      const agency = await agencies.get(id, { lock: true });
      if (parentId !== undefined && parentId !== agency.parentId) {
        if (!scope.includes(parentId)) throw new ApplicationError('not_found', '上级机关不存在');
        if (!agency.parentId) {
          throw new ApplicationError('refused', '最上级机关不能移动', { code: 'agency_root' });
        }
        const parent = await agencies.get(parentId);
        if (parent.path.startsWith(agency.path)) {
          throw new ApplicationError('refused', '不能把机关移到它自己或它的下级机关之下', {
            code: 'agency_cycle',
          });
        }
        await agencies.movePaths(agency.path, agencyPath(parent.path, id));
        await agencies.update(id, { parentId });
      }
      if (Object.keys(profile).length > 0) await agencies.update(id, profile);
      return agencyView(await agencies.get(id));
    });
  }
}
