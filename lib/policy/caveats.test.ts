import { describe, expect, it } from 'vitest';
import { CAVEATS, caveatsFor } from './caveats';
import { LIFETIME_FOLLOWS_RESOURCE, MANAGED_IDENTITY_UNSUPPORTED } from './messages';
import {
  TRAIT_DISABLED,
  TRAIT_FIRST_PARTY,
  TRAIT_HAS_SP,
  TRAIT_MANAGED_IDENTITY,
  TRAIT_POLICY_WITHOUT_EFFECT,
  TRAIT_SHAREPOINT,
  traitsOf,
} from './target-traits';
import { makeTarget } from './test-fixtures';

const codes = (traits: number, policyWins: boolean) =>
  caveatsFor(traits, policyWins).map((c) => c.code);

describe('caveatsFor', () => {
  it('has nothing to say about an ordinary app without a policy', () => {
    expect(codes(TRAIT_HAS_SP, false)).toEqual([]);
  });
  it('warns client-credentials callers only when a policy takes effect on a service principal', () => {
    expect(codes(TRAIT_HAS_SP, true)).toEqual(['client-credentials-no-refresh']);
    expect(codes(0, true)).toEqual([]);
  });
  it('keeps a fixed order', () => {
    expect(
      codes(
        TRAIT_HAS_SP |
          TRAIT_SHAREPOINT |
          TRAIT_FIRST_PARTY |
          TRAIT_DISABLED |
          TRAIT_POLICY_WITHOUT_EFFECT,
        true,
      ),
    ).toEqual([
      'sharepoint-desktop-mobile-only',
      'cae-up-to-28h',
      'client-credentials-no-refresh',
      'lifetime-follows-resource',
      'disabled-service-principal',
    ]);
  });
  it('a managed identity gets the unsupported caveat and no client-credentials advice', () => {
    expect(codes(TRAIT_HAS_SP | TRAIT_MANAGED_IDENTITY, true)).toEqual([
      'managed-identity-unsupported',
    ]);
  });
  it('quotes the one wording of each rule', () => {
    expect(CAVEATS['managed-identity-unsupported'].message).toBe(MANAGED_IDENTITY_UNSUPPORTED);
    expect(CAVEATS['lifetime-follows-resource'].message).toBe(LIFETIME_FOLLOWS_RESOURCE);
    expect(Object.isFrozen(caveatsFor(TRAIT_HAS_SP, true))).toBe(true);
  });
});

describe('traitsOf', () => {
  it('marks a client-only app only when one of its own objects holds a policy', () => {
    const bare = makeTarget('c');
    bare.application = { ...bare.application!, exposesApi: false };
    expect(traitsOf(bare) & TRAIT_POLICY_WITHOUT_EFFECT).toBe(0);
    expect(traitsOf({ ...bare, applicationPolicyId: 'p' }) & TRAIT_POLICY_WITHOUT_EFFECT).not.toBe(
      0,
    );
  });
});
