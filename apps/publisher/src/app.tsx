import { ApiClient, ApiClientProvider, I18nProvider } from '@gongkai/ui';
import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PublisherLayout } from './shell/publisher-layout';

// Each page is its own chunk: a citizen reading the landing page never loads the studio.
const PublicHomePage = lazy(() =>
  import('./public-site/public-home.page').then((m) => ({ default: m.PublicHomePage })),
);
const StudioSignInPage = lazy(() =>
  import('./studio/studio-sign-in.page').then((m) => ({ default: m.StudioSignInPage })),
);
const NotFoundPage = lazy(() =>
  import('./shell/not-found.page').then((m) => ({ default: m.NotFoundPage })),
);

const defaultClient = new ApiClient();

export function App({ client = defaultClient }: { client?: ApiClient }) {
  return (
    <I18nProvider>
      <ApiClientProvider client={client}>
        <BrowserRouter>
          <Routes>
            <Route element={<PublisherLayout />}>
              <Route index element={<PublicHomePage />} />
              <Route path="studio" element={<StudioSignInPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </ApiClientProvider>
    </I18nProvider>
  );
}
