import { describe, expect, it } from 'vitest';
import { describePolicy } from './policy';
import {
  decisionsDiffer,
  judge,
  otherRuleOf,
  PRECEDENCE_RULES,
  type Candidate,
} from './precedence';
import { makePolicy } from './test-fixtures';

const facts = (id: string, seconds: number) => describePolicy(makePolicy(id, seconds));

function candidates(
  sp?: string,
  org?: string,
  app?: string,
): Record<Candidate['source'], Candidate> {
  return {
    servicePrincipal: {
      source: 'servicePrincipal',
      policyId: sp,
      facts: sp ? facts(sp, 14400) : undefined,
    },
    organizationDefault: {
      source: 'organizationDefault',
      policyId: org,
      facts: org ? facts(org, 28800) : undefined,
    },
    application: {
      source: 'application',
      policyId: app,
      facts: app ? facts(app, 7200) : undefined,
    },
  };
}

describe('judge', () => {
  it('graph-reference: the SP link wins over the org default and the app link', () => {
    const { judged, winner } = judge('graph-reference', candidates('sp', 'org', 'app'), false);
    expect(winner?.source).toBe('servicePrincipal');
    expect(judged.map((j) => [j.candidate.source, j.status])).toEqual([
      ['servicePrincipal', 'won'],
      ['organizationDefault', 'outranked'],
      ['application', 'outranked'],
    ]);
  });

  it('current-article: the SP link is weighed last and ignored, the org default wins', () => {
    const { judged, winner } = judge('current-article', candidates('sp', 'org', 'app'), false);
    expect(winner?.source).toBe('organizationDefault');
    expect(judged.map((j) => [j.candidate.source, j.status])).toEqual([
      ['organizationDefault', 'won'],
      ['application', 'outranked'],
      ['servicePrincipal', 'not-named'],
    ]);
  });

  it('a managed identity takes no policy under either rule', () => {
    for (const rule of ['graph-reference', 'current-article'] as const) {
      const { judged, winner } = judge(rule, candidates('sp', 'org', undefined), true);
      expect(winner).toBeUndefined();
      expect(judged.filter((j) => j.status === 'managed-identity')).toHaveLength(2);
    }
  });

  it('skips a link to a missing policy and one that sets no usable lifetime', () => {
    const c = candidates(undefined, undefined, 'app');
    c.servicePrincipal = {
      source: 'servicePrincipal',
      policyId: 'broken',
      facts: describePolicy({ ...makePolicy('broken', 3600), definition: ['{'] }),
    };
    c.organizationDefault = { source: 'organizationDefault', policyId: 'ghost' };
    const { judged, winner } = judge('graph-reference', c, false);
    expect(judged.map((j) => j.status)).toEqual(['unusable', 'not-found', 'won']);
    expect(winner?.policyId).toBe('app');
  });

  it('every rule ends with the built-in default and names the other rule', () => {
    for (const rule of Object.values(PRECEDENCE_RULES)) {
      expect(rule.order.at(-1)).toBe('builtIn');
      expect(otherRuleOf(otherRuleOf(rule.id))).toBe(rule.id);
      expect(otherRuleOf(rule.id)).not.toBe(rule.id);
    }
  });
});

describe('decisionsDiffer', () => {
  const eight = { seconds: 28800, minSeconds: 28800, maxSeconds: 28800, policyId: 'p8h' };
  it('the same policy and lifetime by another link is the same answer', () => {
    expect(decisionsDiffer(eight, { ...eight })).toBe(false);
  });
  it('another policy, or another lifetime, is a different answer', () => {
    expect(decisionsDiffer(eight, { ...eight, policyId: 'other' })).toBe(true);
    expect(decisionsDiffer(eight, { seconds: null, minSeconds: 3600, maxSeconds: 5400 })).toBe(
      true,
    );
  });
});
