import { describe, expect, it } from 'vitest';
import {
  buildPolicyContext,
  issuedAccessTokenLifetimeSeconds,
  PRECEDENCE_RULES,
  resolveAll,
  resolveEffectiveLifetime,
} from './resolve';
import { makeManagedIdentity, makePolicy, makeTarget } from './test-fixtures';
import type { LinkSource, PrecedenceRuleId, TokenLifetimePolicy } from './types';

const SP = makePolicy('p-sp', 4 * 3600, { displayName: 'Four hours' });
const ORG = makePolicy('p-org', 8 * 3600, { displayName: 'Eight hours' });
const APP = makePolicy('p-app', 2 * 3600, { displayName: 'Two hours' });
const SECONDS: Record<LinkSource, number | null> = {
  servicePrincipal: 4 * 3600,
  organizationDefault: 8 * 3600,
  application: 2 * 3600,
  builtIn: null,
};

function setup(sp: boolean, org: boolean, app: boolean) {
  const policies: TokenLifetimePolicy[] = [SP, { ...ORG, isOrganizationDefault: org }, APP];
  const target = makeTarget('a1', {
    servicePrincipalPolicyId: sp ? SP.id : undefined,
    applicationPolicyId: app ? APP.id : undefined,
  });
  return { target, context: buildPolicyContext(policies) };
}

const combos: Array<[boolean, boolean, boolean]> = [];
for (const sp of [false, true])
  for (const org of [false, true]) for (const app of [false, true]) combos.push([sp, org, app]);

function expectedWinner(
  rule: PrecedenceRuleId,
  sp: boolean,
  org: boolean,
  app: boolean,
): LinkSource {
  if (rule === 'graph-reference' && sp) return 'servicePrincipal';
  if (org) return 'organizationDefault';
  if (app) return 'application';
  return 'builtIn';
}

describe.each(['graph-reference', 'current-article'] as const)('precedence rule %s', (rule) => {
  it.each(combos)('SP link %s, org default %s, app link %s', (sp, org, app) => {
    const { target, context } = setup(sp, org, app);
    const e = resolveEffectiveLifetime(target, context, rule);
    const winner = expectedWinner(rule, sp, org, app);
    expect(e.rule).toBe(rule);
    expect(e.source).toBe(winner);
    expect(e.seconds).toBe(SECONDS[winner]);
    expect(e.minSeconds).toBe(SECONDS[winner] ?? 3600);
    expect(e.maxSeconds).toBe(SECONDS[winner] ?? 5400);
    expect(e.steps.map((s) => s.source).sort()).toEqual([
      'application',
      'builtIn',
      'organizationDefault',
      'servicePrincipal',
    ]);
    expect(e.steps.filter((s) => s.outcome === 'won').map((s) => s.source)).toEqual([winner]);
    expect(e.steps.find((s) => s.source === 'application')?.outcome).toBe(
      !app ? 'absent' : winner === 'application' ? 'won' : 'outranked',
    );
    const spStep = e.steps.find((s) => s.source === 'servicePrincipal');
    expect(spStep?.outcome).toBe(!sp ? 'absent' : rule === 'current-article' ? 'ignored' : 'won');
    // With three distinct lifetimes the rules differ exactly when an SP link exists and would win.
    expect(e.rulesDisagree).toBe(sp);
    const other = expectedWinner(
      rule === 'graph-reference' ? 'current-article' : 'graph-reference',
      sp,
      org,
      app,
    );
    expect(e.otherRule).toMatchObject({ source: other, seconds: SECONDS[other] });
    for (const step of e.steps) expect(step.reason.length).toBeGreaterThan(10);
  });
});

describe('resolveEffectiveLifetime', () => {
  it('names the rules in plain words', () => {
    expect(PRECEDENCE_RULES['graph-reference'].name).toBe('Graph reference & 2016 announcement');
    expect(PRECEDENCE_RULES['current-article'].order).toEqual([
      'organizationDefault',
      'application',
      'builtIn',
    ]);
  });

  it('gives the built-in range and the policy id that won', () => {
    const { target, context } = setup(false, false, true);
    expect(resolveEffectiveLifetime(target, context)).toMatchObject({
      policyId: 'p-app',
      policyDisplayName: 'Two hours',
      auditClass: 'extended',
    });
    const none = resolveEffectiveLifetime(makeTarget('b'), context);
    expect(none).toMatchObject({
      seconds: null,
      minSeconds: 3600,
      maxSeconds: 5400,
      source: 'builtIn',
      auditClass: 'built-in-default',
    });
    expect(none.policyId).toBeUndefined();
  });

  it('does not flag disagreement when the SP link is the org default policy itself', () => {
    const context = buildPolicyContext([{ ...ORG, isOrganizationDefault: true }]);
    const e = resolveEffectiveLifetime(
      makeTarget('c', { servicePrincipalPolicyId: ORG.id }),
      context,
    );
    expect(e.source).toBe('servicePrincipal');
    expect(e.otherRule.source).toBe('organizationDefault');
    expect(e.rulesDisagree).toBe(false);
  });

  it('ignores a policy with an unusable definition and says why, falling to the next candidate', () => {
    const broken: TokenLifetimePolicy = {
      ...makePolicy('p-broken', 3600),
      definition: ['{not json'],
    };
    const context = buildPolicyContext([broken, APP]);
    const e = resolveEffectiveLifetime(
      makeTarget('d', { servicePrincipalPolicyId: 'p-broken', applicationPolicyId: APP.id }),
      context,
    );
    expect(e.source).toBe('application');
    const step = e.steps.find((s) => s.source === 'servicePrincipal');
    expect(step).toMatchObject({ outcome: 'ignored', present: true, policyId: 'p-broken' });
    expect(step?.reason).toMatch(/not valid JSON/);
  });

  it('ignores a link to a policy that does not exist', () => {
    const context = buildPolicyContext([]);
    const e = resolveEffectiveLifetime(makeTarget('e', { applicationPolicyId: 'ghost' }), context);
    expect(e.source).toBe('builtIn');
    expect(e.steps.find((s) => s.source === 'application')?.outcome).toBe('ignored');
  });

  it('gives managed identities the built-in default with a caveat, whatever is linked', () => {
    const context = buildPolicyContext([SP, { ...ORG, isOrganizationDefault: true }]);
    const target = makeManagedIdentity('mi', { servicePrincipalPolicyId: SP.id });
    for (const rule of ['graph-reference', 'current-article'] as const) {
      const e = resolveEffectiveLifetime(target, context, rule);
      expect(e.source).toBe('builtIn');
      expect(e.seconds).toBeNull();
      expect(e.caveats.map((c) => c.code)).toContain('managed-identity-unsupported');
      expect(e.steps.find((s) => s.source === 'organizationDefault')?.outcome).toBe('ignored');
      expect(e.rulesDisagree).toBe(false);
    }
  });

  it('adds SharePoint, CAE and disabled caveats', () => {
    const context = buildPolicyContext([SP]);
    const e = resolveEffectiveLifetime(
      makeTarget('00000003-0000-0ff1-ce00-000000000000', {
        application: undefined,
        servicePrincipal: {
          id: 'sp-spo',
          appId: '00000003-0000-0ff1-ce00-000000000000',
          displayName: 'Office 365 SharePoint Online',
          appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
          accountEnabled: false,
        },
        servicePrincipalPolicyId: SP.id,
      }),
      context,
    );
    expect(e.caveats.map((c) => c.code)).toEqual([
      'sharepoint-desktop-mobile-only',
      'cae-up-to-28h',
      'client-credentials-no-refresh',
      'disabled-service-principal',
    ]);
  });

  it('warns that the lifetime follows the resource for a client-only app with a policy', () => {
    const context = buildPolicyContext([APP]);
    const target = makeTarget('cli', { applicationPolicyId: APP.id });
    target.application = { ...target.application!, exposesApi: false };
    const e = resolveEffectiveLifetime(target, context);
    expect(e.caveats.map((c) => c.code)).toContain('lifetime-follows-resource');
    // The same rule decides its audit class: its policy changes no token, so it is not "extended".
    expect(e.seconds).toBe(7200);
    expect(e.auditClass).toBe('no-effect');
  });

  it('keeps the first of several organization defaults and reports the conflict', () => {
    const context = buildPolicyContext([
      { ...ORG, isOrganizationDefault: true },
      { ...APP, isOrganizationDefault: true },
    ]);
    expect(context.organizationDefault?.policy.id).toBe('p-org');
    expect(context.findings.map((f) => f.code)).toEqual(['multiple-organization-defaults']);
  });

  it('resolves every target of an index by appId', () => {
    const map = resolveAll({
      policies: [APP],
      targets: [makeTarget('x', { applicationPolicyId: APP.id }), makeTarget('y')],
    });
    expect(map.get('x')?.seconds).toBe(7200);
    expect(map.get('y')?.seconds).toBeNull();
  });
});

describe('explanation steps', () => {
  it('are listed in the rule order, unnamed sources before the built-in default', () => {
    const { target, context } = setup(true, true, true);
    expect(
      resolveEffectiveLifetime(target, context, 'graph-reference').steps.map((s) => s.source),
    ).toEqual(['servicePrincipal', 'organizationDefault', 'application', 'builtIn']);
    expect(
      resolveEffectiveLifetime(target, context, 'current-article').steps.map((s) => s.source),
    ).toEqual(['organizationDefault', 'application', 'servicePrincipal', 'builtIn']);
  });

  it('survive spread and JSON (they are built lazily) and are built once', () => {
    const { target, context } = setup(true, false, true);
    const e = resolveEffectiveLifetime(target, context);
    expect(e.steps).toBe(e.steps);
    expect({ ...e }.steps).toHaveLength(4);
    const json = JSON.parse(JSON.stringify(e));
    expect(json.steps[0]).toMatchObject({
      source: 'servicePrincipal',
      outcome: 'won',
      policyId: 'p-sp',
      seconds: 14400,
    });
    expect(json.steps[0].reason).toMatch(/"Four hours" sets 4 h/);
    expect(json.steps[2]).toMatchObject({ source: 'application', outcome: 'outranked' });
  });

  it('share one frozen result between targets with the same links', () => {
    const { context } = setup(false, false, true);
    const a = resolveEffectiveLifetime(makeTarget('a', { applicationPolicyId: APP.id }), context);
    const b = resolveEffectiveLifetime(makeTarget('b', { applicationPolicyId: APP.id }), context);
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('issuedAccessTokenLifetimeSeconds', () => {
  const context = buildPolicyContext([APP]);
  it('uses the policy lifetime', () => {
    expect(
      issuedAccessTokenLifetimeSeconds(
        resolveEffectiveLifetime(makeTarget('x', { applicationPolicyId: APP.id }), context),
      ),
    ).toBe(7200);
  });
  it('draws a whole number within 60–90 min for the built-in default', () => {
    const builtIn = resolveEffectiveLifetime(makeTarget('y'), context);
    expect(issuedAccessTokenLifetimeSeconds(builtIn, () => 0)).toBe(3600);
    expect(issuedAccessTokenLifetimeSeconds(builtIn, () => 0.999999999)).toBe(5400);
    expect(issuedAccessTokenLifetimeSeconds(builtIn, () => 0.5)).toBe(4500);
  });
});
