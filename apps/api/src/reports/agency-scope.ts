import { ForbiddenException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { agencyInScope as agencyInReaderScope } from '@gongkai/application';
import type { AgencyEntity } from '@gongkai/persistence';
import { type SessionUser } from '../auth/session-user';
import { httpErrors } from '../cases/case-http-errors';

/**
 * The agency a staff route is about: the user's own, or one in the user's read scope named by
 * code. Anything else is a 404, never a 403 (the application's agencyInScope).
 */
export function agencyInScope(
  db: DataSource,
  user: SessionUser,
  code: string | undefined,
): Promise<AgencyEntity> {
  return httpErrors(() => agencyInReaderScope(db.manager, user, code));
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
