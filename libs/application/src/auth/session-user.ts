import type { UserRole } from '@gongkai/persistence';

/** The signed-in user as every route sees it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  /** The user's agency has no parent: a root (national or district) agency. */
  rootAgency: boolean;
  /** Agencies this user may read: its own, plus its subtree for a supervising user. */
  scopeAgencyIds: string[];
  /** Agencies this user may change cases of: always only its own. */
  writeAgencyIds: string[];
}
