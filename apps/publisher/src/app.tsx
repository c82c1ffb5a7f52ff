import { ApiClient, AppProviders } from '@gongkai/ui';
import { createElement, lazy, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PublisherLayout } from './shell/publisher-layout';
import { SITE_PAGES, type SitePath } from './shell/site-pages';

// Each page is its own chunk: a citizen reading the landing page never loads the studio.
const page = <T extends Record<string, ComponentType>>(load: () => Promise<T>, name: keyof T) =>
  lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));

const PublicHomePage = page(() => import('./public-site/public-home.page'), 'PublicHomePage');
const ApplyPage = page(() => import('./online/apply.page'), 'ApplyPage');
const ApplicationReceiptPage = page(
  () => import('./online/application-receipt.page'),
  'ApplicationReceiptPage',
);
const ApplicationStatusPage = page(
  () => import('./online/application-status.page'),
  'ApplicationStatusPage',
);
const ReportsIndexPage = page(() => import('./public-site/reports-index.page'), 'ReportsIndexPage');
const AgencyReportsPage = page(
  () => import('./public-site/agency-reports.page'),
  'AgencyReportsPage',
);
const PublishedReportPage = page(
  () => import('./public-site/published-report.page'),
  'PublishedReportPage',
);
const OpenDataPage = page(() => import('./public-site/open-data.page'), 'OpenDataPage');
const StudioPage = page(() => import('./studio/studio.page'), 'StudioPage');
const NotFoundPage = page(() => import('./shell/not-found.page'), 'NotFoundPage');

/** The page of each path of SITE_PAGES (which also titles the browser tab). */
const PAGES: Record<SitePath, ComponentType> = {
  '/': PublicHomePage,
  '/apply': ApplyPage,
  '/apply/receipt': ApplicationReceiptPage,
  '/track': ApplicationStatusPage,
  '/reports': ReportsIndexPage,
  '/reports/:agencyCode': AgencyReportsPage,
  '/reports/:agencyCode/:year': PublishedReportPage,
  '/open-data': OpenDataPage,
  '/studio': StudioPage,
};

const defaultClient = new ApiClient();

export function App({ client = defaultClient }: { client?: ApiClient }) {
  return (
    <AppProviders client={client} staleTimeMs={30_000}>
      <BrowserRouter>
        <Routes>
          <Route element={<PublisherLayout />}>
            {SITE_PAGES.map(({ path }) => (
              <Route key={path} path={path} element={createElement(PAGES[path])} />
            ))}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AppProviders>
  );
}
