import { EVENT_RULES } from './case-rules';
import { type ActorRole, type CaseEventType } from './case.types';

/** A signed-in user as the rules see it: an id, its roles, the agencies it may change. */
export interface ActingUser {
  readonly id: string;
  readonly roles: readonly string[];
}

/** The roles in which a person acts on a case (auditors and administrators read, never act). */
export const ACTING_ROLES: readonly ActorRole[] = ['clerk', 'leader'];

/** The roles that may hand a case to another clerk (改派). */
export const REASSIGN_ROLES: readonly ActorRole[] = ['leader', 'admin'];

/**
 * The role a user acts in for an event: the one the event needs, when the user has it; else its
 * first acting role, else clerk — the machine then refuses with a message naming the role needed.
 * The importer passes every role (`ACTOR_ROLES`): replayed steps are done in the role they need.
 */
export function actingRole(userRoles: readonly string[], type: CaseEventType): ActorRole {
  const needed = EVENT_RULES[type].roles as readonly string[];
  return (userRoles.find((r) => needed.includes(r)) ??
    userRoles.find((r) => (ACTING_ROLES as readonly string[]).includes(r)) ??
    'clerk') as ActorRole;
}

/** The acting roles a user holds, in `ACTING_ROLES` order. */
export function actingRolesOf(userRoles: readonly string[]): ActorRole[] {
  return ACTING_ROLES.filter((r) => userRoles.includes(r));
}

/** A served or ended case has nothing left to do; `awaitingService` still needs its 送达. */
export function caseFinished(c: { readonly closed: boolean; readonly state: string }): boolean {
  return c.closed && c.state !== 'awaitingService';
}

/**
 * 改派: a leader or administrator of the case's own agency (its write scope), while something is
 * left to do. Read scope over a subtree (a 主管部门) does not make one the case's manager.
 */
export function mayReassign(
  user: { readonly roles: readonly string[]; readonly writeAgencyIds: readonly string[] },
  c: { readonly agencyId: string; readonly closed: boolean; readonly state: string },
): boolean {
  return (
    REASSIGN_ROLES.some((r) => user.roles.includes(r)) &&
    user.writeAgencyIds.includes(c.agencyId) &&
    !caseFinished(c)
  );
}

export type ReassignRefusalCode = 'role_not_allowed' | 'case_finished' | 'same_assignee';

/** Why a reassignment is refused (the clerk's own checks — active, same agency — need data). */
export function reassignRefusal(
  role: ActorRole,
  c: { readonly closed: boolean; readonly state: string; readonly assignedClerkId: string | null },
  assigneeId: string,
): { readonly code: ReassignRefusalCode; readonly message: string } | null {
  if (!REASSIGN_ROLES.includes(role)) {
    return { code: 'role_not_allowed', message: '只有负责人或管理员可以改派经办人' };
  }
  if (caseFinished(c)) return { code: 'case_finished', message: '案件已办结，无需改派经办人' };
  if (c.assignedClerkId === assigneeId) {
    return { code: 'same_assignee', message: '该案件已由所选人员经办' };
  }
  return null;
}
