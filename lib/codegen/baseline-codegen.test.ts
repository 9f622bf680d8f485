// Names are attacker-controlled data: for any policy name, description or appId, the generated
// script and DSC configuration hold it only as a string literal whose value is exactly that input,
// and their code (every non-string token) is the same as for harmless names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASELINE_SCHEMA, type Baseline, type BaselinePolicy } from '../desired-state/baseline';
import { baselineDscConfiguration } from './dsc';
import { baselineScript } from './baseline-script';
import { anyString } from './powershell-test-strings';
import { tokenize, type PsToken } from './powershell-tokenizer';

const policyArb = fc.record({
  displayName: anyString,
  description: fc.option(anyString, { nil: null }),
  accessTokenLifetime: fc.constantFrom('00:10:00', '02:00:00', '23:59:59'),
  isOrganizationDefault: fc.boolean(),
  links: fc.array(
    fc.record({
      appId: anyString,
      object: fc.constantFrom('application' as const, 'servicePrincipal' as const),
    }),
    { maxLength: 3 },
  ),
});

const baselineOf = (policies: BaselinePolicy[]): Baseline => ({
  schema: BASELINE_SCHEMA,
  version: 1,
  exportedAt: 'now',
  policies,
});

/** The same baseline with every piece of data replaced by a harmless placeholder. */
const harmless = (b: Baseline): Baseline =>
  baselineOf(
    b.policies.map((p, i) => ({
      ...p,
      displayName: `name${i}`,
      description: p.description === null ? null : `description${i}`,
      links: p.links.map((l, j) => ({ ...l, appId: `app${i}x${j}` })),
    })),
  );

const code = (tokens: PsToken[]) =>
  tokens.filter((t) => t.kind !== 'string').map((t) => `${t.kind}:${t.text}`);
const strings = (tokens: PsToken[]) =>
  tokens.flatMap((t) => (t.kind === 'string' ? [t.value] : []));

/** The data values in the order the generators write them. */
function scriptData(b: Baseline): string[] {
  return b.policies.flatMap((p) => [
    p.displayName,
    ...(p.description === null ? [] : [p.description]),
    p.accessTokenLifetime,
    ...p.links.filter((l) => l.object === 'application').map((l) => l.appId),
    ...p.links.filter((l) => l.object === 'servicePrincipal').map((l) => l.appId),
  ]);
}

describe('baselineScript (Microsoft Graph PowerShell)', () => {
  it('for any names: string literals equal the inputs, and no other token comes from the data', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { maxLength: 3 }), (policies) => {
        const b = baselineOf(policies);
        const tokens = tokenize(baselineScript(b));
        const reference = tokenize(baselineScript(harmless(b)));
        expect(code(tokens)).toEqual(code(reference));
        // The data table comes first, after the Graph root; the generic body follows unchanged.
        const values = strings(tokens);
        const data = scriptData(b);
        const graphRootAt = values.indexOf('https://graph.microsoft.com/v1.0');
        expect(values.slice(graphRootAt + 1, graphRootAt + 1 + data.length)).toEqual(data);
        expect(values.slice(graphRootAt + 1 + data.length)).toEqual(
          strings(reference).slice(graphRootAt + 1 + data.length),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent by construction: every write is behind a comparison with the tenant', () => {
    const script = baselineScript(harmless(baselineOf([])));
    for (const write of [
      'New-MgPolicyTokenLifetimePolicy ',
      'Update-MgPolicyTokenLifetimePolicy ',
      'New-MgApplicationTokenLifetimePolicyByRef',
      'Remove-MgPolicyTokenLifetimePolicy ',
    ])
      expect(script).toContain(write);
    expect(script).toContain('if ($held.Id -contains $policyId) { return }');
    expect(script).toContain('if ($found.Count -eq 0) {');
  });

  it('names the national cloud environment when there is one', () => {
    const script = baselineScript(baselineOf([]), {
      graphRoot: 'https://graph.microsoft.us/v1.0',
      powerShellEnvironment: 'USGov',
    });
    expect(script).toContain('Connect-MgGraph -Environment USGov');
    expect(script).toContain("$graphRoot = 'https://graph.microsoft.us/v1.0'");
  });
});

describe('baselineDscConfiguration (Microsoft365DSC AADTokenLifetimePolicy)', () => {
  it('for any names: string literals equal the inputs, and no other token comes from the data', () => {
    fc.assert(
      fc.property(fc.array(policyArb, { maxLength: 3 }), (policies) => {
        const b = baselineOf(policies);
        const tokens = tokenize(baselineDscConfiguration(b));
        const reference = tokenize(baselineDscConfiguration(harmless(b)));
        // Instance keys are identifiers derived from names (psIdentifierFrom): letters, digits and _.
        const masked = (ts: PsToken[]) =>
          code(ts).map((t, i, all) => (all[i - 1] === 'word:AADTokenLifetimePolicy' ? 'key' : t));
        expect(masked(tokens)).toEqual(masked(reference));
        const keys = code(tokens).filter(
          (_, i, all) => all[i - 1] === 'word:AADTokenLifetimePolicy',
        );
        for (const key of keys) expect(key).toMatch(/^word:[A-Za-z_][A-Za-z0-9_]*$/);
        expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
        const expected = b.policies.flatMap((p) => [
          p.displayName,
          ...(p.description === null ? [] : [p.description]),
          JSON.stringify({
            TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: p.accessTokenLifetime },
          }),
          'Present',
        ]);
        expect(strings(tokens)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('has the resource properties Microsoft365DSC documents, and says links are in the script', () => {
    const dsc = baselineDscConfiguration(
      baselineOf([
        {
          displayName: 'Contoso 2h',
          description: 'Exports',
          accessTokenLifetime: '02:00:00',
          isOrganizationDefault: true,
          links: [],
        },
      ]),
    );
    for (const property of [
      'DisplayName',
      'Description',
      'Definition',
      'IsOrganizationDefault',
      'Ensure',
    ])
      expect(dsc).toMatch(new RegExp(`\\b${property}\\s+=`));
    expect(dsc).toContain('Import-DscResource -ModuleName Microsoft365DSC');
    expect(dsc).toMatch(/Links .* are not part of the AADTokenLifetimePolicy/);
  });
});
