'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState } from 'react';
import { createGraphApi, type GraphApi } from '@/lib/graph/client';
import { GraphRequestError } from '@/lib/graph/errors';
import { useAuth } from '../auth/auth-provider';
import { timeLimitMs } from '@/lib/auth/time-limits';

const GraphApiContext = createContext<GraphApi | undefined>(undefined);

/** The Graph client built once over MSAL, and TanStack Query for server state. */
export function GraphProvider({ children }: { children: React.ReactNode }) {
  const { settings, tokenSource } = useAuth();
  const api = useMemo(
    () =>
      createGraphApi({
        getToken: tokenSource,
        graphBaseUrl: settings.graphBaseUrl,
        readScopes: settings.scopes.read,
        writeScopes: settings.scopes.write,
        historyScopes: settings.scopes.history,
        timeoutMs: () => timeLimitMs(settings),
      }),
    [settings, tokenSource],
  );
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 60_000,
            refetchOnWindowFocus: false,
            // lib/graph already retried throttling and outages; a client error will not get better,
            // and a second 30 s wait after a timeout would only keep the admin waiting.
            retry: (count, error) =>
              !(
                error instanceof GraphRequestError &&
                ((error.status >= 400 && error.status < 500) || error.timedOut)
              ) && count < 1,
          },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <GraphApiContext.Provider value={api}>{children}</GraphApiContext.Provider>
    </QueryClientProvider>
  );
}

export function useGraphApi(): GraphApi {
  const api = useContext(GraphApiContext);
  if (!api) throw new Error('useGraphApi must be used inside <GraphProvider>.');
  return api;
}
