import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AgencyEntity } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';

/**
 * The agency a staff route is about: the user's own, or one in the user's read scope named by
 * code. Anything else is a 404, never a 403, so scope does not reveal which agencies exist.
 */
export async function agencyInScope(
  db: DataSource,
  user: SessionUser,
  code: string | undefined,
): Promise<AgencyEntity> {
  const repo = db.getRepository(AgencyEntity);
  const agency = code
    ? await repo.findOne({ where: { code } })
    : await repo.findOne({ where: { id: user.agencyId } });
  if (!agency || !user.scopeAgencyIds.includes(agency.id)) {
    throw new NotFoundException({ message: '机关不存在', code: 'agency_not_found' });
  }
  return agency;
}

/** Reading a supervised unit's report is allowed; changing it is for its own staff. */
export function requireWritable(user: SessionUser, agency: AgencyEntity): void {
  if (!user.writeAgencyIds.includes(agency.id)) {
    throw new ForbiddenException({
      message: '您只能编制和审批本机关的年度报告',
      code: 'read_only_scope',
    });
  }
}
