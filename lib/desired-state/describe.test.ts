import { describe, expect, it } from 'vitest';
import { describeStep, isTenantWide } from './describe';
import type { PlanStep } from './plan';

const target = {
  object: 'servicePrincipal' as const,
  objectId: 'sp',
  appId: 'a',
  displayName: 'Orders API',
};

describe('describeStep: each step in the admin’s words', () => {
  const cases: Array<[PlanStep, string]> = [
    [
      {
        id: '1',
        dependsOn: [],
        kind: 'create-policy',
        policy: { name: 'New' },
        description: null,
        lifetimeSeconds: 5400,
      },
      'Create policy “New” (1 h 30 min)',
    ],
    [
      {
        id: '2',
        dependsOn: [],
        kind: 'update-policy',
        policy: { policyId: 'p', name: 'P' },
        from: { lifetimeSeconds: 3600, description: 'a' },
        to: { lifetimeSeconds: 7200, description: 'b' },
      },
      'Change “P”: lifetime 1 h → 2 h; description “a” → “b”',
    ],
    [
      {
        id: '3',
        dependsOn: [],
        kind: 'set-organization-default',
        from: null,
        to: { policyId: 'p', name: 'P' },
      },
      'Make “P” the organization default (now: none)',
    ],
    [
      {
        id: '4',
        dependsOn: [],
        kind: 'set-organization-default',
        from: { policyId: 'p', name: 'P' },
        to: null,
      },
      'Remove the organization default from “P”',
    ],
    [
      {
        id: '5',
        dependsOn: [],
        kind: 'replace',
        from: { policyId: 'o', name: 'Old' },
        policy: { name: 'New' },
        target,
      },
      'Replace “Old” with “New” on Orders API (service principal)',
    ],
  ];
  it.each(cases)('%#', (step, text) => expect(describeStep(step)).toBe(text));

  it('only the organization default is tenant-wide', () => {
    expect(cases.map(([s]) => isTenantWide(s))).toEqual([false, false, true, true, false]);
  });
});
