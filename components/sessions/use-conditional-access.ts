'use client';

import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '@/components/shared/query-keys';
import { useMemo } from 'react';
import { useAuth } from '@/components/auth/auth-provider';
import { useGraphApi } from '@/components/shell/graph-provider';
import { createGraphApi } from '@/lib/graph/client';

/** Conditional Access policies: Policy.Read.All, which the dashboard already holds for reading. */
export function useConditionalAccessPolicies(enabled: boolean) {
  const api = useGraphApi();
  return useQuery({
    queryKey: queryKeys.conditionalAccessPolicies,
    enabled,
    queryFn: () => api.listConditionalAccessPolicies(),
  });
}

/**
 * A Graph client whose writes ask for the Conditional Access permissions — only when a draft is
 * created (incremental consent); reads keep the sign-in permissions.
 */
export function useConditionalAccessWriter() {
  const { settings, tokenSource } = useAuth();
  return useMemo(
    () =>
      createGraphApi({
        getToken: tokenSource,
        graphBaseUrl: settings.graphBaseUrl,
        readScopes: settings.scopes.read,
        writeScopes: settings.scopes.conditionalAccessWrite,
      }),
    [settings, tokenSource],
  );
}
