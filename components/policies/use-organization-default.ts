'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  organizationDefaultsRead,
  organizationDefaultUnset,
} from '@/components/shared/cache-after-write';
import { useWrite } from '@/components/shared/use-write';
import { useGraphApi } from '@/components/shell/graph-provider';
import {
  readOrganizationDefaults,
  switchOrganizationDefault,
  unsetOrganizationDefault,
  type DefaultSwitchOutcome,
  type PolicyRef,
} from '@/lib/graph/organization-default';
import type { DefaultRepair } from './organization-default';

/** Runs a default switch (and its repairs) and keeps what the tenant was read back to hold. */
export function useDefaultSwitch() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<DefaultSwitchOutcome>();
  const defaultsRead = (defaults: PolicyRef[] | undefined) => {
    if (defaults)
      organizationDefaultsRead(
        queryClient,
        defaults.map((p) => p.id),
      );
  };
  const switching = useMutation({
    mutationFn: (args: { wanted: PolicyRef; expectedPrevious: PolicyRef | undefined }) =>
      write(() => switchOrganizationDefault(api, args.wanted, args.expectedPrevious)),
    onSuccess: (result) => {
      setOutcome(result);
      defaultsRead(result.defaultsNow);
    },
  });
  const checking = useMutation({
    mutationFn: () => readOrganizationDefaults(api),
    onSuccess: (defaultsNow) => {
      setOutcome((previous) => previous && { ...previous, defaultsNow, readBackError: undefined });
      defaultsRead(defaultsNow);
    },
    onError: (readBackError) =>
      setOutcome((previous) => previous && { ...previous, readBackError }),
  });

  const run = (wanted: PolicyRef, expectedPrevious: PolicyRef | undefined) =>
    switching.mutateAsync({ wanted, expectedPrevious });

  const repair = async (action: DefaultRepair) => {
    if (!outcome) return;
    if (action.kind === 'make-default') return run(action.policy, outcome.defaultsNow?.[0]);
    await checking.mutateAsync().catch(() => undefined);
  };

  return {
    outcome,
    busy: switching.isPending || checking.isPending,
    run,
    repair,
    reset: () => setOutcome(undefined),
  };
}

/** Stop a policy being the organization default; the cache is told what the tenant holds. */
export function useUnsetDefault() {
  const api = useGraphApi();
  const write = useWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (args: { policyId: string; onChecking?: () => void }) =>
      write(() => unsetOrganizationDefault(api, args.policyId, args.onChecking)),
    onSuccess: (result, { policyId }) => {
      if (result.state === 'done') organizationDefaultUnset(queryClient, policyId);
    },
  });
}
