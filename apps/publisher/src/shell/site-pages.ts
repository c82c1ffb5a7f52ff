import { matchPath } from 'react-router-dom';

/** A page's name in publisherMessages, for the browser tab. */
export type SitePageTitle =
  | 'heroTitle'
  | 'applyTitle'
  | 'receiptTitle'
  | 'trackTitle'
  | 'reportsTitle'
  | 'openData'
  | 'studioTitle';

/**
 * The pages of the public site: the router's table (app.tsx gives each path its page) and the
 * browser tab's title, so a page added to the site cannot be left untitled.
 */
export const SITE_PAGES = [
  { path: '/', title: 'heroTitle' },
  { path: '/apply', title: 'applyTitle' },
  { path: '/apply/receipt', title: 'receiptTitle' },
  { path: '/track', title: 'trackTitle' },
  { path: '/reports', title: 'reportsTitle' },
  { path: '/reports/:agencyCode', title: 'reportsTitle' },
  { path: '/reports/:agencyCode/:year', title: 'reportsTitle' },
  { path: '/open-data', title: 'openData' },
  { path: '/studio', title: 'studioTitle' },
] as const satisfies readonly { path: string; title: SitePageTitle }[];

export type SitePath = (typeof SITE_PAGES)[number]['path'];

/** The message key of the page's name at `pathname`; 404's for a path the site does not have. */
export function sitePageTitle(pathname: string): SitePageTitle | 'notFoundTitle' {
  return SITE_PAGES.find((p) => matchPath(p.path, pathname))?.title ?? 'notFoundTitle';
}
