// The whole configuration as an idempotent Microsoft Graph PowerShell script: it finds policies by
// display name, creates or updates them, sets the organization default, and links and unlinks by
// appId. Run twice, the second run changes nothing (every write is guarded by a comparison).
// Data appears only as verbatim string literals in the $desiredPolicies table at the top; the
// code below it is the same for every tenant. Cmdlets: Microsoft.Graph.Identity.SignIns
// (*-MgPolicyTokenLifetimePolicy*) and Microsoft.Graph.Applications (*ByAppId, *ByRef).
import type { Baseline } from '../desired-state/baseline';
import { psBoolean, psComment, psSingleQuoted, psStringArray } from './powershell';

export interface ScriptCloud {
  graphRoot: string;
  powerShellEnvironment?: 'USGov' | 'USGovDoD' | 'China';
}

const GLOBAL: ScriptCloud = { graphRoot: 'https://graph.microsoft.com/v1.0' };

function desiredTable(baseline: Baseline): string[] {
  const lines = ['$desiredPolicies = @('];
  for (const policy of baseline.policies) {
    const onApplications = policy.links
      .filter((l) => l.object === 'application')
      .map((l) => l.appId);
    const onServicePrincipals = policy.links
      .filter((l) => l.object === 'servicePrincipal')
      .map((l) => l.appId);
    lines.push(
      '    @{',
      `        DisplayName = ${psSingleQuoted(policy.displayName)}`,
      `        Description = ${policy.description === null ? '$null' : psSingleQuoted(policy.description)}`,
      `        AccessTokenLifetime = ${psSingleQuoted(policy.accessTokenLifetime)}`,
      `        IsOrganizationDefault = ${psBoolean(policy.isOrganizationDefault)}`,
      `        ApplicationAppIds = ${psStringArray(onApplications)}`,
      `        ServicePrincipalAppIds = ${psStringArray(onServicePrincipals)}`,
      '    }',
    );
  }
  lines.push(')');
  return lines;
}

// The generic part. No data in it: every name comes from $desiredPolicies at run time.
const BODY = String.raw`
function Get-LifetimeOf($policy) {
    (($policy.Definition | Select-Object -First 1) | ConvertFrom-Json).TokenLifetimePolicy.AccessTokenLifetime
}

function New-Definition($lifetime) {
    , (@{ TokenLifetimePolicy = @{ Version = 1; AccessTokenLifetime = $lifetime } } | ConvertTo-Json -Compress)
}

function Find-PolicyByName($policies, $name) {
    @($policies | Where-Object { $_.DisplayName.Trim() -eq $name.Trim() })
}

$allPolicies = @(Get-MgPolicyTokenLifetimePolicy -All)
$policyIds = @{}
foreach ($desired in $desiredPolicies) {
    $found = Find-PolicyByName $allPolicies $desired.DisplayName
    if ($found.Count -gt 1) { throw "Several policies share the display name of one desired policy; resolve it in the tenant first." }
    if ($found.Count -eq 0) {
        $created = New-MgPolicyTokenLifetimePolicy -BodyParameter @{
            DisplayName = $desired.DisplayName
            Description = $desired.Description
            Definition = New-Definition $desired.AccessTokenLifetime
            IsOrganizationDefault = $false
        }
        $policyIds[$desired.DisplayName] = $created.Id
        Write-Host 'Created a policy.'
        continue
    }
    $policy = $found[0]
    $policyIds[$desired.DisplayName] = $policy.Id
    if ((Get-LifetimeOf $policy) -cne $desired.AccessTokenLifetime -or [string]$policy.Description -cne [string]$desired.Description) {
        Update-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId $policy.Id -BodyParameter @{
            Description = $desired.Description
            Definition = New-Definition $desired.AccessTokenLifetime
        }
        Write-Host 'Updated a policy.'
    }
}

# One organization default at most: unset the others first, then set the desired one.
$allPolicies = @(Get-MgPolicyTokenLifetimePolicy -All)
$wantedDefault = @($desiredPolicies | Where-Object { $_.IsOrganizationDefault } | ForEach-Object { $policyIds[$_.DisplayName] })
foreach ($policy in $allPolicies) {
    if ($policy.IsOrganizationDefault -and $wantedDefault -notcontains $policy.Id) {
        Update-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId $policy.Id -BodyParameter @{ IsOrganizationDefault = $false }
        Write-Host 'Unset the organization default.'
    }
}
foreach ($policy in $allPolicies) {
    if (-not $policy.IsOrganizationDefault -and $wantedDefault -contains $policy.Id) {
        Update-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId $policy.Id -BodyParameter @{ IsOrganizationDefault = $true }
        Write-Host 'Set the organization default.'
    }
}

# Links: an object holds one token lifetime policy, so a different one is removed before linking.
function Set-Link($kind, $appId, $policyId) {
    if ($kind -eq 'application') {
        $object = Get-MgApplicationByAppId -AppId $appId
        $held = @(Get-MgApplicationTokenLifetimePolicy -ApplicationId $object.Id)
    } else {
        $object = Get-MgServicePrincipalByAppId -AppId $appId
        $held = @(Get-MgServicePrincipalTokenLifetimePolicy -ServicePrincipalId $object.Id)
    }
    if ($held.Id -contains $policyId) { return }
    $ref = @{ '@odata.id' = "$graphRoot/policies/tokenLifetimePolicies/$policyId" }
    foreach ($other in $held) {
        if ($kind -eq 'application') { Remove-MgApplicationTokenLifetimePolicyByRef -ApplicationId $object.Id -TokenLifetimePolicyId $other.Id }
        else { Remove-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId $object.Id -TokenLifetimePolicyId $other.Id }
    }
    if ($kind -eq 'application') { New-MgApplicationTokenLifetimePolicyByRef -ApplicationId $object.Id -BodyParameter $ref }
    else { New-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId $object.Id -BodyParameter $ref }
    Write-Host 'Linked a policy.'
}

foreach ($desired in $desiredPolicies) {
    $policyId = $policyIds[$desired.DisplayName]
    foreach ($appId in $desired.ApplicationAppIds) { Set-Link 'application' $appId $policyId }
    foreach ($appId in $desired.ServicePrincipalAppIds) { Set-Link 'servicePrincipal' $appId $policyId }
    foreach ($linked in @(Get-MgPolicyTokenLifetimePolicyApplyTo -TokenLifetimePolicyId $policyId -All)) {
        $type = $linked.AdditionalProperties['@odata.type']
        $appId = $linked.AdditionalProperties['appId']
        if ($type -eq '#microsoft.graph.application' -and $desired.ApplicationAppIds -notcontains $appId) {
            Remove-MgApplicationTokenLifetimePolicyByRef -ApplicationId $linked.Id -TokenLifetimePolicyId $policyId
            Write-Host 'Unlinked a policy.'
        }
        if ($type -eq '#microsoft.graph.servicePrincipal' -and $desired.ServicePrincipalAppIds -notcontains $appId) {
            Remove-MgServicePrincipalTokenLifetimePolicyByRef -ServicePrincipalId $linked.Id -TokenLifetimePolicyId $policyId
            Write-Host 'Unlinked a policy.'
        }
    }
}

# Policies the baseline does not list are removed only when asked: -RemoveUnlistedPolicies.
if ($RemoveUnlistedPolicies) {
    foreach ($policy in @(Get-MgPolicyTokenLifetimePolicy -All)) {
        if (-not $policyIds.ContainsValue($policy.Id)) {
            Remove-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId $policy.Id
            Write-Host 'Removed a policy the baseline does not list.'
        }
    }
}
`;

export function baselineScript(baseline: Baseline, cloud: ScriptCloud = GLOBAL): string {
  return [
    psComment('Token lifetime policies: desired state, applied idempotently.'),
    psComment(
      'Generated by the token lifetime policy dashboard. Running it twice changes nothing.',
    ),
    'param([switch]$RemoveUnlistedPolicies)',
    '#Requires -Modules Microsoft.Graph.Identity.SignIns, Microsoft.Graph.Applications',
    "$ErrorActionPreference = 'Stop'",
    [
      'Connect-MgGraph',
      // A fixed list of names, not data.
      ...(cloud.powerShellEnvironment ? [`-Environment ${cloud.powerShellEnvironment}`] : []),
      "-Scopes 'Policy.ReadWrite.ApplicationConfiguration', 'Application.ReadWrite.All'",
    ].join(' '),
    `$graphRoot = ${psSingleQuoted(cloud.graphRoot)}`,
    '',
    ...desiredTable(baseline),
    BODY,
  ].join('\n');
}
