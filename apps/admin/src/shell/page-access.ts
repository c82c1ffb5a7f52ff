import { AUDIT_MENU_ROLES } from '../audit/audit-sections';
import { hasRole, type DeskRole, type DeskUser } from '../auth/desk-user';

const EVERYONE: readonly DeskRole[] = ['clerk', 'leader', 'auditor', 'admin'];

/** A page's name in adminMessages: the menu entry, and the browser tab's title. */
export type DeskPageTitle =
  | 'menuWorkbench'
  | 'menuRegister'
  | 'menuCases'
  | 'menuApprovals'
  | 'menuStatistics'
  | 'menuImport'
  | 'menuAudit'
  | 'menuDeadlines'
  | 'menuAgencies'
  | 'menuSettings';

interface DeskPageEntry {
  readonly roles: readonly DeskRole[];
  readonly title: DeskPageTitle;
  /** The title of a page below this path (`/cases/:id`), when it is not the list's. */
  readonly itemTitle?: 'pageCaseDetail';
}

/**
 * The pages of the desk by path prefix (the longest prefix decides): who may use each, and its
 * name. The menu shows these, a direct URL to any other page shows 403, sign-in returns only to a
 * page allowed, and the browser tab is titled by the name. The API checks every route again:
 * this only keeps people off pages that would refuse them.
 */
export const DESK_PAGES: Readonly<Record<string, DeskPageEntry>> = {
  '/': { roles: EVERYONE, title: 'menuWorkbench' },
  '/cases/new': { roles: ['clerk'], title: 'menuRegister' },
  '/cases': {
    roles: ['clerk', 'leader', 'auditor'],
    title: 'menuCases',
    itemTitle: 'pageCaseDetail',
  },
  '/approvals': { roles: ['leader'], title: 'menuApprovals' },
  '/statistics': { roles: EVERYONE, title: 'menuStatistics' },
  '/deadlines': { roles: EVERYONE, title: 'menuDeadlines' },
  // Clerks bring in an existing register too (POST /api/imports/jobs allows them).
  '/imports': { roles: ['clerk'], title: 'menuImport' },
  // Derived from the audit page's role table, so the menu and the page never disagree.
  '/audit': { roles: AUDIT_MENU_ROLES, title: 'menuAudit' },
  '/agencies': { roles: ['admin'], title: 'menuAgencies' },
  '/settings': { roles: ['admin'], title: 'menuSettings' },
};

function pageFor(pathname: string): { path: string; page: DeskPageEntry } | undefined {
  const path = pathname.split(/[?#]/)[0] ?? '/';
  const match = Object.keys(DESK_PAGES)
    .filter((p) => (p === '/' ? path === '/' : path === p || path.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ? { path: match, page: DESK_PAGES[match] } : undefined;
}

/**
 * The message key of the page's name for the browser tab: the table's, a 403 for a page the user
 * may not use, 404 for a path the desk does not have.
 */
export function deskPageTitle(
  user: DeskUser | undefined,
  pathname: string,
): DeskPageTitle | 'pageCaseDetail' | 'forbiddenTitle' | 'notFoundTitle' {
  const found = pageFor(pathname);
  if (!found) return 'notFoundTitle';
  if (!hasRole(user, ...found.page.roles)) return 'forbiddenTitle';
  const path = pathname.split(/[?#]/)[0] ?? '/';
  return path !== found.path && found.page.itemTitle ? found.page.itemTitle : found.page.title;
}

function rolesFor(pathname: string): readonly DeskRole[] | undefined {
  return pageFor(pathname)?.page.roles;
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
