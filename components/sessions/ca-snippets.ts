// "Do it yourself" for the report-only Conditional Access draft: the Graph request and the
// Microsoft Graph PowerShell command (New-MgIdentityConditionalAccessPolicy). Every value goes
// through lib/codegen/powershell: a policy name comes from the tenant and is data, never code.
import { psBoolean, psSingleQuoted, psStringArray } from '@/lib/codegen/powershell';
import type { DraftConditionalAccessPolicy } from '@/lib/policy/conditional-access';

export interface CaSnippetCloud {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphRoot: string;
  powerShellEnvironment?: 'USGov' | 'USGovDoD' | 'China';
}

/** What Graph's create names (conditionalaccessroot-post-policies, permissions). */
export const CONDITIONAL_ACCESS_WRITE_PERMISSIONS = [
  'Policy.Read.All',
  'Policy.ReadWrite.ConditionalAccess',
  'Application.Read.All',
];

export function graphCreateConditionalAccessRequest(
  draft: DraftConditionalAccessPolicy,
  cloud: CaSnippetCloud,
): string {
  return `POST ${cloud.graphRoot}/identity/conditionalAccess/policies\nContent-Type: application/json\n\n${JSON.stringify(draft, null, 2)}`;
}

function psInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Not an integer: ${value}`);
  return String(value);
}

export function powerShellCreateConditionalAccess(
  draft: DraftConditionalAccessPolicy,
  cloud: CaSnippetCloud,
): string {
  const sif = draft.sessionControls.signInFrequency;
  return [
    [
      'Connect-MgGraph',
      // A fixed list of names, never from the tenant.
      ...(cloud.powerShellEnvironment ? [`-Environment ${cloud.powerShellEnvironment}`] : []),
      `-Scopes ${CONDITIONAL_ACCESS_WRITE_PERMISSIONS.map(psSingleQuoted).join(', ')}`,
    ].join(' '),
    '$params = @{',
    `    DisplayName = ${psSingleQuoted(draft.displayName)}`,
    `    State = ${psSingleQuoted(draft.state)}`,
    '    Conditions = @{',
    `        ClientAppTypes = ${psStringArray(draft.conditions.clientAppTypes)}`,
    `        Applications = @{ IncludeApplications = ${psStringArray(draft.conditions.applications.includeApplications)} }`,
    `        Users = @{ IncludeUsers = ${psStringArray(draft.conditions.users.includeUsers)} }`,
    '    }',
    '    SessionControls = @{',
    '        SignInFrequency = @{',
    `            IsEnabled = ${psBoolean(sif.isEnabled)}`,
    `            Type = ${psSingleQuoted(sif.type)}`,
    `            Value = ${psInteger(sif.value)}`,
    `            FrequencyInterval = ${psSingleQuoted(sif.frequencyInterval)}`,
    `            AuthenticationType = ${psSingleQuoted(sif.authenticationType)}`,
    '        }',
    '    }',
    '}',
    'New-MgIdentityConditionalAccessPolicy -BodyParameter $params',
  ].join('\n');
}
