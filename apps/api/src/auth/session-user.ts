/** The signed-in user as every route sees it (`@CurrentUser()`). */
export type { SessionUser } from '@gongkai/application';
