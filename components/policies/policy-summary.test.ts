import { describe, expect, it } from 'vitest';
import { keptRows } from '@/components/ui/data-table/row-pipeline';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { summarizePolicies } from './policy-summary';

const policy = (id: string, displayName: string): TokenLifetimePolicy => ({
  id,
  displayName,
  isOrganizationDefault: false,
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
});

describe('the policies an app is linked to (the "linked to app" filter)', () => {
  const policies = [policy('p1', 'Orders 2h'), policy('p2', 'Reports 2h'), policy('p3', 'Unused')];
  const summaries = summarizePolicies(policies, {
    policies,
    targets: [
      { appId: 'AAAA-1111', displayName: 'Contoso Orders API', servicePrincipalPolicyId: 'p1' },
      { appId: 'bbbb-2222', displayName: 'Reporting', applicationPolicyId: 'p2' },
      {
        appId: 'cccc-3333',
        displayName: 'Orders Worker',
        applicationPolicyId: 'p2',
        servicePrincipalPolicyId: 'p1',
      },
    ],
  });
  const linkedTo = (text: string) =>
    keptRows(summaries.length, [
      { kind: 'includes', keys: summaries.map((s) => s.linkedAppsText), value: text },
    ]).map((i) => summaries[i].policy.displayName);

  it('finds policies by an app name, any case, on the SP or the app object', () => {
    expect(linkedTo('ORDERS')).toEqual(['Orders 2h', 'Reports 2h']);
    expect(linkedTo('reporting')).toEqual(['Reports 2h']);
  });

  it('finds policies by appId, and none for an unlinked app or text across two apps', () => {
    expect(linkedTo('aaaa-1111')).toEqual(['Orders 2h']);
    expect(linkedTo('no such app')).toEqual([]);
    expect(linkedTo('api orders')).toEqual([]);
  });
});
