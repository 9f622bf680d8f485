'use client';

import { useQuery } from '@tanstack/react-query';
import { useGraphApi } from '@/components/shell/graph-provider';
import { queryKeys } from '@/components/shared/query-keys';

export function usePolicies() {
  const api = useGraphApi();
  return useQuery({
    queryKey: queryKeys.policies,
    queryFn: ({ signal }) => api.listPolicies({ signal }),
  });
}

/** `enabled: false` once the policy is deleted: reading it again would only show a 404. */
export function usePolicy(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useGraphApi();
  return useQuery({
    queryKey: queryKeys.policy(id),
    queryFn: ({ signal }) => api.getPolicy(id, { signal }),
    enabled,
  });
}

export function useAppliesTo(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useGraphApi();
  return useQuery({
    queryKey: queryKeys.appliesTo(id),
    queryFn: ({ signal }) => api.listAppliesTo(id, { signal }),
    enabled,
  });
}
