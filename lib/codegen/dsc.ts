// A Microsoft365DSC configuration of the policies. Resource AADTokenLifetimePolicy (schema:
// microsoft/Microsoft365DSC, DSCResources/MSFT_AADTokenLifetimePolicy/*.schema.mof): DisplayName
// (key), Description, Definition, IsOrganizationDefault, Ensure. It has no links, so they stay in
// the PowerShell script.
import type { Baseline } from '../desired-state/baseline';
import { buildDefinition } from '../policy/definition';
import { parseTimeSpan } from '../policy/timespan';
import {
  psBoolean,
  psComment,
  psIdentifierFrom,
  psSingleQuoted,
  psStringArray,
} from './powershell';

export function baselineDscConfiguration(baseline: Baseline): string {
  const used = new Set<string>();
  const blocks = baseline.policies.map((policy, i) => {
    // A DSC instance key must be unique in the configuration; the name is data, so only its
    // letters and digits survive, and a counter keeps two similar names apart.
    let key = psIdentifierFrom(policy.displayName, `TokenLifetimePolicy${i + 1}`);
    if (used.has(key.toLowerCase())) key = `${key}_${i + 1}`;
    used.add(key.toLowerCase());
    const parsed = parseTimeSpan(policy.accessTokenLifetime);
    if (!parsed.ok) throw new RangeError(parsed.error);
    return [
      `        AADTokenLifetimePolicy ${key}`,
      '        {',
      `            DisplayName           = ${psSingleQuoted(policy.displayName)}`,
      ...(policy.description === null
        ? []
        : [`            Description           = ${psSingleQuoted(policy.description)}`]),
      `            Definition            = ${psStringArray(buildDefinition({ accessTokenLifetimeSeconds: parsed.seconds }))}`,
      `            IsOrganizationDefault = ${psBoolean(policy.isOrganizationDefault)}`,
      "            Ensure                = 'Present'",
      '            Credential            = $Credential',
      '        }',
    ].join('\n');
  });
  return [
    psComment('Microsoft365DSC configuration of token lifetime policies.'),
    psComment(
      'Links to applications and service principals are not part of the AADTokenLifetimePolicy',
    ),
    psComment('resource: they are in the PowerShell script exported with this configuration.'),
    'Configuration TokenLifetimePolicies',
    '{',
    '    param(',
    '        [Parameter(Mandatory = $true)]',
    '        [PSCredential]',
    '        $Credential',
    '    )',
    '    Import-DscResource -ModuleName Microsoft365DSC',
    '',
    '    Node localhost',
    '    {',
    ...blocks,
    '    }',
    '}',
  ].join('\n');
}
