import { createContext, useContext, type ReactNode } from 'react';
import { ApiClient } from './api-client';

const defaultClient = new ApiClient();
const ApiClientContext = createContext<ApiClient>(defaultClient);

/** Lets tests and apps choose the client (base URL, fetch); components call `useApiClient()`. */
export function ApiClientProvider({
  client,
  children,
}: {
  client: ApiClient;
  children: ReactNode;
}) {
  return <ApiClientContext.Provider value={client}>{children}</ApiClientContext.Provider>;
}

export function useApiClient(): ApiClient {
  return useContext(ApiClientContext);
}
