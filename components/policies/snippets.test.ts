import { describe, expect, it } from 'vitest';
import { graphCreateRequest, powerShellCreate, powerShellLinks } from './snippets';

const policy = {
  id: 'p1',
  displayName: "Ops' 2h",
  description: 'Exports',
  isOrganizationDefault: false,
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
};

describe('snippets', () => {
  it('writes a Graph request that reproduces the policy', () => {
    const text = graphCreateRequest(policy);
    expect(text.split('\n')[0]).toBe(
      'POST https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies',
    );
    const body = JSON.parse(text.slice(text.indexOf('{')));
    expect(body).toEqual({
      displayName: "Ops' 2h",
      description: 'Exports',
      isOrganizationDefault: false,
      definition: policy.definition,
    });
  });

  it('quotes PowerShell strings safely', () => {
    const text = powerShellCreate(policy);
    expect(text).toContain("DisplayName = 'Ops'' 2h'");
    expect(text).toContain('New-MgPolicyTokenLifetimePolicy -BodyParameter $params');
    expect(text).toContain('IsOrganizationDefault = $false');
  });

  it('links apps and service principals with the right cmdlets, names kept on one line', () => {
    const text = powerShellLinks(policy, [
      { objectType: 'application', id: 'a1', appId: 'x', displayName: 'App' },
      {
        objectType: 'servicePrincipal',
        id: 's1',
        appId: 'y',
        displayName: 'Evil\nRemove-Everything',
      },
    ]);
    expect(text).toContain("New-MgApplicationTokenLifetimePolicyByRef -ApplicationId 'a1'");
    expect(text).toContain(
      "New-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId 's1'",
    );
    expect(text.split('\n').some((line) => line.startsWith('Remove-Everything'))).toBe(false);
  });
});
