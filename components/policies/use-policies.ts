'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useWriteAccess } from '@/components/auth/write-access';
import { useGraphApi } from '@/components/shell/graph-provider';
import { invalidateDirectory } from '@/components/shell/use-directory-index';
import { GraphRequestError } from '@/lib/graph/errors';

export const POLICIES_KEY = ['policies'] as const;
export const policyKey = (id: string) => ['policy', id] as const;
export const appliesToKey = (id: string) => ['applies-to', id] as const;

export function usePolicies() {
  const api = useGraphApi();
  return useQuery({
    queryKey: POLICIES_KEY,
    queryFn: ({ signal }) => api.listPolicies({ signal }),
  });
}

/** `enabled: false` once the policy is deleted: reading it again would only show a 404. */
export function usePolicy(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useGraphApi();
  return useQuery({
    queryKey: policyKey(id),
    queryFn: ({ signal }) => api.getPolicy(id, { signal }),
    enabled,
  });
}

export function useAppliesTo(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  const api = useGraphApi();
  return useQuery({
    queryKey: appliesToKey(id),
    queryFn: ({ signal }) => api.listAppliesTo(id, { signal }),
    enabled,
  });
}

/** After a write: policies, links and the directory index are read again. */
export function useRefreshAfterWrite() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: POLICIES_KEY }),
      queryClient.invalidateQueries({ queryKey: ['policy'] }),
      queryClient.invalidateQueries({ queryKey: ['applies-to'] }),
      queryClient.invalidateQueries({ queryKey: ['linked-policy'] }),
      invalidateDirectory(queryClient),
    ]);
  }, [queryClient]);
}

/** A 403 thrown, or carried in an outcome (multi-step writes report refusals instead of throwing). */
export function refused(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(refused);
  if (value instanceof GraphRequestError) return value.status === 403;
  return typeof value === 'object' && value !== null && 'error' in value && refused(value.error);
}

/**
 * Every write goes through here: ask for write permissions the first time (incremental consent),
 * and turn a 403 into a lasting, explained read-only state rather than a raw error.
 */
export function useWrite() {
  const access = useWriteAccess();
  return useCallback(
    async <T>(write: () => Promise<T>): Promise<T> => {
      if (access.state === 'denied')
        throw new Error(access.reason ?? 'Your account cannot change token lifetime policies.');
      if (access.state !== 'granted' && !(await access.request())) {
        throw new Error(
          'Write permissions were not granted, so nothing was changed. Try again and approve the permissions when Microsoft asks.',
        );
      }
      try {
        const result = await write();
        if (refused(result)) access.markDenied();
        return result;
      } catch (error) {
        if (refused(error)) access.markDenied();
        throw error;
      }
    },
    [access],
  );
}
