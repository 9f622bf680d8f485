import { describe, expect, it } from 'vitest';
import { explain } from './explanation';
import { MANAGED_IDENTITY_UNSUPPORTED } from './messages';
import { describePolicy } from './policy';
import { judge, type Candidate } from './precedence';
import { makePolicy } from './test-fixtures';

const app = describePolicy(makePolicy('app', 7200, { displayName: 'Two hours' }));
const sp = describePolicy(makePolicy('sp', 14400, { displayName: 'Four hours' }));

function bySource(withSp: boolean): Record<Candidate['source'], Candidate> {
  return {
    servicePrincipal: withSp
      ? { source: 'servicePrincipal', policyId: 'sp', facts: sp }
      : { source: 'servicePrincipal' },
    organizationDefault: { source: 'organizationDefault' },
    application: { source: 'application', policyId: 'app', facts: app },
  };
}

describe('explain', () => {
  it('says which candidate applies, which lost to it, and that the built-in default was not used', () => {
    const { judged, winner } = judge('graph-reference', bySource(true), false);
    const steps = explain('graph-reference', judged, winner, false);
    expect(steps.map((s) => [s.source, s.outcome])).toEqual([
      ['servicePrincipal', 'won'],
      ['organizationDefault', 'absent'],
      ['application', 'outranked'],
      ['builtIn', 'outranked'],
    ]);
    expect(steps[0].reason).toBe(
      'Applies: "Four hours" sets 4 h; it is the policy linked to the service principal, the first usable candidate in this rule.',
    );
    expect(steps[2].reason).toMatch(/^Outranked: "Two hours" \(2 h\) loses to the policy linked/);
    expect(steps[3].reason).toContain('random 60–90 min, 75 min on average');
    expect(steps[0]).toMatchObject({
      policyId: 'sp',
      policyDisplayName: 'Four hours',
      seconds: 14400,
    });
  });

  it('tells why the service principal is ignored under the current article', () => {
    const { judged, winner } = judge('current-article', bySource(true), false);
    const steps = explain('current-article', judged, winner, false);
    const step = steps.find((s) => s.source === 'servicePrincipal');
    expect(step?.outcome).toBe('ignored');
    expect(step?.reason).toContain(
      'which this rule ("Current configurable token lifetimes article") does not name',
    );
  });

  it('words a managed identity with the one managed-identity message', () => {
    const { judged, winner } = judge('graph-reference', bySource(true), true);
    const steps = explain('graph-reference', judged, winner, true);
    expect(steps[0].reason).toBe(`Ignored ("Four hours"): ${MANAGED_IDENTITY_UNSUPPORTED}`);
    expect(steps.at(-1)?.reason).toMatch(
      /^Applies: managed identities always get the built-in default/,
    );
  });

  it('returns frozen steps', () => {
    const { judged, winner } = judge('graph-reference', bySource(false), false);
    for (const step of explain('graph-reference', judged, winner, false))
      expect(Object.isFrozen(step)).toBe(true);
  });
});
