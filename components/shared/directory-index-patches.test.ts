import { describe, expect, it } from 'vitest';
import type { DirectoryIndex, TokenLifetimePolicy } from '@/lib/policy/types';
import {
  withLinks,
  withOrganizationDefaults,
  withPolicyDeleted,
  withPolicySaved,
} from './directory-index-patches';

const policy = (id: string, isOrganizationDefault = false): TokenLifetimePolicy => ({
  id,
  displayName: id,
  isOrganizationDefault,
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
});

function index(): DirectoryIndex {
  return {
    policies: [policy('p1', true), policy('p2')],
    targets: [
      {
        appId: 'a1',
        displayName: 'App 1',
        application: { id: 'o1', appId: 'a1', displayName: 'App 1' },
        servicePrincipal: {
          id: 's1',
          appId: 'a1',
          displayName: 'App 1',
          servicePrincipalType: 'Application',
        },
        servicePrincipalPolicyId: 'p2',
      },
      {
        appId: 'a2',
        displayName: 'App 2',
        servicePrincipal: {
          id: 's2',
          appId: 'a2',
          displayName: 'App 2',
          servicePrincipalType: 'Application',
        },
      },
    ],
  } as DirectoryIndex;
}

describe('directory index patches: one write, its effect, nothing else', () => {
  it('withPolicySaved replaces an edited policy in place and adds a new one', () => {
    const before = index();
    const edited = { ...policy('p2'), displayName: 'renamed' };
    const after = withPolicySaved(before, edited);
    expect(after.policies.map((p) => p.displayName)).toEqual(['p1', 'renamed']);
    expect(after.targets).toBe(before.targets);
    expect(before.policies[1].displayName).toBe('p2');
    expect(withPolicySaved(before, policy('p3')).policies.map((p) => p.id)).toEqual([
      'p1',
      'p2',
      'p3',
    ]);
  });

  it('withPolicyDeleted drops the policy and every link to it', () => {
    const before = index();
    const after = withPolicyDeleted(before, 'p2');
    expect(after.policies.map((p) => p.id)).toEqual(['p1']);
    expect(after.targets[0].servicePrincipalPolicyId).toBeUndefined();
    // An object that held no link to it is the same object.
    expect(after.targets[1]).toBe(before.targets[1]);
  });

  it('withLinks sets each touched object to what it was read back to hold, by object id', () => {
    const before = index();
    const after = withLinks(before, [
      { objectType: 'servicePrincipal', objectId: 's1', policyId: null },
      { objectType: 'servicePrincipal', objectId: 's2', policyId: 'p1' },
      { objectType: 'application', objectId: 'o1', policyId: 'p2' },
    ]);
    expect(after.targets[0]).toMatchObject({ applicationPolicyId: 'p2' });
    expect(after.targets[0].servicePrincipalPolicyId).toBeUndefined();
    expect(after.targets[1].servicePrincipalPolicyId).toBe('p1');
    // The cached index itself is not changed (TanStack Query compares by reference).
    expect(before.targets[0].servicePrincipalPolicyId).toBe('p2');
  });

  it('withLinks leaves untouched objects as the same objects', () => {
    const before = index();
    const after = withLinks(before, [
      { objectType: 'servicePrincipal', objectId: 's2', policyId: 'p1' },
    ]);
    expect(after.targets[0]).toBe(before.targets[0]);
    expect(after.policies).toBe(before.policies);
  });

  it('withOrganizationDefaults marks exactly the defaults read back', () => {
    const after = withOrganizationDefaults(index(), ['p2']);
    expect(after.policies.map((p) => [p.id, p.isOrganizationDefault])).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
    expect(
      withOrganizationDefaults(index(), []).policies.every((p) => !p.isOrganizationDefault),
    ).toBe(true);
  });
});
