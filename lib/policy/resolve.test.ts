import { describe, expect, it } from 'vitest';
import { applyChange, diffImpact } from './impact';
import { auditSummary } from './audit';
import { buildPolicyContext, issuedAccessTokenLifetimeSeconds, resolveEffectiveLifetime } from './resolve';
import { linkability } from './rules';
import type { DirectoryIndex, DirectoryTarget, TokenLifetimePolicy } from './types';

const policy = (id: string, lifetime: string, isOrganizationDefault = false): TokenLifetimePolicy => ({
  id,
  displayName: `Policy ${id}`,
  isOrganizationDefault,
  definition: [JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: lifetime } })],
});

const SP = policy('sp', '05:00:00');
const ORG = policy('org', '04:00:00', true);
const APP = policy('app', '02:00:00');

const target = (links: { sp?: boolean; app?: boolean }, extra: Partial<DirectoryTarget> = {}): DirectoryTarget => ({
  appId: 'a1',
  displayName: 'Orders API',
  application: { id: 'app-object', appId: 'a1', displayName: 'Orders API', identifierUris: ['api://orders'] },
  servicePrincipal: { id: 'sp-object', appId: 'a1', displayName: 'Orders API', servicePrincipalType: 'Application' },
  servicePrincipalPolicyId: links.sp ? 'sp' : undefined,
  applicationPolicyId: links.app ? 'app' : undefined,
  ...extra,
});

// Every combination of SP link / org default / app link, with the winner under each rule.
const table: Array<[boolean, boolean, boolean, string, string]> = [
  // sp, org, app, graph-reference winner, current-article winner
  [false, false, false, 'builtIn', 'builtIn'],
  [true, false, false, 'servicePrincipal', 'builtIn'],
  [false, true, false, 'organizationDefault', 'organizationDefault'],
  [false, false, true, 'application', 'application'],
  [true, true, false, 'servicePrincipal', 'organizationDefault'],
  [true, false, true, 'servicePrincipal', 'application'],
  [false, true, true, 'organizationDefault', 'organizationDefault'],
  [true, true, true, 'servicePrincipal', 'organizationDefault'],
];

describe('resolveEffectiveLifetime', () => {
  it.each(table)('sp=%s org=%s app=%s → %s (reference) / %s (article)', (sp, org, app, reference, article) => {
    const context = buildPolicyContext(org ? [SP, ORG, APP] : [SP, APP]);
    const t = target({ sp, app });
    const underReference = resolveEffectiveLifetime(t, context, 'graph-reference');
    const underArticle = resolveEffectiveLifetime(t, context, 'current-article');
    expect(underReference.source).toBe(reference);
    expect(underArticle.source).toBe(article);
    expect(underReference.rulesDisagree).toBe(reference !== article);
    expect(underReference.otherRule.source).toBe(article);
    expect(underReference.steps.map((s) => s.source)).toEqual(['servicePrincipal', 'organizationDefault', 'application', 'builtIn']);
    expect(underReference.steps.filter((s) => s.outcome === 'won').map((s) => s.source)).toEqual([reference]);
  });

  it('gives the lifetime and the winning policy', () => {
    const result = resolveEffectiveLifetime(target({ sp: true, app: true }), buildPolicyContext([SP, APP]));
    expect(result).toMatchObject({ seconds: 18000, minSeconds: 18000, maxSeconds: 18000, policyId: 'sp', auditClass: 'extended' });
    expect(result.steps.find((s) => s.source === 'application')?.outcome).toBe('outranked');
  });

  it('gives the built-in 60–90 min range without a policy', () => {
    const result = resolveEffectiveLifetime(target({}), buildPolicyContext([]));
    expect(result).toMatchObject({ seconds: null, minSeconds: 3600, maxSeconds: 5400, auditClass: 'built-in-default' });
    expect(result.caveats.map((c) => c.code)).toContain('cae-up-to-28h');
  });

  it('ignores policies on managed identities and says why', () => {
    const mi = target({ sp: true }, {
      application: undefined,
      servicePrincipal: { id: 'mi', appId: 'a1', displayName: 'vm-identity', servicePrincipalType: 'ManagedIdentity' },
    });
    const result = resolveEffectiveLifetime(mi, buildPolicyContext([SP]));
    expect(result.source).toBe('builtIn');
    expect(result.steps[0]).toMatchObject({ outcome: 'ignored' });
    expect(result.caveats.map((c) => c.code)).toContain('managed-identity-unsupported');
  });

  it('ignores a policy whose definition is unusable', () => {
    const broken: TokenLifetimePolicy = { ...SP, definition: ['{oops'] };
    const result = resolveEffectiveLifetime(target({ sp: true, app: true }), buildPolicyContext([broken, APP]));
    expect(result.source).toBe('application');
    expect(result.steps[0].outcome).toBe('ignored');
  });

  it('marks SharePoint as desktop and mobile only', () => {
    const sharepoint = target({}, { appId: '00000003-0000-0ff1-ce00-000000000000', application: undefined });
    const result = resolveEffectiveLifetime(sharepoint, buildPolicyContext([]));
    expect(result.caveats.map((c) => c.code)).toContain('sharepoint-desktop-mobile-only');
  });

  it('issues policy lifetimes exactly and built-in ones within 60–90 min', () => {
    expect(issuedAccessTokenLifetimeSeconds({ seconds: 7200, minSeconds: 7200, maxSeconds: 7200 })).toBe(7200);
    const builtIn = { seconds: null, minSeconds: 3600, maxSeconds: 5400 };
    expect(issuedAccessTokenLifetimeSeconds(builtIn, () => 0)).toBe(3600);
    expect(issuedAccessTokenLifetimeSeconds(builtIn, () => 0.999999)).toBe(5400);
  });
});

describe('impact', () => {
  const index: DirectoryIndex = {
    policies: [SP, APP],
    targets: [
      target({ sp: true }),
      { ...target({ app: true }), appId: 'a2', displayName: 'Billing', application: { id: 'app2', appId: 'a2', displayName: 'Billing', identifierUris: ['api://billing'] }, servicePrincipal: { id: 'sp2', appId: 'a2', displayName: 'Billing' } },
      { appId: 'a3', displayName: 'Plain', servicePrincipal: { id: 'sp3', appId: 'a3', displayName: 'Plain' } },
    ],
  };

  it('lists what an edit changes, from → to', () => {
    const after = applyChange(index, { kind: 'edit-lifetime', policyId: 'app', accessTokenLifetimeSeconds: 28800 });
    const changes = diffImpact(index, after);
    expect(changes.map((c) => [c.appId, c.from.seconds, c.to.seconds])).toEqual([['a2', 7200, 28800]]);
    expect(index.policies[1]).toBe(APP);
  });

  it('link replaces the object’s existing link (one policy per object)', () => {
    const after = applyChange(index, { kind: 'link', policyId: 'app', objectType: 'servicePrincipal', objectId: 'sp-object' });
    expect(after.targets[0].servicePrincipalPolicyId).toBe('app');
    expect(diffImpact(index, after).map((c) => [c.appId, c.from.seconds, c.to.seconds])).toEqual([['a1', 18000, 7200]]);
  });

  it('unlink returns to the next source', () => {
    const after = applyChange(index, { kind: 'unlink', policyId: 'sp', objectType: 'servicePrincipal', objectId: 'sp-object' });
    const [change] = diffImpact(index, after);
    expect(change.to.source).toBe('builtIn');
  });

  it('a new organization default changes every target it wins for', () => {
    const created = applyChange(index, [{ kind: 'create', policy: { ...ORG, isOrganizationDefault: false } }, { kind: 'set-organization-default', policyId: 'org' }]);
    const changes = diffImpact(index, created);
    // a1 keeps its SP link (reference rule); a2's app link is outranked; a3 had nothing.
    expect(changes.map((c) => c.appId).sort()).toEqual(['a2', 'a3']);
    expect(changes.every((c) => c.to.seconds === 14400)).toBe(true);
  });

  it('delete removes the links of the policy', () => {
    const after = applyChange(index, { kind: 'delete', policyId: 'sp' });
    expect(after.targets[0].servicePrincipalPolicyId).toBeUndefined();
    expect(after.policies.map((p) => p.id)).toEqual(['app']);
    expect(diffImpact(index, after).map((c) => c.appId)).toEqual(['a1']);
  });

  it('a change that affects nothing lists nothing', () => {
    const after = applyChange(index, { kind: 'create', policy: policy('new', '03:00:00') });
    expect(diffImpact(index, after)).toEqual([]);
  });
});

describe('auditSummary', () => {
  it('counts classes, lists extended apps, unlinked policies and unsupported links', () => {
    const unused = policy('unused', '01:00:00');
    const mi: DirectoryTarget = {
      appId: 'mi',
      displayName: 'vm',
      servicePrincipal: { id: 'mi-sp', appId: 'mi', displayName: 'vm', servicePrincipalType: 'ManagedIdentity' },
      servicePrincipalPolicyId: 'app',
    };
    const index: DirectoryIndex = { policies: [SP, APP, unused, ORG], targets: [target({ sp: true }), mi] };
    const summary = auditSummary(index);
    expect(summary.countsByClass.extended).toBe(1);
    expect(summary.countsByClass['built-in-default']).toBe(1);
    expect(summary.extended.map((e) => e.target.appId)).toEqual(['a1']);
    expect(summary.unlinkedPolicies.map((p) => p.id)).toEqual(['unused']);
    expect(summary.policiesLinkedToUnsupported.map((u) => u.policy.id)).toEqual(['app']);
    expect(summary.organizationDefault.policy?.id).toBe('org');
    expect(summary.organizationDefault.governs).toBe(0);
    expect(summary.disagreements).toBe(1);
    expect(summary.histogram.reduce((n, b) => n + b.count, 0)).toBe(2);
  });
});

describe('linkability', () => {
  it('refuses managed identities and personal-account apps with reasons', () => {
    const mi = linkability({ appId: 'x', displayName: 'x', servicePrincipal: { id: '1', appId: 'x', displayName: 'x', servicePrincipalType: 'ManagedIdentity' } }, 'servicePrincipal');
    expect(mi).toMatchObject({ linkable: false });
    expect(!mi.linkable && mi.reason).toMatch(/Managed identities are not supported/);
    const msa = linkability({ appId: 'x', displayName: 'x', application: { id: '1', appId: 'x', displayName: 'x', signInAudience: 'PersonalMicrosoftAccount' } }, 'application');
    expect(msa.linkable).toBe(false);
  });

  it('warns that lifetime follows the resource for client-only apps', () => {
    const client = linkability({ appId: 'x', displayName: 'script', application: { id: '1', appId: 'x', displayName: 'script' } }, 'application');
    expect(client.linkable && client.warnings[0]).toMatch(/Lifetime follows the resource/);
  });
});
