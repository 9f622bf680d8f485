// The draft's PowerShell keeps a hostile policy name inert: it is tokenized as ONE string literal
// (lib/codegen's tokenizer, PowerShell Language Specification 3.0 §2.3.5.2).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anyString } from '@/lib/codegen/powershell-test-strings';
import { tokenize } from '@/lib/codegen/powershell-tokenizer';
import { draftSignInFrequencyPolicy } from '@/lib/policy/conditional-access';
import {
  graphCreateConditionalAccessRequest,
  powerShellCreateConditionalAccess,
} from './ca-snippets';

const cloud = { graphRoot: 'https://graph.microsoft.com/v1.0' };

describe('Conditional Access draft snippets', () => {
  it('keeps any policy name one inert string literal, and adds no code', () => {
    fc.assert(
      fc.property(anyString, (name) => {
        const draft = draftSignInFrequencyPolicy({
          displayName: `Sign-in every 12 hours (replaces ${name})`,
          frequency: { type: 'hours', value: 12 },
          applications: [name],
        });
        const tokens = tokenize(powerShellCreateConditionalAccess(draft, cloud));
        const strings = tokens.flatMap((t) => (t.kind === 'string' ? [t] : []));
        expect(strings.some((t) => t.value === draft.displayName)).toBe(true);
        expect(strings.some((t) => t.value === name)).toBe(true);
        expect(strings.every((t) => !t.expandable)).toBe(true);
        const variables = tokens.flatMap((t) => (t.kind === 'variable' ? [t.text] : []));
        expect(new Set(variables)).toEqual(new Set(['$params', '$true']));
      }),
    );
  });

  it('names the cmdlet, the three permissions and the national cloud environment', () => {
    const draft = draftSignInFrequencyPolicy({
      displayName: 'Sign-in every 12 hours',
      frequency: { type: 'hours', value: 12 },
      applications: [],
    });
    const script = powerShellCreateConditionalAccess(draft, {
      graphRoot: 'https://graph.microsoft.us/v1.0',
      powerShellEnvironment: 'USGov',
    });
    expect(script).toContain(
      "Connect-MgGraph -Environment USGov -Scopes 'Policy.Read.All', 'Policy.ReadWrite.ConditionalAccess', 'Application.Read.All'",
    );
    expect(script).toContain("State = 'enabledForReportingButNotEnforced'");
    expect(script).toContain('Value = 12');
    expect(script).toMatch(/New-MgIdentityConditionalAccessPolicy -BodyParameter \$params$/);
    expect(graphCreateConditionalAccessRequest(draft, cloud)).toMatch(
      /^POST https:\/\/graph\.microsoft\.com\/v1\.0\/identity\/conditionalAccess\/policies\n/,
    );
  });
});
