import type { SessionUserView, UserRoleCode } from '@gongkai/contracts';

/** What the desk reads of the signed-in user (`GET /api/auth/me`, the contracts' type). */
export type DeskUser = Pick<
  SessionUserView,
  | 'id'
  | 'username'
  | 'displayName'
  | 'roles'
  | 'agencyId'
  | 'agencyCode'
  | 'agencyName'
  | 'scopeAgencyIds'
  | 'writeAgencyIds'
>;

export type DeskRole = UserRoleCode;
export const DESK_ROLES: readonly DeskRole[] = ['clerk', 'leader', 'auditor', 'admin'];

export function hasRole(user: DeskUser | undefined, ...roles: DeskRole[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
