'use client';

import { useQuery } from '@tanstack/react-query';
import { useGraphApi } from '@/components/shell/graph-provider';

export const POLICIES_KEY = ['policies'] as const;

export function usePolicies() {
  const api = useGraphApi();
  return useQuery({ queryKey: POLICIES_KEY, queryFn: () => api.listPolicies() });
}
