import { describe, expect, it } from 'vitest';
import { auditSummary } from './audit';
import { CAVEATS } from './caveats';
import { MANAGED_IDENTITY_UNSUPPORTED } from './messages';
import {
  canTakeAnotherLink,
  FIRST_PARTY_RESOURCES,
  findOrganizationDefaults,
  isManagedIdentity,
  isMicrosoftFirstParty,
  kindOf,
  linkability,
  linkedPolicyHasNoEffect,
  linkStep,
  MICROSOFT_TENANT_ID,
  otherOrganizationDefault,
  unlinkedPolicyFinding,
} from './rules';
import { makeManagedIdentity, makePolicy, makeTarget } from './test-fixtures';

describe('who is who', () => {
  it('recognises Microsoft first-party service principals by owner or well-known appId', () => {
    expect(isMicrosoftFirstParty({ appId: 'x', appOwnerOrganizationId: MICROSOFT_TENANT_ID })).toBe(
      true,
    );
    expect(isMicrosoftFirstParty({ appId: '00000007-0000-0000-c000-000000000000' })).toBe(true);
    expect(isMicrosoftFirstParty({ appId: 'x', appOwnerOrganizationId: 'contoso' })).toBe(false);
    expect(FIRST_PARTY_RESOURCES.map((r) => r.label)).toEqual([
      'Graph',
      'SharePoint',
      'Exchange',
      'Dataverse',
    ]);
  });
  it('recognises managed identities', () => {
    expect(isManagedIdentity({ servicePrincipalType: 'ManagedIdentity' })).toBe(true);
    expect(isManagedIdentity({ servicePrincipalType: 'Application' })).toBe(false);
    expect(isManagedIdentity(undefined)).toBe(false);
  });
});

describe('linkability', () => {
  it('allows both objects of an ordinary app', () => {
    expect(linkability(makeTarget('a'), 'application')).toEqual({ linkable: true, warnings: [] });
    expect(linkability(makeTarget('a'), 'servicePrincipal')).toEqual({
      linkable: true,
      warnings: [],
    });
  });
  it('refuses managed identities', () => {
    const mi = makeTarget('mi', {
      application: undefined,
      servicePrincipal: {
        id: 's',
        appId: 'mi',
        displayName: 'mi',
        servicePrincipalType: 'ManagedIdentity',
      },
    });
    expect(linkability(mi, 'servicePrincipal')).toMatchObject({
      linkable: false,
      reason: expect.stringMatching(/Managed identities/),
    });
  });
  it('refuses personal-account-only apps', () => {
    const t = makeTarget('p', {
      application: {
        id: 'a',
        appId: 'p',
        displayName: 'p',
        signInAudience: 'PersonalMicrosoftAccount',
      },
    });
    expect(linkability(t, 'application').linkable).toBe(false);
  });
  it('refuses a missing object', () => {
    expect(linkability(makeTarget('x', { application: undefined }), 'application').linkable).toBe(
      false,
    );
    expect(
      linkability(makeTarget('x', { servicePrincipal: undefined }), 'servicePrincipal').linkable,
    ).toBe(false);
  });
  it('warns that the lifetime follows the resource for a client-only app', () => {
    const t = makeTarget('c', {
      application: { id: 'a', appId: 'c', displayName: 'c', exposesApi: false },
    });
    const result = linkability(t, 'application');
    expect(result.linkable && result.warnings.join(' ')).toMatch(/follows the resource/);
    const api = makeTarget('c', {
      application: { id: 'a', appId: 'c', displayName: 'c', identifierUris: ['api://c'] },
    });
    expect(linkability(api, 'application')).toEqual({ linkable: true, warnings: [] });
  });
});

describe('findOrganizationDefaults', () => {
  it('lists every live policy claiming to be the default', () => {
    const policies = [
      makePolicy('a', 3600, { isOrganizationDefault: true }),
      makePolicy('b', 3600),
      makePolicy('c', 3600, {
        isOrganizationDefault: true,
        deletedDateTime: '2026-01-01T00:00:00Z',
      }),
    ];
    expect(findOrganizationDefaults(policies).map((p) => p.id)).toEqual(['a']);
  });
});

describe('otherOrganizationDefault (only one organization default)', () => {
  const policies = [
    makePolicy('a', 3600, { isOrganizationDefault: true }),
    makePolicy('b', 3600),
    makePolicy('gone', 3600, {
      isOrganizationDefault: true,
      deletedDateTime: '2026-01-01T00:00:00Z',
    }),
  ];
  it('names the default that must be unset before another becomes the default', () => {
    expect(otherOrganizationDefault(policies, 'b')?.id).toBe('a');
    expect(otherOrganizationDefault(policies, undefined)?.id).toBe('a');
  });
  it('is nothing when the policy is already the default, or there is none alive', () => {
    expect(otherOrganizationDefault(policies, 'a')).toBeUndefined();
    expect(otherOrganizationDefault(policies.slice(1), 'b')).toBeUndefined();
  });
});

describe('one policy per object', () => {
  it('links to an empty object, replaces another policy, skips the same policy', () => {
    expect(linkStep(undefined, 'p')).toBe('link');
    expect(linkStep(null, 'p')).toBe('link');
    expect(linkStep('q', 'p')).toBe('replace');
    expect(linkStep('p', 'p')).toBe('already-linked');
  });
  it('an object holding a policy takes no second link', () => {
    expect(canTakeAnotherLink(undefined)).toBe(true);
    expect(canTakeAnotherLink('p')).toBe(false);
  });
});

describe('kindOf', () => {
  it('names each kind of row', () => {
    expect(kindOf(makeTarget('a'))).toBe('app-and-sp');
    expect(kindOf(makeTarget('a', { servicePrincipal: undefined }))).toBe('app-only');
    expect(
      kindOf(
        makeTarget('o', {
          application: undefined,
          servicePrincipal: { id: 's', appId: 'o', displayName: 'o', appOwnerOrganizationId: 'x' },
        }),
      ),
    ).toBe('other-publisher');
    expect(
      kindOf(
        makeTarget('00000003-0000-0000-c000-000000000000', {
          application: undefined,
          servicePrincipal: {
            id: 's',
            appId: '00000003-0000-0000-c000-000000000000',
            displayName: 'Microsoft Graph',
          },
        }),
      ),
    ).toBe('first-party');
    expect(kindOf(makeManagedIdentity('m'))).toBe('managed-identity');
  });
});

describe('linkedPolicyHasNoEffect', () => {
  const clientOnly = (extra = {}) =>
    makeTarget('c', {
      application: { id: 'a', appId: 'c', displayName: 'c', exposesApi: false },
      ...extra,
    });
  it('is true for a client-only app holding a policy on its app object or SP', () => {
    expect(linkedPolicyHasNoEffect(clientOnly({ applicationPolicyId: 'p' }))).toBe(true);
    expect(linkedPolicyHasNoEffect(clientOnly({ servicePrincipalPolicyId: 'p' }))).toBe(true);
  });
  it('is false without a link, for an app that exposes an API, or a link to a missing object', () => {
    expect(linkedPolicyHasNoEffect(clientOnly())).toBe(false);
    expect(linkedPolicyHasNoEffect(makeTarget('a', { applicationPolicyId: 'p' }))).toBe(false);
    expect(
      linkedPolicyHasNoEffect(
        clientOnly({ servicePrincipal: undefined, servicePrincipalPolicyId: 'p' }),
      ),
    ).toBe(false);
  });
});

describe('the managed-identity message', () => {
  it('reads the same in the link picker, the explanation caveat and the audit', () => {
    const mi = makeManagedIdentity('mi', { servicePrincipalPolicyId: 'p' });
    const verdict = linkability(mi, 'servicePrincipal');
    expect(verdict.linkable === false && verdict.reason).toBe(MANAGED_IDENTITY_UNSUPPORTED);
    expect(CAVEATS['managed-identity-unsupported'].message).toBe(MANAGED_IDENTITY_UNSUPPORTED);
    const audit = auditSummary({ policies: [makePolicy('p', 7200)], targets: [mi] });
    expect(audit.policiesLinkedToUnsupported.map((u) => u.reason)).toEqual([
      MANAGED_IDENTITY_UNSUPPORTED,
    ]);
  });
});

describe('unlinkedPolicyFinding', () => {
  it('says a policy linked to nothing and not the default changes nothing', () => {
    expect(unlinkedPolicyFinding(makePolicy('p', 3600), 0)).toMatchObject({
      code: 'unlinked',
      severity: 'info',
      message: expect.stringMatching(/changes nothing/),
    });
  });
  it('has nothing to say about a linked policy or the organization default', () => {
    expect(unlinkedPolicyFinding(makePolicy('p', 3600), 2)).toBeUndefined();
    expect(
      unlinkedPolicyFinding(makePolicy('p', 3600, { isOrganizationDefault: true }), 0),
    ).toBeUndefined();
  });
});
