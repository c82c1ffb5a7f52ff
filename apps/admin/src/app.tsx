import { ApiClient, ApiClientProvider, ApiError, I18nProvider } from '@gongkai/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState, type ReactNode } from 'react';
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
const SettingsPage = page(() => import('./settings/settings.page'), 'SettingsPage');
const NotFoundPage = page(() => import('./shell/not-found.page'), 'NotFoundPage');

const defaultClient = new ApiClient();

function newQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not get better by asking again; a dropped connection might.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 10_000,
      },
    },
  });
}

export function App({ client = defaultClient }: { client?: ApiClient }) {
  const [queryClient] = useState(newQueryClient);
  return (
    <I18nProvider>
      <ApiClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
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
                  <Route path="settings" element={<SettingsPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </BrowserRouter>
          </SessionProvider>
        </QueryClientProvider>
      </ApiClientProvider>
    </I18nProvider>
  );
}

function Desk(): ReactNode {
  return (
    <RequireSession>
      <DeskLayout />
    </RequireSession>
  );
}
