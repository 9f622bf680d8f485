import { describe, expect, it } from 'vitest';
import { FaultRules, pathMatches } from './faults';

describe('pathMatches', () => {
  it.each([
    [
      '/servicePrincipals/*/tokenLifetimePolicies/$ref',
      '/servicePrincipals/abc/tokenLifetimePolicies/$ref',
      true,
    ],
    [
      '/servicePrincipals/*/tokenLifetimePolicies/$ref',
      '/servicePrincipals/abc/tokenLifetimePolicies',
      false,
    ],
    [
      '/servicePrincipals/*/tokenLifetimePolicies/$ref',
      '/servicePrincipals/a/b/tokenLifetimePolicies/$ref',
      false,
    ],
    ['/servicePrincipals/*', '/servicePrincipals/', false],
    ['/servicePrincipals/**', '/servicePrincipals', true],
    ['/servicePrincipals/**', '/servicePrincipals/a/tokenLifetimePolicies/p/$ref', true],
    ['/servicePrincipals/**', '/applications/a', false],
    ['/**', '/$batch', true],
    ['/policies/tokenLifetimePolicies', '/Policies/TokenLifetimePolicies', true],
    ['/policies/tokenLifetimePolicies', '/policies/tokenLifetimePolicies/x', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(pathMatches(pattern, path)).toBe(expected);
  });
});

describe('FaultRules', () => {
  it('fires the first rule that matches and no longer skips; skipping rules count the request', () => {
    const rules = new FaultRules();
    const skipping = rules.arm({ method: 'GET', path: '/**', skip: 1, outcome: { status: 500 } });
    const firing = rules.arm({ method: '*', path: '/x', count: 2, outcome: 'drop' });
    expect(rules.take('GET', '/x')?.id).toBe(firing.id);
    expect(rules.take('get', '/x')?.id).toBe(skipping.id);
    expect(rules.list()).toEqual([expect.objectContaining({ id: firing.id, count: 1 })]);
    expect(rules.take('POST', '/y')).toBeUndefined();
  });
});
