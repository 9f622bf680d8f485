import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyString } from '@/lib/codegen/powershell-test-strings';
import { tokenize, type PsToken } from '@/lib/codegen/powershell-tokenizer';
import type { LinkedObject } from '@/lib/graph/types';
import type { TokenLifetimePolicy } from '@/lib/policy/types';
import {
  graphCreateRequest,
  powerShellCreate,
  powerShellInspect,
  powerShellLinks,
} from './snippets';

const policy = {
  id: 'p1',
  displayName: "Ops' 2h",
  description: 'Exports',
  isOrganizationDefault: false,
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
};

/** The code around the literals: token kinds and texts, with every string reduced to its form. */
const shape = (tokens: PsToken[]) =>
  tokens.map((t) => (t.kind === 'string' ? `string:${t.form}` : `${t.kind}:${t.text}`));
const stringValues = (tokens: PsToken[]) =>
  tokens.flatMap((t) => (t.kind === 'string' ? [t.value] : []));
const words = (tokens: PsToken[]) => tokens.flatMap((t) => (t.kind === 'word' ? [t.text] : []));

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
    expect(stringValues(tokenize(text))).toEqual([
      'Policy.ReadWrite.ApplicationConfiguration',
      "Ops' 2h",
      'Exports',
      policy.definition[0],
    ]);
  });

  it('keeps a policy named x’+$(Write-Host PWNED)+’ a name: no code runs when pasted', () => {
    const name = 'x’+$(Write-Host PWNED)+’';
    const tokens = tokenize(powerShellCreate({ ...policy, displayName: name }));
    expect(stringValues(tokens)).toContain(name);
    expect(words(tokens)).not.toContain('Write-Host');
    expect(tokens).not.toContainEqual({ kind: 'punctuation', text: '$(' });
    expect(shape(tokens)).toEqual(shape(tokenize(powerShellCreate(policy))));
  });

  it('keeps a description and a definition that try to close the hashtable as data', () => {
    const description =
      "Exports‛\n}\nRemove-MgPolicyTokenLifetimePolicy -TokenLifetimePolicyId 'x'\n$params = @{ #";
    const definition = '{"a":1}‚); Invoke-Expression ‘evil’; @(‘';
    const tokens = tokenize(powerShellCreate({ ...policy, description, definition: [definition] }));
    expect(stringValues(tokens)).toEqual([
      'Policy.ReadWrite.ApplicationConfiguration',
      "Ops' 2h",
      description,
      definition,
    ]);
    expect(words(tokens)).not.toContain('Remove-MgPolicyTokenLifetimePolicy');
    expect(words(tokens)).not.toContain('Invoke-Expression');
  });

  it('for any name, description, definition and id, only the literals change', () => {
    const reference = (description: boolean) => ({
      ...policy,
      description: description ? 'd' : undefined,
    });
    fc.assert(
      fc.property(
        anyString,
        anyString,
        fc.array(anyString, { minLength: 1, maxLength: 3 }),
        anyString,
        fc.boolean(),
        (displayName, description, definition, id, isOrganizationDefault) => {
          const hostile: TokenLifetimePolicy = {
            id,
            displayName,
            description,
            definition,
            isOrganizationDefault,
          };
          const tokens = tokenize(powerShellCreate(hostile));
          const expected = tokenize(
            powerShellCreate({
              ...reference(description !== ''),
              definition: definition.map(() => 'x'),
              isOrganizationDefault,
            }),
          );
          expect(shape(tokens)).toEqual(shape(expected));
          expect(stringValues(tokens)).toEqual([
            'Policy.ReadWrite.ApplicationConfiguration',
            displayName,
            ...(description ? [description] : []),
            ...definition,
          ]);
          const inspect = tokenize(powerShellInspect(hostile));
          expect(shape(inspect)).toEqual(shape(tokenize(powerShellInspect(policy))));
          expect(stringValues(inspect).filter((v) => v === id)).toHaveLength(2);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('links apps and service principals with the right cmdlets, names only as literals', () => {
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
    const tokens = tokenize(text);
    expect(words(tokens)).not.toContain('Remove-Everything');
    expect(stringValues(tokens)).toContain('Evil\nRemove-Everything (service principal)');
    expect(tokens.filter((t) => t.kind === 'comment')).toEqual([]);
  });

  it('for any object names and ids, and any policy id, only the literals change', () => {
    const linkedObject = fc.record({
      objectType: fc.constantFrom('application' as const, 'servicePrincipal' as const),
      id: anyString,
      appId: anyString,
      displayName: anyString,
    });
    fc.assert(
      fc.property(
        anyString,
        fc.array(linkedObject, { minLength: 1, maxLength: 3 }),
        (id, linked) => {
          const tokens = tokenize(powerShellLinks({ ...policy, id }, linked));
          const plain: LinkedObject[] = linked.map((o) => ({ ...o, id: 'i', displayName: 'n' }));
          expect(shape(tokens)).toEqual(shape(tokenize(powerShellLinks(policy, plain))));
          expect(stringValues(tokens)).toContain(
            `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${id}`,
          );
          for (const o of linked) expect(stringValues(tokens)).toContain(o.id);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says so, in a comment, when nothing is linked', () => {
    expect(tokenize(powerShellLinks(policy, []))).toEqual([
      { kind: 'comment', text: '# This policy is linked to no application or service principal.' },
    ]);
  });
});

describe('snippets for a national cloud', () => {
  const policy = {
    id: 'p1',
    displayName: 'Gov 2h',
    description: null,
    isOrganizationDefault: false,
    definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
    deletedDateTime: null,
  };
  const usGov = {
    graphRoot: 'https://graph.microsoft.us/v1.0',
    powerShellEnvironment: 'USGov' as const,
  };

  it('connects to that cloud and addresses its Graph', () => {
    expect(powerShellCreate(policy, usGov)).toMatch(/^Connect-MgGraph -Environment USGov -Scopes /);
    expect(graphCreateRequest(policy, usGov)).toMatch(
      /^POST https:\/\/graph\.microsoft\.us\/v1\.0\/policies\/tokenLifetimePolicies/,
    );
    const links = powerShellLinks(
      policy,
      [{ id: 'o1', appId: 'a1', displayName: 'App', objectType: 'servicePrincipal' }] as never,
      usGov,
    );
    expect(links).toContain("'https://graph.microsoft.us/v1.0/policies/tokenLifetimePolicies/p1'");
    expect(links).toContain('-Environment USGov');
  });

  it('says nothing of an environment for the global service', () => {
    expect(powerShellInspect(policy)).not.toContain('-Environment');
  });
});
