'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policySaved } from '@/components/shared/cache-after-write';
import { queryKeys } from '@/components/shared/query-keys';
import { useWrite } from '@/components/shared/use-write';
import { useGraphApi } from '@/components/shell/graph-provider';
import { createPolicyOnce, updatePolicyAndReadBack } from '@/lib/graph/policy-writes';
import type { PolicyInput, TokenLifetimePolicy } from '@/lib/graph/types';

/** Create a policy, never twice (lib/graph/policy-writes.ts); the cache gets the new policy. */
export function useCreatePolicy() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { input: PolicyInput; allowSameName?: boolean; onChecking?: () => void }) =>
      write(() =>
        createPolicyOnce(api, args.input, {
          allowSameName: args.allowSameName,
          onChecking: args.onChecking,
        }),
      ),
    onSuccess: (outcome) => {
      if (outcome.state === 'created') policySaved(queryClient, outcome.policy);
    },
  });
}

type PolicyPatch = Pick<TokenLifetimePolicy, 'displayName' | 'description' | 'definition'>;

/**
 * Save an edit (checked against the tenant after a failure without a clear answer), then read
 * back that one policy — one request — for the cache; the rest of the tenant is not read again.
 */
export function useUpdatePolicy() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (args: { policyId: string; patch: PolicyPatch; onChecking?: () => void }) => {
      const result = await write(() =>
        updatePolicyAndReadBack(api, args.policyId, args.patch, args.onChecking),
      );
      if (result.policy) policySaved(queryClient, result.policy);
      else if (result.state === 'done') {
        // Saved, but not read back: only this policy's entries are read again when next shown.
        await queryClient.invalidateQueries({ queryKey: queryKeys.policy(args.policyId) });
        await queryClient.invalidateQueries({ queryKey: queryKeys.policies });
      }
      return result;
    },
  });
}
