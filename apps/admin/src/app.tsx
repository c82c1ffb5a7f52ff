import { ApiClient, AppProviders } from '@gongkai/ui';
import { lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireSession, SessionProvider } from './auth/session.context';
import { PublicLayout } from './shell/public-layout';

// Each page is its own chunk, and so is the desk's layout: the sign-in page pays for neither.
const page = <T extends Record<string, React.ComponentType>>(
  load: () => Promise<T>,
  name: keyof T,
) => lazy(() => load().then((m) => ({ default: m[name] as React.ComponentType })));

const SignInPage = page(() => import('./auth/sign-in.page'), 'SignInPage');
const DeskLayout = page(() => import('./shell/desk-layout'), 'DeskLayout');
const WorkbenchPage = page(() => import('./workbench/workbench.page'), 'WorkbenchPage');
const CaseListPage = page(() => import('./cases/case-list.page'), 'CaseListPage');
const RegisterCasePage = page(() => import('./cases/register-case.page'), 'RegisterCasePage');
const CaseDetailPage = page(() => import('./cases/case-detail.page'), 'CaseDetailPage');
const ApprovalsPage = page(() => import('./approvals/approvals.page'), 'ApprovalsPage');
const StatisticsPage = page(() => import('./statistics/statistics.page'), 'StatisticsPage');
const AuditPage = page(() => import('./audit/audit.page'), 'AuditPage');
const ImportLedgerPage = page(() => import('./settings/import-ledger.page'), 'ImportLedgerPage');
const SettingsPage = page(() => import('./settings/settings.page'), 'SettingsPage');
const DeadlineCalculatorPage = page(
  () => import('./deadlines/deadline-calculator.page'),
  'DeadlineCalculatorPage',
);
const AgenciesPage = page(() => import('./agencies/agencies.page'), 'AgenciesPage');
const NotFoundPage = page(() => import('./shell/not-found.page'), 'NotFoundPage');

const defaultClient = new ApiClient();

export function App({ client = defaultClient }: { client?: ApiClient }) {
  return (
    <AppProviders client={client}>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route path="login" element={<SignInPage />} />
            </Route>
            <Route element={<Desk />}>
              <Route index element={<WorkbenchPage />} />
              <Route path="cases" element={<CaseListPage />} />
              <Route path="cases/new" element={<RegisterCasePage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="approvals" element={<ApprovalsPage />} />
              <Route path="statistics" element={<StatisticsPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="imports" element={<ImportLedgerPage />} />
              <Route path="settings" element={<SettingsPage />} />
              <Route path="agencies" element={<AgenciesPage />} />
              <Route path="deadlines" element={<DeadlineCalculatorPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </AppProviders>
  );
}

function Desk(): ReactNode {
  return (
    <RequireSession>
      <DeskLayout />
    </RequireSession>
  );
}
