import type { UserView } from '@gongkai/contracts';
import type { UserEntity } from '@gongkai/persistence';

export type { UserView };

export function toUserView(u: UserEntity, now: Date): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    email: u.email,
    agencyId: u.agencyId,
    subtreeScope: u.subtreeScope,
    active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > now,
  };
}

/** Who manages users: an administrator, over the agencies it reads. */
export interface UserAdministrator {
  readonly id: string;
  readonly agencyId: string;
  readonly scopeAgencyIds: readonly string[];
}
