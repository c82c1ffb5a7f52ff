import type { UserRole } from '@gongkai/persistence';

/** The signed-in user as every route sees it (`@CurrentUser()`). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  /** Agencies this user may read: its own, plus its subtree for a supervising user. */
  scopeAgencyIds: string[];
  /** Agencies this user may change cases of: always only its own. */
  writeAgencyIds: string[];
}
