/** The signed-in user as GET /api/auth/me answers it. */
export interface DeskUser {
  id: string;
  username: string;
  displayName: string;
  roles: DeskRole[];
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  scopeAgencyIds: string[];
  writeAgencyIds: string[];
}

export type DeskRole = 'clerk' | 'leader' | 'auditor' | 'admin';
export const DESK_ROLES: readonly DeskRole[] = ['clerk', 'leader', 'auditor', 'admin'];

export function hasRole(user: DeskUser | undefined, ...roles: DeskRole[]): boolean {
  return !!user && user.roles.some((r) => roles.includes(r));
}
