import { describe, expect, it } from 'vitest';
import {
  FIRST_PARTY_RESOURCES,
  findOrganizationDefaults,
  isManagedIdentity,
  isMicrosoftFirstParty,
  linkability,
  MICROSOFT_TENANT_ID,
} from './rules';
import { makePolicy, makeTarget } from './test-fixtures';

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
