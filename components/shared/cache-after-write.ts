// After a write, the cache is told what changed — from what the write read back — instead of
// reading the tenant again: the directory index is patched (directory-index-patches.ts), and the
// policy list, the policy and appliesTo entries the write touched are set. Nothing here calls Graph.
import type { QueryClient } from '@tanstack/react-query';
import type { LinkOutcome } from '@/lib/graph/link-writes';
import type { LinkedObject } from '@/lib/graph/types';
import { findOrganizationDefaults } from '@/lib/policy/rules';
import type { DirectoryIndex, TokenLifetimePolicy } from '@/lib/policy/types';
import {
  withLinks,
  withOrganizationDefaults,
  withPolicyDeleted,
  withPolicySaved,
  type LinkChange,
} from './directory-index-patches';
import { queryKeys } from './query-keys';

const patchIndex = (queryClient: QueryClient, patch: (index: DirectoryIndex) => DirectoryIndex) =>
  queryClient.setQueryData<DirectoryIndex>(queryKeys.directoryIndex, (index) =>
    index ? patch(index) : index,
  );

const patchPolicies = (
  queryClient: QueryClient,
  patch: (policies: TokenLifetimePolicy[]) => TokenLifetimePolicy[],
) =>
  queryClient.setQueryData<TokenLifetimePolicy[]>(queryKeys.policies, (policies) =>
    policies ? patch(policies) : policies,
  );

/** A policy created or edited, as Graph returned or was read back to hold it. */
export function policySaved(queryClient: QueryClient, policy: TokenLifetimePolicy) {
  patchIndex(queryClient, (index) => withPolicySaved(index, policy));
  patchPolicies(queryClient, (policies) =>
    policies.some((p) => p.id === policy.id)
      ? policies.map((p) => (p.id === policy.id ? policy : p))
      : [...policies, policy],
  );
  queryClient.setQueryData(queryKeys.policy(policy.id), policy);
  // A new policy is linked to nothing yet: no need to ask Graph.
  if (!queryClient.getQueryData(queryKeys.appliesTo(policy.id)))
    queryClient.setQueryData<LinkedObject[]>(queryKeys.appliesTo(policy.id), []);
}

export function policyDeleted(queryClient: QueryClient, policyId: string) {
  patchIndex(queryClient, (index) => withPolicyDeleted(index, policyId));
  patchPolicies(queryClient, (policies) => policies.filter((p) => p.id !== policyId));
  // The page that showed it is being left: a query still observed is left alone (reading it
  // again would only show a 404); the others are forgotten.
  queryClient.removeQueries({ queryKey: queryKeys.policy(policyId), type: 'inactive' });
  queryClient.removeQueries({ queryKey: queryKeys.appliesTo(policyId), type: 'inactive' });
}

/** The organization defaults as read back after a switch. */
export function organizationDefaultsRead(queryClient: QueryClient, defaultPolicyIds: string[]) {
  const defaults = new Set(defaultPolicyIds);
  markDefaults(queryClient, (p) => defaults.has(p.id));
  patchIndex(queryClient, (index) => withOrganizationDefaults(index, defaultPolicyIds));
}

/** A policy is no longer the organization default (read back so); any other is left as it was. */
export function organizationDefaultUnset(queryClient: QueryClient, policyId: string) {
  markDefaults(queryClient, (p) => p.isOrganizationDefault && p.id !== policyId);
  patchIndex(queryClient, (index) =>
    withOrganizationDefaults(
      index,
      findOrganizationDefaults(index.policies)
        .filter((p) => p.id !== policyId)
        .map((p) => p.id),
    ),
  );
}

function markDefaults(
  queryClient: QueryClient,
  isDefault: (policy: TokenLifetimePolicy) => boolean,
) {
  const mark = (p: TokenLifetimePolicy) =>
    p.isOrganizationDefault === isDefault(p) ? p : { ...p, isOrganizationDefault: isDefault(p) };
  patchPolicies(queryClient, (policies) => policies.map(mark));
  for (const [key, policy] of queryClient.getQueriesData<TokenLifetimePolicy>({
    queryKey: queryKeys.allPolicies,
  }))
    if (policy) queryClient.setQueryData(key, mark(policy));
}

/**
 * Objects linked, unlinked or replaced: each as read back. An object whose read-back failed is
 * not patched (what it holds is unknown); its policies' appliesTo entries are read again instead.
 */
export function linksRead(queryClient: QueryClient, outcomes: LinkOutcome[]) {
  const changes: LinkChange[] = [];
  const unknown = new Set<string>();
  for (const o of outcomes) {
    if (!o.wrote) continue;
    if (o.nowPolicyId === undefined) {
      for (const id of [o.previousPolicyId, o.intended]) if (id) unknown.add(id);
      continue;
    }
    changes.push({
      objectType: o.target.objectType,
      objectId: o.target.objectId,
      policyId: o.nowPolicyId,
    });
  }
  patchIndex(queryClient, (index) => withLinks(index, changes));
  const holds = new Map(changes.map((c) => [`${c.objectType}:${c.objectId}`, c.policyId]));
  const targets = new Map(
    outcomes.map((o) => [`${o.target.objectType}:${o.target.objectId}`, o.target]),
  );
  for (const [key, linked] of queryClient.getQueriesData<LinkedObject[]>({
    queryKey: queryKeys.allAppliesTo,
  })) {
    if (!linked) continue;
    const policyId = key[1] as string;
    const kept = linked.filter((l) => {
      const now = holds.get(`${l.objectType}:${l.id}`);
      return now === undefined || now === policyId;
    });
    const added = [...holds]
      .filter(
        ([object, now]) =>
          now === policyId && !kept.some((l) => `${l.objectType}:${l.id}` === object),
      )
      .map(([object]): LinkedObject => {
        const target = targets.get(object)!;
        return {
          objectType: target.objectType,
          id: target.objectId,
          appId: target.appId,
          displayName: target.displayName,
        };
      });
    if (added.length > 0 || kept.length !== linked.length)
      queryClient.setQueryData(key, [...kept, ...added]);
  }
  for (const policyId of unknown)
    void queryClient.invalidateQueries({ queryKey: queryKeys.appliesTo(policyId) });
}
