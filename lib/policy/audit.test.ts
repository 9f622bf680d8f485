import { describe, expect, it } from 'vitest';
import { applyChange, auditSummary, classifyLifetime, diffImpact } from './audit';
import { parseDefinition } from './definition';
import { makePolicy, makeTarget } from './test-fixtures';
import type { DirectoryIndex } from './types';

const P2H = makePolicy('p2h', 7200, { displayName: 'Two hours' });
const P8H = makePolicy('p8h', 28800, { displayName: 'Eight hours' });
const P30 = makePolicy('p30', 1800, { displayName: 'Thirty minutes' });

function tenant(): DirectoryIndex {
  return {
    policies: [P2H, P8H, P30],
    targets: [
      makeTarget('a', { applicationPolicyId: 'p2h' }),
      makeTarget('b', { servicePrincipalPolicyId: 'p2h' }),
      makeTarget('c'),
      makeTarget('d', { applicationPolicyId: 'p8h' }),
    ],
  };
}

describe('classifyLifetime', () => {
  it.each([
    [null, 'built-in-default'],
    [600, 'shortened'],
    [3599, 'shortened'],
    [3600, 'standard'],
    [5400, 'standard'],
    [5401, 'extended'],
    [86398, 'extended'],
    [86399, 'maximum'],
    // An older policy may still hold 1 day (Graph no longer writes it): still the maximum class.
    [86400, 'maximum'],
  ] as const)('%s → %s', (seconds, auditClass) =>
    expect(classifyLifetime({ seconds })).toBe(auditClass),
  );
});

describe('applyChange and diffImpact', () => {
  it('edit-lifetime changes every target using that policy, and nothing else', () => {
    const before = tenant();
    const after = applyChange(before, {
      kind: 'edit-lifetime',
      policyId: 'p2h',
      accessTokenLifetimeSeconds: 3 * 3600,
    });
    expect(parseDefinition(after.policies[0].definition).accessTokenLifetime).toBe('03:00:00');
    expect(parseDefinition(before.policies[0].definition).accessTokenLifetime).toBe('02:00:00');
    const impact = diffImpact(before, after);
    expect(impact.map((i) => [i.appId, i.from.seconds, i.to.seconds])).toEqual([
      ['a', 7200, 10800],
      ['b', 7200, 10800],
    ]);
  });

  it('link affects one target and replaces an existing link (one policy per object)', () => {
    const before = tenant();
    const linked = applyChange(before, {
      kind: 'link',
      policyId: 'p30',
      objectType: 'application',
      objectId: 'app-c',
    });
    expect(
      diffImpact(before, linked).map((i) => [i.appId, i.from.source, i.to.source, i.to.seconds]),
    ).toEqual([['c', 'builtIn', 'application', 1800]]);
    const replaced = applyChange(before, {
      kind: 'link',
      policyId: 'p30',
      objectType: 'application',
      objectId: 'app-a',
    });
    expect(replaced.targets[0].applicationPolicyId).toBe('p30');
    expect(
      diffImpact(before, replaced).map((i) => [i.appId, i.from.policyId, i.to.policyId]),
    ).toEqual([['a', 'p2h', 'p30']]);
    expect(before.targets[0].applicationPolicyId).toBe('p2h');
  });

  it('unlink returns the target to the built-in default; unlinking another policy does nothing', () => {
    const before = tenant();
    const after = applyChange(before, {
      kind: 'unlink',
      policyId: 'p2h',
      objectType: 'servicePrincipal',
      objectId: 'sp-b',
    });
    expect(diffImpact(before, after).map((i) => [i.appId, i.to.source])).toEqual([
      ['b', 'builtIn'],
    ]);
    const noop = applyChange(before, {
      kind: 'unlink',
      policyId: 'p8h',
      objectType: 'servicePrincipal',
      objectId: 'sp-b',
    });
    expect(noop.targets).toBe(before.targets);
    expect(diffImpact(before, noop)).toEqual([]);
  });

  it('a new organization default outranks application links but not SP links (graph-reference)', () => {
    const before = tenant();
    const after = applyChange(before, { kind: 'set-organization-default', policyId: 'p30' });
    expect(after.policies.filter((p) => p.isOrganizationDefault).map((p) => p.id)).toEqual(['p30']);
    expect(diffImpact(before, after).map((i) => [i.appId, i.to.source, i.to.seconds])).toEqual([
      ['a', 'organizationDefault', 1800],
      ['c', 'organizationDefault', 1800],
      ['d', 'organizationDefault', 1800],
    ]);
    const cleared = applyChange(after, { kind: 'set-organization-default', policyId: null });
    expect(diffImpact(after, cleared).map((i) => i.appId)).toEqual(['a', 'c', 'd']);
  });

  it('delete removes the policy and its links', () => {
    const before = tenant();
    const after = applyChange(before, { kind: 'delete', policyId: 'p2h' });
    expect(after.policies.map((p) => p.id)).toEqual(['p8h', 'p30']);
    expect(after.targets[0].applicationPolicyId).toBeUndefined();
    expect(diffImpact(before, after).map((i) => [i.appId, i.to.source])).toEqual([
      ['a', 'builtIn'],
      ['b', 'builtIn'],
    ]);
  });

  it('does not count a target that keeps its policy and lifetime by another link (8 h → 8 h)', () => {
    // "d" holds the 8 h policy on its app object; made the organization default, the same policy
    // decides by another link: same tokens, so no change. "a" and "c" really change.
    const before = tenant();
    const after = applyChange(before, { kind: 'set-organization-default', policyId: 'p8h' });
    const impact = diffImpact(before, after);
    expect(impact.map((i) => [i.appId, i.from.seconds, i.to.seconds])).toEqual([
      ['a', 7200, 28800],
      ['c', null, 28800],
    ]);
    for (const change of impact) {
      const same =
        change.from.seconds === change.to.seconds && change.from.policyId === change.to.policyId;
      expect(same, change.appId).toBe(false);
    }
  });

  it('counts a target whose deciding policy changes although the lifetime stays', () => {
    const before: DirectoryIndex = {
      policies: [P8H, makePolicy('other8h', 28800, { displayName: 'Other eight hours' })],
      targets: [makeTarget('x', { applicationPolicyId: 'p8h' })],
    };
    const after = applyChange(before, {
      kind: 'link',
      policyId: 'other8h',
      objectType: 'application',
      objectId: 'app-x',
    });
    expect(diffImpact(before, after).map((i) => [i.from.policyId, i.to.policyId])).toEqual([
      ['p8h', 'other8h'],
    ]);
  });

  it('create then link, applied as a list', () => {
    const before = tenant();
    const p1d = makePolicy('p1d', 86399);
    const after = applyChange(before, [
      { kind: 'create', policy: p1d },
      { kind: 'link', policyId: 'p1d', objectType: 'servicePrincipal', objectId: 'sp-c' },
    ]);
    expect(diffImpact(before, after).map((i) => [i.appId, i.to.auditClass])).toEqual([
      ['c', 'maximum'],
    ]);
  });
});

describe('auditSummary', () => {
  it('does not count a client-only app as extended: its own policy has no effect', () => {
    const clientOnly = makeTarget('script', { applicationPolicyId: 'p2h' });
    clientOnly.application = { ...clientOnly.application!, exposesApi: false };
    const api = makeTarget('api', { applicationPolicyId: 'p2h' });
    api.application = { ...api.application!, exposesApi: true };
    const summary = auditSummary({ policies: [P2H], targets: [clientOnly, api] });
    expect(summary.extended.map((x) => x.target.appId)).toEqual(['api']);
    expect(summary.countsByClass.extended).toBe(1);
    expect(summary.countsByClass['no-effect']).toBe(1);
    const bars = Object.fromEntries(summary.histogram.map((b) => [b.label, b.count]));
    expect(bars['90 min – 4 h']).toBe(1);
    expect(bars['Policy without effect (client-only app)']).toBe(1);
    // Linkable all the same (the link picker warns): not an "unsupported object".
    expect(summary.policiesLinkedToUnsupported).toEqual([]);
  });

  it('reports links to objects that cannot hold a policy with the linking rule’s own reason', () => {
    const personal = makeTarget('personal', { applicationPolicyId: 'p2h' });
    personal.application = { ...personal.application!, signInAudience: 'PersonalMicrosoftAccount' };
    const summary = auditSummary({ policies: [P2H], targets: [personal] });
    expect(summary.policiesLinkedToUnsupported.map((x) => x.reason)).toEqual([
      'Apps for personal Microsoft accounts only cannot hold a token lifetime policy.',
    ]);
  });

  it('counts classes, lists extended targets, unlinked policies and the org default', () => {
    const index = tenant();
    index.policies.push(makePolicy('p1d', 86399, { isOrganizationDefault: false }));
    index.policies.push({
      ...makePolicy('old', 7200),
      definition: ['{"TokenLifetimePolicy":{"Version":1,"MaxInactiveTime":"1.00:00:00"}}'],
    });
    index.targets.push(makeTarget('e', { servicePrincipalPolicyId: 'p1d' }));
    index.targets.push(
      makeTarget('mi', {
        application: undefined,
        servicePrincipal: {
          id: 'sp-mi',
          appId: 'mi',
          displayName: 'identity',
          servicePrincipalType: 'ManagedIdentity',
        },
        servicePrincipalPolicyId: 'p8h',
      }),
    );
    const summary = auditSummary(index);
    expect(summary.countsByClass).toEqual({
      shortened: 0,
      'built-in-default': 2,
      standard: 0,
      extended: 3,
      maximum: 1,
      'no-effect': 0,
    });
    expect(summary.extended.map((x) => x.target.appId)).toEqual(['e', 'd', 'a', 'b']);
    expect(summary.unlinkedPolicies.map((p) => p.id)).toEqual(['p30', 'old']);
    expect(summary.policiesWithFindings.map((f) => f.policy.id)).toEqual(['old']);
    expect(summary.policiesLinkedToUnsupported.map((x) => [x.policy.id, x.target.appId])).toEqual([
      ['p8h', 'mi'],
    ]);
    expect(summary.organizationDefault).toEqual({ policy: undefined, governs: 0, conflicting: [] });
    expect(summary.disagreements).toBe(2);
    const count = (label: string) => summary.histogram.find((b) => b.label === label)?.count;
    expect(count('60–90 min (built-in)')).toBe(2);
    expect(count('90 min – 4 h')).toBe(2);
    expect(count('8–24 h')).toBe(1);
    expect(count('Maximum (23:59:59 or 1 day)')).toBe(1);
    expect(summary.histogram.reduce((n, b) => n + b.count, 0)).toBe(index.targets.length);
  });

  it('reports how many targets the organization default governs and conflicting defaults', () => {
    const index = applyChange(tenant(), { kind: 'set-organization-default', policyId: 'p8h' });
    index.policies.push(makePolicy('second', 3600, { isOrganizationDefault: true }));
    const summary = auditSummary(index);
    expect(summary.organizationDefault.policy?.id).toBe('p8h');
    expect(summary.organizationDefault.governs).toBe(3);
    expect(summary.organizationDefault.conflicting.map((p) => p.id)).toEqual(['second']);
    expect(summary.unlinkedPolicies.map((p) => p.id)).toEqual(['p30']);
  });
});
