// "Do it yourself": the Graph request and the Microsoft Graph PowerShell command for a policy's
// current state, so an admin can reproduce, script or review it. Every value in the PowerShell goes
// through lib/codegen/powershell: a policy or app name is data, never code (issue 14).
import type { LinkedObject } from '@/lib/graph/types';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import { psBoolean, psComment, psSingleQuoted, psStringArray } from '@/lib/codegen/powershell';

/** Which Graph the snippets talk to: national clouds have their own root and PowerShell environment. */
export interface SnippetCloud {
  /** e.g. https://graph.microsoft.us/v1.0 */
  graphRoot: string;
  /** Connect-MgGraph -Environment (Get-MgEnvironment): USGov, USGovDoD, China; none for global. */
  powerShellEnvironment?: 'USGov' | 'USGovDoD' | 'China';
}

const GLOBAL: SnippetCloud = { graphRoot: 'https://graph.microsoft.com/v1.0' };

const connect = (cloud: SnippetCloud, ...scopes: string[]) =>
  [
    'Connect-MgGraph',
    // A fixed list of names, not data: never quoted, never from the tenant.
    ...(cloud.powerShellEnvironment ? [`-Environment ${cloud.powerShellEnvironment}`] : []),
    `-Scopes ${scopes.map(psSingleQuoted).join(', ')}`,
  ].join(' ');

export function graphCreateRequest(
  policy: TokenLifetimePolicy,
  cloud: SnippetCloud = GLOBAL,
): string {
  const graphBaseUrl = cloud.graphRoot;
  const body = {
    displayName: policy.displayName,
    ...(policy.description ? { description: policy.description } : {}),
    isOrganizationDefault: policy.isOrganizationDefault,
    definition: policy.definition,
  };
  return `POST ${graphBaseUrl}/policies/tokenLifetimePolicies\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
}

export function powerShellCreate(
  policy: TokenLifetimePolicy,
  cloud: SnippetCloud = GLOBAL,
): string {
  return [
    connect(cloud, 'Policy.ReadWrite.ApplicationConfiguration'),
    '$params = @{',
    `    DisplayName = ${psSingleQuoted(policy.displayName)}`,
    ...(policy.description ? [`    Description = ${psSingleQuoted(policy.description)}`] : []),
    `    IsOrganizationDefault = ${psBoolean(policy.isOrganizationDefault)}`,
    `    Definition = ${psStringArray(policy.definition)}`,
    '}',
    'New-MgPolicyTokenLifetimePolicy -BodyParameter $params',
  ].join('\n');
}

export function powerShellInspect(
  policy: TokenLifetimePolicy,
  cloud: SnippetCloud = GLOBAL,
): string {
  const id = psSingleQuoted(policy.id);
  return [
    connect(cloud, 'Policy.Read.All', 'Application.Read.All'),
    `Get-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId ${id} | Format-List`,
    `Get-MgPolicyTokenLifetimePolicyApplyTo -TokenLifetimePolicyId ${id} -All`,
  ].join('\n');
}

const LINK_CMDLET = {
  application: 'New-MgApplicationTokenLifetimePolicyByRef -ApplicationId',
  servicePrincipal: 'New-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId',
} as const;

const KIND = { application: 'application', servicePrincipal: 'service principal' } as const;

export function powerShellLinks(
  policy: TokenLifetimePolicy,
  linked: LinkedObject[],
  cloud: SnippetCloud = GLOBAL,
): string {
  if (linked.length === 0)
    return psComment('This policy is linked to no application or service principal.');
  const ref = `${cloud.graphRoot}/policies/tokenLifetimePolicies/${policy.id}`;
  return [
    connect(cloud, 'Policy.ReadWrite.ApplicationConfiguration', 'Application.ReadWrite.All'),
    `$ref = @{ '@odata.id' = ${psSingleQuoted(ref)} }`,
    // The object's name is shown as a quoted literal, never in a comment: a comment ends at the
    // first new line, a literal only where psSingleQuoted says.
    ...linked.flatMap((o) => [
      `Write-Host ${psSingleQuoted(`${o.displayName} (${KIND[o.objectType]})`)}`,
      `${LINK_CMDLET[o.objectType]} ${psSingleQuoted(o.id)} -BodyParameter $ref`,
    ]),
  ].join('\n');
}
