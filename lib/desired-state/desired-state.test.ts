import { describe, expect, it } from 'vitest';
import { makePolicy, makeTarget } from '../policy/test-fixtures';
import type { DirectoryIndex } from '../policy/types';
import { BASELINE_SCHEMA, exportBaseline, type Baseline } from './baseline';
import { checkBaseline, readBaselineFile, tenantFactsOf, type BaselineFile } from './parse';
import { impactOf, missingPrerequisites, planChanges } from './plan';

const tenant = (): DirectoryIndex => ({
  policies: [
    makePolicy('p2h', 7200, { displayName: 'Contoso 2h', description: 'Exports' }),
    makePolicy('p5h', 18000, { displayName: 'Dataverse 5h' }),
    makePolicy('p30', 1800, { displayName: 'Unused 30 min' }),
  ],
  targets: [
    makeTarget('a1', { applicationPolicyId: 'p2h' }),
    makeTarget('a2', { servicePrincipalPolicyId: 'p5h' }),
    makeTarget('a3'),
  ],
});

const exported = (index = tenant()) =>
  exportBaseline(index, { exportedAt: '2026-11-27T00:00:00Z' }).baseline;

function plan(baseline: Baseline, index = tenant()) {
  const read = readBaselineFile(JSON.stringify(baseline));
  if (!read.ok) throw new Error(read.problem.message);
  const checked = checkBaseline(read.file, tenantFactsOf(index));
  expect(checked.problems).toEqual([]);
  return planChanges(checked.policies, index);
}

const edit = (fn: (b: Baseline) => void) => {
  const b = structuredClone(exported());
  fn(b);
  return b;
};

describe('export and compare', () => {
  it('a baseline exported from a tenant shows no drift against that tenant', () => {
    expect(plan(exported())).toEqual([]);
  });

  it('writes schema, version, policies by name and links by appId', () => {
    const b = exported();
    expect(b).toMatchObject({ schema: BASELINE_SCHEMA, version: 1 });
    expect(b.policies.find((p) => p.displayName === 'Contoso 2h')).toEqual({
      displayName: 'Contoso 2h',
      description: 'Exports',
      accessTokenLifetime: '02:00:00',
      isOrganizationDefault: false,
      links: [{ appId: 'a1', object: 'application' }],
    });
  });

  it('a stored 1 day is exported as 23:59:59, with a note (Graph refuses 24 h: DOMAIN.md)', () => {
    const index: DirectoryIndex = {
      policies: [
        {
          ...makePolicy('d', 7200),
          definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"1.00:00:00"}}'],
        },
      ],
      targets: [],
    };
    const { baseline, notes } = exportBaseline(index, { exportedAt: 'now' });
    expect(baseline.policies[0].accessTokenLifetime).toBe('23:59:59');
    expect(notes[0].message).toMatch(/23:59:59/);
  });
});

describe('plan', () => {
  it('a lifetime change is one update, from → to', () => {
    const steps = plan(
      edit(
        (b) =>
          (b.policies.find((p) => p.displayName === 'Contoso 2h')!.accessTokenLifetime =
            '04:00:00'),
      ),
    );
    expect(steps).toEqual([
      expect.objectContaining({
        kind: 'update-policy',
        policy: { policyId: 'p2h', name: 'Contoso 2h' },
        from: { lifetimeSeconds: 7200, description: 'Exports' },
        to: { lifetimeSeconds: 14400, description: 'Exports' },
      }),
    ]);
  });

  it('a policy missing from the tenant is created, then linked (the link waits for the create)', () => {
    const steps = plan(
      edit((b) =>
        b.policies.push({
          displayName: 'New 3h',
          description: null,
          accessTokenLifetime: '03:00:00',
          isOrganizationDefault: false,
          links: [{ appId: 'a3', object: 'servicePrincipal' }],
        }),
      ),
    );
    expect(steps.map((s) => [s.kind, s.id, s.dependsOn])).toEqual([
      ['create-policy', 'create:new 3h', []],
      ['link', 'link:servicePrincipal:sp-a3', ['create:new 3h']],
    ]);
    expect(missingPrerequisites(steps, new Set(['link:servicePrincipal:sp-a3']))).toEqual(
      new Map([['link:servicePrincipal:sp-a3', ['create:new 3h']]]),
    );
  });

  it('a policy missing from the baseline is deleted, without separate unlinks', () => {
    const steps = plan(
      edit((b) => (b.policies = b.policies.filter((p) => p.displayName !== 'Contoso 2h'))),
    );
    expect(steps.map((s) => s.kind)).toEqual(['delete-policy']);
  });

  it('moving a link to another policy is a replace; removing it is an unlink', () => {
    const steps = plan(
      edit((b) => {
        const p2h = b.policies.find((p) => p.displayName === 'Contoso 2h')!;
        const p5h = b.policies.find((p) => p.displayName === 'Dataverse 5h')!;
        p2h.links = [];
        p5h.links = [
          { appId: 'a2', object: 'servicePrincipal' },
          { appId: 'a1', object: 'application' },
        ];
        b.policies.find((p) => p.displayName === 'Unused 30 min')!.links = [];
      }),
    );
    expect(steps).toEqual([
      expect.objectContaining({
        kind: 'replace',
        from: { policyId: 'p2h', name: 'Contoso 2h' },
        policy: { policyId: 'p5h', name: 'Dataverse 5h' },
      }),
    ]);
    const unlink = plan(
      edit((b) => (b.policies.find((p) => p.displayName === 'Dataverse 5h')!.links = [])),
    );
    expect(unlink).toEqual([
      expect.objectContaining({
        kind: 'unlink',
        target: expect.objectContaining({ appId: 'a2', object: 'servicePrincipal' }),
      }),
    ]);
  });

  it('switching the organization default is one tenant-wide step, from → to', () => {
    const steps = plan(
      edit(
        (b) =>
          (b.policies.find((p) => p.displayName === 'Unused 30 min')!.isOrganizationDefault = true),
      ),
    );
    expect(steps).toEqual([
      expect.objectContaining({
        kind: 'set-organization-default',
        from: null,
        to: { policyId: 'p30', name: 'Unused 30 min' },
      }),
    ]);
  });

  it('a new policy that is to be the default is created, then made the default', () => {
    const steps = plan(
      edit((b) =>
        b.policies.push({
          displayName: 'Default 4h',
          description: null,
          accessTokenLifetime: '04:00:00',
          isOrganizationDefault: true,
          links: [],
        }),
      ),
    );
    expect(steps.map((s) => [s.kind, s.dependsOn])).toEqual([
      ['create-policy', []],
      ['set-organization-default', ['create:default 4h']],
    ]);
    // Graph reference rule: the organization default outranks a policy on the application object.
    expect(impactOf(steps, tenant()).map((i) => [i.appId, i.to.seconds])).toEqual([
      ['a1', 14400],
      ['a3', 14400],
    ]);
  });

  it('matches names without case or surrounding spaces, as the script does', () => {
    expect(
      plan(
        edit((b) => (b.policies[0].displayName = `  ${b.policies[0].displayName.toUpperCase()} `)),
      ),
    ).toEqual([]);
  });

  it('the impact preview names the apps whose effective lifetime changes, from → to', () => {
    const steps = plan(
      edit(
        (b) =>
          (b.policies.find((p) => p.displayName === 'Dataverse 5h')!.accessTokenLifetime =
            '06:00:00'),
      ),
    );
    const impact = impactOf(steps, tenant());
    expect(impact.map((i) => [i.appId, i.from.seconds, i.to.seconds])).toEqual([
      ['a2', 18000, 21600],
    ]);
  });
});

describe('bad input: a message per item, nothing planned until resolved or excluded', () => {
  const file = (policies: unknown[]): BaselineFile => {
    const read = readBaselineFile(
      JSON.stringify({ schema: BASELINE_SCHEMA, version: 1, policies }),
    );
    if (!read.ok) throw new Error(read.problem.message);
    return read.file;
  };
  const policy = (extra: Record<string, unknown> = {}) => ({
    displayName: 'P',
    description: null,
    accessTokenLifetime: '02:00:00',
    isOrganizationDefault: false,
    links: [],
    ...extra,
  });
  const facts = tenantFactsOf(tenant());
  const codes = (f: BaselineFile, excluded: string[] = []) =>
    checkBaseline(f, facts, new Set(excluded)).problems.map((p) => [p.code, p.item]);

  it('not JSON', () => {
    expect(readBaselineFile('{oops')).toMatchObject({ ok: false, problem: { code: 'not-json' } });
  });
  it('JSON that is not a baseline', () => {
    expect(readBaselineFile('[1,2]')).toMatchObject({
      ok: false,
      problem: { code: 'not-a-baseline' },
    });
  });
  it('an unknown version', () => {
    const read = readBaselineFile(
      JSON.stringify({ schema: BASELINE_SCHEMA, version: 2, policies: [] }),
    );
    expect(read).toMatchObject({ ok: false, problem: { code: 'unknown-version' } });
    if (!read.ok) expect(read.problem.message).toMatch(/version 2.*reads version 1/);
  });
  it('a missing name', () => {
    expect(codes(file([policy({ displayName: ' ' })]))).toEqual([['missing-name', 'policy:0']]);
  });
  it('duplicate names (without case), resolved by excluding one', () => {
    const f = file([policy({ displayName: 'Same' }), policy({ displayName: 'SAME ' })]);
    expect(codes(f)).toEqual([
      ['duplicate-name', 'policy:0'],
      ['duplicate-name', 'policy:1'],
    ]);
    expect(codes(f, ['policy:1'])).toEqual([]);
  });
  it('out-of-range lifetimes name the allowed range and the nearest valid value (lib/policy)', () => {
    const f = file([
      policy({ displayName: 'short', accessTokenLifetime: '00:05:00' }),
      policy({ displayName: 'day', accessTokenLifetime: '1.00:00:00' }),
      policy({ displayName: 'long', accessTokenLifetime: '2.00:00:00' }),
    ]);
    const problems = checkBaseline(f, facts).problems;
    expect(problems.map((p) => p.code)).toEqual(['out-of-range', 'out-of-range', 'out-of-range']);
    expect(problems[0].message).toMatch(/10 minutes.*Nearest valid value: 00:10:00/);
    expect(problems[1].message).toMatch(/Nearest valid value: 23:59:59/);
  });
  it('non-canonical and garbage lifetimes', () => {
    const f = file([
      policy({ displayName: 'doc', accessTokenLifetime: '00:90:00' }),
      policy({ displayName: 'one-digit', accessTokenLifetime: '5:00:00' }),
      policy({ displayName: 'garbage', accessTokenLifetime: 'two hours' }),
      policy({ displayName: 'missing', accessTokenLifetime: undefined }),
    ]);
    const problems = checkBaseline(f, facts).problems;
    expect(problems.map((p) => p.code)).toEqual([
      'non-canonical-lifetime',
      'non-canonical-lifetime',
      'invalid-lifetime',
      'invalid-lifetime',
    ]);
    expect(problems[0].message).toMatch(/write 01:30:00/);
  });
  it('several organization defaults, resolved by excluding all but one', () => {
    const f = file([
      policy({ displayName: 'A', isOrganizationDefault: true }),
      policy({ displayName: 'B', isOrganizationDefault: true }),
    ]);
    expect(codes(f)).toEqual([
      ['several-defaults', 'policy:0'],
      ['several-defaults', 'policy:1'],
    ]);
    expect(codes(f, ['policy:0'])).toEqual([]);
  });
  it('unknown appIds, per link, resolved by excluding the link', () => {
    const f = file([
      policy({
        links: [
          { appId: 'a1', object: 'application' },
          { appId: 'nope', object: 'servicePrincipal' },
          { appId: 'a1', object: 'nonsense' },
        ],
      }),
    ]);
    expect(codes(f)).toEqual([
      ['unknown-app', 'link:0:1'],
      ['invalid-link', 'link:0:2'],
    ]);
    expect(codes(f, ['link:0:1', 'link:0:2'])).toEqual([]);
  });
  it('two policies on one object', () => {
    const f = file([
      policy({ displayName: 'A', links: [{ appId: 'a3', object: 'application' }] }),
      policy({ displayName: 'B', links: [{ appId: 'A3', object: 'application' }] }),
    ]);
    expect(codes(f)).toEqual([
      ['duplicate-link', 'link:0:0'],
      ['duplicate-link', 'link:1:0'],
    ]);
  });
});
