import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import { ApiClientProvider } from '../api/api-client.context';
import { ApiError } from '../api/api-error';
import { I18nProvider } from '../i18n/i18n.context';

/** Server state for the web apps: how long answers stay fresh and when asking again helps. */
export function newQueryClient(staleTimeMs = 10_000): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx (a session ended, a report not published) will not get better by asking again;
        // a dropped connection might.
        retry: (count, error) =>
          count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: staleTimeMs,
      },
    },
  });
}

/** The providers every Gongkai web app stands in: language, the API client, server state. */
export function AppProviders({
  client,
  staleTimeMs,
  children,
}: {
  client: ApiClient;
  staleTimeMs?: number;
  children: ReactNode;
}) {
  const [queryClient] = useState(() => newQueryClient(staleTimeMs));
  return (
    <I18nProvider>
      <ApiClientProvider client={client}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </ApiClientProvider>
    </I18nProvider>
  );
}
