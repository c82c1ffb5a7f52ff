/** The roles a signed-in user of the desk or the studio may hold. */
export type UserRoleCode = 'clerk' | 'leader' | 'auditor' | 'admin';

/**
 * Who may call which API routes: the API's `@Roles(...ROUTE_ROLES.x)` and the desk (which shows
 * only what the API would answer, never a button that gets a 403) read the same table.
 */
export const ROUTE_ROLES = {
  /** GET /api/cases, /api/cases/:id, /api/cases/:id/timeline. */
  readCases: ['clerk', 'leader', 'auditor'],
  /** GET /api/journal/verify, GET /api/cases/:id/journal/verify. */
  verifyJournal: ['auditor', 'leader'],
  /** GET /api/journal. */
  searchJournal: ['auditor', 'leader', 'admin'],
  /** GET /api/identity-reveals. */
  identityReveals: ['auditor', 'leader', 'admin'],
  /** GET /api/attachment-downloads. */
  attachmentDownloads: ['auditor', 'leader', 'admin'],
} as const satisfies Record<string, readonly UserRoleCode[]>;

export type ApiRoute = keyof typeof ROUTE_ROLES;
