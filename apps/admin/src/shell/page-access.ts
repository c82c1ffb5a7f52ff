import { AUDIT_MENU_ROLES } from '../audit/audit-sections';
import { hasRole, type DeskRole, type DeskUser } from '../auth/desk-user';

const EVERYONE: readonly DeskRole[] = ['clerk', 'leader', 'auditor', 'admin'];

/**
 * Who may use each page of the desk, by path prefix (the longest prefix decides). The menu shows
 * these, a direct URL to any other page shows 403, and sign-in returns only to a page allowed.
 * The API checks every route again: this only keeps people off pages that would refuse them.
 */
export const PAGE_ROLES: Readonly<Record<string, readonly DeskRole[]>> = {
  '/': EVERYONE,
  '/cases/new': ['clerk'],
  '/cases': ['clerk', 'leader', 'auditor'],
  '/approvals': ['leader'],
  '/statistics': EVERYONE,
  '/deadlines': EVERYONE,
  // Clerks bring in an existing register too (POST /api/imports/jobs allows them).
  '/imports': ['clerk'],
  // Derived from the audit page's role table, so the menu and the page never disagree.
  '/audit': AUDIT_MENU_ROLES,
  '/agencies': ['admin'],
  '/settings': ['admin'],
};

function rolesFor(pathname: string): readonly DeskRole[] | undefined {
  const path = pathname.split(/[?#]/)[0] ?? '/';
  const match = Object.keys(PAGE_ROLES)
    .filter((p) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ? PAGE_ROLES[match] : undefined;
}

/** False for a page this user's roles may not use; unknown paths are the 404 page's business. */
export function mayVisit(user: DeskUser | undefined, pathname: string): boolean {
  const roles = rolesFor(pathname);
  return roles === undefined || hasRole(user, ...roles);
}

/**
 * Where sign-in goes: back to the remembered page if it was this user's and they may use it,
 * else the user's own start page (another user's case or inbox would only refuse them).
 */
export function afterSignIn(
  user: DeskUser,
  remembered: { from?: string; username?: string } | null | undefined,
): string {
  const from = remembered?.from;
  if (!from || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (remembered?.username && remembered.username !== user.username) return '/';
  return rolesFor(from) !== undefined && mayVisit(user, from) ? from : '/';
}
