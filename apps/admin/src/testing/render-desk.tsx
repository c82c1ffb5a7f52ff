import {
  ApiClient,
  ApiClientProvider,
  createFakeFetch,
  I18nProvider,
  type FakeHandler,
  type Locale,
  type FakeRequest,
} from '@gongkai/ui';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { RequireSession, SessionProvider } from '../auth/session.context';
import type { DeskUser } from '../auth/desk-user';

export const TEST_USER: DeskUser = {
  id: 'u1',
  username: 'clerk',
  displayName: '张经办',
  roles: ['clerk'],
  agencyId: 'a1',
  agencyCode: 'demo',
  agencyName: '示例区人民政府办公室',
  scopeAgencyIds: ['a1'],
  writeAgencyIds: ['a1'],
};

export const TEST_AUDITOR: DeskUser = {
  ...TEST_USER,
  username: 'auditor',
  displayName: '李审计',
  roles: ['auditor'],
};

export const TEST_ADMIN: DeskUser = {
  ...TEST_USER,
  username: 'admin',
  displayName: '赵管理',
  roles: ['admin'],
};

/** The query string of a request the fake API received, as a plain record. */
export function queryOf(request: FakeRequest): Record<string, string> {
  return Object.fromEntries(new URL(request.url, 'http://desk').searchParams.entries());
}

/** One page of the desk, signed in, at `path` matched by `pattern`, with a fake API. */
export function renderDeskPage(
  page: ReactNode,
  options: {
    routes: Record<string, FakeHandler>;
    path?: string;
    pattern?: string;
    user?: DeskUser;
    locale?: Locale;
  },
) {
  const fetch = createFakeFetch({
    'GET /api/auth/me': { body: { user: options.user ?? TEST_USER } },
    ...options.routes,
  });
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nProvider initialLocale={options.locale ?? 'zh-CN'}>
      <ApiClientProvider client={new ApiClient({ fetch })}>
        <QueryClientProvider client={queries}>
          <SessionProvider>
            <MemoryRouter initialEntries={[options.path ?? '/']}>
              <Routes>
                <Route
                  path={options.pattern ?? '/'}
                  element={<RequireSession>{page}</RequireSession>}
                />
                <Route path="/cases/:id" element={<div>case page</div>} />
                <Route path="/login" element={<div>sign-in page</div>} />
              </Routes>
            </MemoryRouter>
          </SessionProvider>
        </QueryClientProvider>
      </ApiClientProvider>
    </I18nProvider>,
  );
  return fetch;
}
