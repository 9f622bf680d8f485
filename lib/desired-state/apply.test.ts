import { describe, expect, it } from 'vitest';
import { buildDefinition } from '../policy/definition';
import { applyStep, type DesiredStateGraph } from './apply';
import type { PlanStep } from './plan';

interface FakePolicy {
  id: string;
  displayName: string;
  description: string | null;
  isOrganizationDefault: boolean;
  definition: string[];
  deletedDateTime: null;
}

function fakeGraph(policies: FakePolicy[], links = new Map<string, string>()) {
  const calls: string[] = [];
  let nextId = 1;
  const graph: DesiredStateGraph & { failCreateAfterWrite?: boolean } = {
    async listPolicies() {
      return policies.map((p) => ({ ...p }));
    },
    async getPolicy(id) {
      const p = policies.find((x) => x.id === id);
      if (!p) throw new Error('404');
      return { ...p };
    },
    async findPoliciesByDisplayName(name) {
      return policies.filter(
        (p) => p.displayName.trim().toLowerCase() === name.trim().toLowerCase(),
      );
    },
    async createPolicy(input) {
      calls.push(`create ${input.displayName}`);
      const p = {
        id: `new${nextId++}`,
        description: null,
        isOrganizationDefault: false,
        deletedDateTime: null,
        ...input,
      };
      policies.push(p as FakePolicy);
      if (graph.failCreateAfterWrite) throw new Error('socket hang up');
      return p as FakePolicy;
    },
    async updatePolicy(id, patch) {
      calls.push(`update ${id} ${JSON.stringify(patch)}`);
      Object.assign(
        policies.find((p) => p.id === id)!,
        patch,
      );
    },
    async deletePolicy(id) {
      calls.push(`delete ${id}`);
    },
    async getLinkedPolicy(kind, objectId) {
      const id = links.get(`${kind}:${objectId}`);
      return policies.find((p) => p.id === id) ?? (id ? { ...policy(id, id, 3600) } : undefined);
    },
    async linkPolicy(kind, objectId, policyId) {
      calls.push(`link ${kind}:${objectId} ${policyId}`);
      links.set(`${kind}:${objectId}`, policyId);
    },
    async unlinkPolicy(kind, objectId, policyId) {
      calls.push(`unlink ${kind}:${objectId} ${policyId}`);
      links.delete(`${kind}:${objectId}`);
    },
  };
  return { graph, calls, links };
}

const policy = (id: string, name: string, seconds: number): FakePolicy => ({
  id,
  displayName: name,
  description: null,
  isOrganizationDefault: false,
  definition: buildDefinition({ accessTokenLifetimeSeconds: seconds }),
  deletedDateTime: null,
});

const create: PlanStep = {
  id: 'create:x',
  dependsOn: [],
  kind: 'create-policy',
  policy: { name: 'X' },
  description: null,
  lifetimeSeconds: 7200,
};

describe('applyStep: the safe write rules of GRAPH-CONTRACT.md ("Safe retries")', () => {
  it('a create looks the name up first and does not make a duplicate', async () => {
    const { graph, calls } = fakeGraph([policy('p1', 'x', 3600)]);
    const outcome = await applyStep(graph, create, new Map());
    expect(outcome.status).toBe('stale');
    expect(calls).toEqual([]);
  });

  it('a create whose answer was lost is found by name, not sent again', async () => {
    const { graph, calls } = fakeGraph([]);
    graph.failCreateAfterWrite = true;
    const created = new Map<string, string>();
    const outcome = await applyStep(graph, create, created);
    expect(outcome).toMatchObject({ status: 'done', createdPolicyId: 'new1' });
    expect(calls).toEqual(['create X']);
    expect(created.get('x')).toBe('new1');
  });

  it('an update re-reads the policy and stops if it changed since the plan', async () => {
    const { graph, calls } = fakeGraph([policy('p1', 'P', 5400)]);
    const outcome = await applyStep(
      graph,
      {
        id: 'update:p1',
        dependsOn: [],
        kind: 'update-policy',
        policy: { policyId: 'p1', name: 'P' },
        from: { lifetimeSeconds: 3600, description: null },
        to: { lifetimeSeconds: 7200, description: null },
      },
      new Map(),
    );
    expect(outcome.status).toBe('stale');
    expect(calls).toEqual([]);
  });

  it('a replace re-reads the object, unlinks the old policy, links the new one', async () => {
    const { graph, calls } = fakeGraph([], new Map([['servicePrincipal:sp1', 'old']]));
    const outcome = await applyStep(
      graph,
      {
        id: 'replace:servicePrincipal:sp1',
        dependsOn: [],
        kind: 'replace',
        from: { policyId: 'old', name: 'Old' },
        policy: { policyId: 'new', name: 'New' },
        target: { object: 'servicePrincipal', objectId: 'sp1', appId: 'a', displayName: 'App' },
      },
      new Map(),
    );
    expect(outcome.status).toBe('done');
    expect(calls).toEqual(['unlink servicePrincipal:sp1 old', 'link servicePrincipal:sp1 new']);
  });

  it('a link to a policy a skipped create would make cannot run', async () => {
    const { graph } = fakeGraph([]);
    const outcome = await applyStep(
      graph,
      {
        id: 'link:application:o1',
        dependsOn: ['create:x'],
        kind: 'link',
        policy: { name: 'X' },
        target: { object: 'application', objectId: 'o1', appId: 'a', displayName: 'App' },
      },
      new Map(),
    );
    expect(outcome).toMatchObject({
      status: 'stale',
      message: expect.stringMatching(/create step first/),
    });
  });

  it('the organization default is unset on the old policy before it is set on the new one', async () => {
    const old = { ...policy('p1', 'Old', 3600), isOrganizationDefault: true };
    const { graph, calls } = fakeGraph([old, policy('p2', 'New', 7200)]);
    await applyStep(
      graph,
      {
        id: 'organization-default',
        dependsOn: [],
        kind: 'set-organization-default',
        from: { policyId: 'p1', name: 'Old' },
        to: { policyId: 'p2', name: 'New' },
      },
      new Map(),
    );
    expect(calls).toEqual([
      'update p1 {"isOrganizationDefault":false}',
      'update p2 {"isOrganizationDefault":true}',
    ]);
  });
});
