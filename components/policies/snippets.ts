// "Do it yourself": the Graph request and the Microsoft Graph PowerShell command for a policy's
// current state, so an admin can reproduce, script or review it. Every value in the PowerShell goes
// through lib/codegen/powershell: a policy or app name is data, never code (issue 14).
import type { LinkedObject } from '@/lib/graph/types';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { psBoolean, psComment, psSingleQuoted, psStringArray } from '@/lib/codegen/powershell';

const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

const connect = (...scopes: string[]) =>
  `Connect-MgGraph -Scopes ${scopes.map(psSingleQuoted).join(', ')}`;

export function graphCreateRequest(policy: TokenLifetimePolicy, graphBaseUrl = GRAPH_ROOT): string {
  const body = {
    displayName: policy.displayName,
    ...(policy.description ? { description: policy.description } : {}),
    isOrganizationDefault: policy.isOrganizationDefault,
    definition: policy.definition,
  };
  return `POST ${graphBaseUrl}/policies/tokenLifetimePolicies\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
}

export function powerShellCreate(policy: TokenLifetimePolicy): string {
  return [
    connect('Policy.ReadWrite.ApplicationConfiguration'),
    '$params = @{',
    `    DisplayName = ${psSingleQuoted(policy.displayName)}`,
    ...(policy.description ? [`    Description = ${psSingleQuoted(policy.description)}`] : []),
    `    IsOrganizationDefault = ${psBoolean(policy.isOrganizationDefault)}`,
    `    Definition = ${psStringArray(policy.definition)}`,
    '}',
    'New-MgPolicyTokenLifetimePolicy -BodyParameter $params',
  ].join('\n');
}

export function powerShellInspect(policy: TokenLifetimePolicy): string {
  const id = psSingleQuoted(policy.id);
  return [
    connect('Policy.Read.All', 'Application.Read.All'),
    `Get-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId ${id} | Format-List`,
    `Get-MgPolicyTokenLifetimePolicyApplyTo -TokenLifetimePolicyId ${id} -All`,
  ].join('\n');
}

const LINK_CMDLET = {
  application: 'New-MgApplicationTokenLifetimePolicyByRef -ApplicationId',
  servicePrincipal: 'New-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId',
} as const;

const KIND = { application: 'application', servicePrincipal: 'service principal' } as const;

export function powerShellLinks(policy: TokenLifetimePolicy, linked: LinkedObject[]): string {
  if (linked.length === 0)
    return psComment('This policy is linked to no application or service principal.');
  const ref = `${GRAPH_ROOT}/policies/tokenLifetimePolicies/${policy.id}`;
  return [
    connect('Policy.ReadWrite.ApplicationConfiguration', 'Application.ReadWrite.All'),
    `$ref = @{ '@odata.id' = ${psSingleQuoted(ref)} }`,
    // The object's name is shown as a quoted literal, never in a comment: a comment ends at the
    // first new line, a literal only where psSingleQuoted says.
    ...linked.flatMap((o) => [
      `Write-Host ${psSingleQuoted(`${o.displayName} (${KIND[o.objectType]})`)}`,
      `${LINK_CMDLET[o.objectType]} ${psSingleQuoted(o.id)} -BodyParameter $ref`,
    ]),
  ].join('\n');
}
