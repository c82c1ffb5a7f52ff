import { ApiClient, ApiClientProvider, I18nProvider } from '@gongkai/ui';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireSession, SessionProvider } from './auth/session.context';
import { AdminLayout } from './shell/admin-layout';

// Each page is its own chunk: the sign-in page must not pay for the workbench.
const SignInPage = lazy(() =>
  import('./auth/sign-in.page').then((m) => ({ default: m.SignInPage })),
);
const WorkbenchPage = lazy(() =>
  import('./workbench/workbench.page').then((m) => ({ default: m.WorkbenchPage })),
);
const NotFoundPage = lazy(() =>
  import('./shell/not-found.page').then((m) => ({ default: m.NotFoundPage })),
);

const defaultClient = new ApiClient();

export function App({ client = defaultClient }: { client?: ApiClient }) {
  return (
    <I18nProvider>
      <ApiClientProvider client={client}>
        <SessionProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<AdminLayout />}>
                <Route
                  index
                  element={
                    <RequireSession>
                      <WorkbenchPage />
                    </RequireSession>
                  }
                />
                <Route path="login" element={<SignInPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </SessionProvider>
      </ApiClientProvider>
    </I18nProvider>
  );
}
