import type { SessionUserView } from '@gongkai/contracts';

/** The signed-in user as every route sees it: the contracts' `GET /api/auth/me` user. */
export type SessionUser = SessionUserView;
