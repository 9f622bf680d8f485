'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { policyDeleted } from '@/components/shared/cache-after-write';
import { useWrite } from '@/components/shared/use-write';
import { useGraphApi } from '@/components/shell/graph-provider';
import { deletePolicyChecked } from '@/lib/graph/policy-writes';

/** Delete a policy (checked against the tenant after an unclear failure); the cache drops it. */
export function useDeletePolicy() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { policyId: string; onChecking?: () => void }) =>
      write(() => deletePolicyChecked(api, args.policyId, args.onChecking)),
    onSuccess: (result, { policyId }) => {
      if (result.state === 'done') policyDeleted(queryClient, policyId);
    },
  });
}
