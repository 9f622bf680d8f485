// "Do it yourself": the Graph request and the Microsoft Graph PowerShell command for a policy's
// current state, so an admin can reproduce, script or review it.
import type { LinkedObject } from '@/lib/graph/types';
import type { TokenLifetimePolicy } from '@/lib/policy/types';

const psString = (value: string) => `'${value.replace(/'/g, "''")}'`;

export function graphCreateRequest(
  policy: TokenLifetimePolicy,
  graphBaseUrl = 'https://graph.microsoft.com/v1.0',
): string {
  const body = {
    displayName: policy.displayName,
    ...(policy.description ? { description: policy.description } : {}),
    isOrganizationDefault: policy.isOrganizationDefault,
    definition: policy.definition,
  };
  return `POST ${graphBaseUrl}/policies/tokenLifetimePolicies\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
}

export function powerShellCreate(policy: TokenLifetimePolicy): string {
  const definition = policy.definition.map(psString).join(', ');
  return [
    'Connect-MgGraph -Scopes "Policy.ReadWrite.ApplicationConfiguration"',
    '$params = @{',
    `    DisplayName = ${psString(policy.displayName)}`,
    ...(policy.description ? [`    Description = ${psString(policy.description)}`] : []),
    `    IsOrganizationDefault = $${policy.isOrganizationDefault ? 'true' : 'false'}`,
    `    Definition = @(${definition})`,
    '}',
    'New-MgPolicyTokenLifetimePolicy -BodyParameter $params',
  ].join('\n');
}

export function powerShellInspect(policy: TokenLifetimePolicy): string {
  return [
    'Connect-MgGraph -Scopes "Policy.Read.All","Application.Read.All"',
    `Get-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId ${psString(policy.id)} | Format-List`,
    `Get-MgPolicyTokenLifetimePolicyApplyTo -TokenLifetimePolicyId ${psString(policy.id)} -All`,
  ].join('\n');
}

export function powerShellLinks(policy: TokenLifetimePolicy, linked: LinkedObject[]): string {
  if (linked.length === 0) return '# This policy is linked to no application or service principal.';
  const ref = `@{ "@odata.id" = "https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${policy.id}" }`;
  return [
    'Connect-MgGraph -Scopes "Policy.ReadWrite.ApplicationConfiguration","Application.ReadWrite.All"',
    `$ref = ${ref}`,
    ...linked.map((o) =>
      o.objectType === 'application'
        ? `New-MgApplicationTokenLifetimePolicyByRef -ApplicationId ${psString(o.id)} -BodyParameter $ref  # ${o.displayName.replace(/[\r\n]/g, ' ')}`
        : `New-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId ${psString(o.id)} -BodyParameter $ref  # ${o.displayName.replace(/[\r\n]/g, ' ')}`,
    ),
  ].join('\n');
}
