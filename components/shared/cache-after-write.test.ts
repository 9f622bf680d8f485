// The cache after a write, on a real QueryClient: patched with what the write read back, and the
// directory index never marked for a full re-read.
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { LinkOutcome } from '@/lib/graph/link-writes';
import type { LinkedObject } from '@/lib/graph/types';
import type { DirectoryIndex, TokenLifetimePolicy } from '@/lib/policy/types';
import {
  linksRead,
  organizationDefaultUnset,
  policyDeleted,
  policySaved,
} from './cache-after-write';
import { queryKeys } from './query-keys';

const policy = (id: string, isOrganizationDefault = false): TokenLifetimePolicy => ({
  id,
  displayName: id,
  isOrganizationDefault,
  definition: [],
});
const sp = { id: 's1', appId: 'a1', displayName: 'App 1', servicePrincipalType: 'Application' };

function cache() {
  const queryClient = new QueryClient();
  const index = {
    policies: [policy('p1', true), policy('p2')],
    targets: [
      { appId: 'a1', displayName: 'App 1', servicePrincipal: sp, servicePrincipalPolicyId: 'p1' },
    ],
  } as DirectoryIndex;
  queryClient.setQueryData(queryKeys.directoryIndex, index);
  queryClient.setQueryData(queryKeys.policies, index.policies);
  queryClient.setQueryData<LinkedObject[]>(queryKeys.appliesTo('p1'), [
    { objectType: 'servicePrincipal', id: 's1', appId: 'a1', displayName: 'App 1' },
  ]);
  queryClient.setQueryData<LinkedObject[]>(queryKeys.appliesTo('p2'), []);
  const indexState = () => queryClient.getQueryState(queryKeys.directoryIndex)!;
  const indexNow = () => queryClient.getQueryData<DirectoryIndex>(queryKeys.directoryIndex)!;
  return { queryClient, indexState, indexNow };
}

const replaced = (now: string | null | undefined): LinkOutcome => ({
  target: { objectType: 'servicePrincipal', objectId: 's1', appId: 'a1', displayName: 'App 1' },
  status: now === 'p2' ? 'replaced' : 'failed',
  intended: 'p2',
  wrote: true,
  previousPolicyId: 'p1',
  nowPolicyId: now,
});

describe('the cache after a write', () => {
  it('a replace moves the object between the policies’ appliesTo and in the index', () => {
    const { queryClient, indexState, indexNow } = cache();
    linksRead(queryClient, [replaced('p2')]);
    expect(indexNow().targets[0].servicePrincipalPolicyId).toBe('p2');
    expect(queryClient.getQueryData<LinkedObject[]>(queryKeys.appliesTo('p1'))).toEqual([]);
    expect(queryClient.getQueryData<LinkedObject[]>(queryKeys.appliesTo('p2'))).toEqual([
      { objectType: 'servicePrincipal', id: 's1', appId: 'a1', displayName: 'App 1' },
    ]);
    expect(indexState().isInvalidated).toBe(false);
  });

  it('an object whose read-back failed is not guessed: its policies’ appliesTo are read again', () => {
    const { queryClient, indexState, indexNow } = cache();
    linksRead(queryClient, [replaced(undefined)]);
    expect(indexNow().targets[0].servicePrincipalPolicyId).toBe('p1');
    expect(queryClient.getQueryState(queryKeys.appliesTo('p1'))!.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(queryKeys.appliesTo('p2'))!.isInvalidated).toBe(true);
    expect(indexState().isInvalidated).toBe(false);
  });

  it('a saved policy is put in the list, the index and its own entry', () => {
    const { queryClient, indexState, indexNow } = cache();
    const edited = { ...policy('p2'), displayName: 'Two hours' };
    policySaved(queryClient, edited);
    expect(indexNow().policies[1].displayName).toBe('Two hours');
    expect(queryClient.getQueryData(queryKeys.policy('p2'))).toEqual(edited);
    expect(
      queryClient
        .getQueryData<TokenLifetimePolicy[]>(queryKeys.policies)!
        .map((p) => p.displayName),
    ).toEqual(['p1', 'Two hours']);
    expect(indexState().isInvalidated).toBe(false);
  });

  it('a deleted policy leaves the list and the index, with its links', () => {
    const { queryClient, indexNow } = cache();
    policyDeleted(queryClient, 'p1');
    expect(indexNow().policies.map((p) => p.id)).toEqual(['p2']);
    expect(indexNow().targets[0].servicePrincipalPolicyId).toBeUndefined();
    expect(queryClient.getQueryData(queryKeys.appliesTo('p1'))).toBeUndefined();
  });

  it('an unset default is no default anywhere in the cache', () => {
    const { queryClient, indexNow } = cache();
    organizationDefaultUnset(queryClient, 'p1');
    expect(indexNow().policies.some((p) => p.isOrganizationDefault)).toBe(false);
    expect(
      queryClient
        .getQueryData<TokenLifetimePolicy[]>(queryKeys.policies)!
        .some((p) => p.isOrganizationDefault),
    ).toBe(false);
  });
});
