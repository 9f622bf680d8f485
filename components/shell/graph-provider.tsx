'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { GraphApi, GraphApiOptions } from '@/lib/graph/client';
import { GraphRequestError } from '@/lib/graph/errors';
import { useAuth } from '../auth/auth-provider';
import { timeLimitMs } from '@/lib/auth/time-limits';

const GraphApiContext = createContext<GraphApi | undefined>(undefined);

/**
 * The Graph client, built once over MSAL, but loaded after first paint: the Graph SDK is not part
 * of any route's first-load JavaScript. Every call waits for it; graphBaseUrl is known at once.
 */
function deferredGraphApi(options: GraphApiOptions): { api: GraphApi; load: () => void } {
  let loaded: Promise<GraphApi> | undefined;
  const load = () =>
    (loaded ??= import('@/lib/graph/client').then(({ createGraphApi }) => createGraphApi(options)));
  const base = new URL(options.graphBaseUrl.replace(/\/$/, ''));
  const known: Pick<GraphApi, 'graphBaseUrl'> = { graphBaseUrl: `${base.origin}${base.pathname}` };
  const api = new Proxy(known, {
    get(target, name) {
      if (name in target || typeof name === 'symbol' || name === 'then')
        return Reflect.get(target, name);
      return async (...args: unknown[]) => {
        const method = Reflect.get(await load(), name) as (...a: unknown[]) => unknown;
        return method(...args);
      };
    },
  }) as GraphApi;
  return { api, load: () => void load() };
}

/** The Graph client built once over MSAL, and TanStack Query for server state. */
export function GraphProvider({ children }: { children: React.ReactNode }) {
  const { settings, tokenSource } = useAuth();
  const { api, load } = useMemo(
    () =>
      deferredGraphApi({
        getToken: tokenSource,
        graphBaseUrl: settings.graphBaseUrl,
        readScopes: settings.scopes.read,
        writeScopes: settings.scopes.write,
        historyScopes: settings.scopes.history,
        timeoutMs: () => timeLimitMs(settings),
      }),
    [settings, tokenSource],
  );
  // Fetched as soon as the page has painted, so the first Graph call hardly waits for it.
  useEffect(load, [load]);
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
