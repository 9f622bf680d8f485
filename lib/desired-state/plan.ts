// Drift between a desired state and the tenant, as the steps that would remove it. Policies are
// matched by display name, objects by appId; each step says what it changes in the admin's words.
import { applyChange, diffImpact, type ImpactChange, type ProposedChange } from '../policy/audit';
import { parseDefinition } from '../policy/definition';
import { formatTimeSpan } from '../policy/timespan';
import type { DirectoryIndex, TokenLifetimePolicy } from '../policy/types';
import { nameKey, type LinkedObjectKind } from './baseline';
import type { DesiredPolicy } from './parse';

interface PolicyRef {
  /** Absent while the policy is still to be created by an earlier step. */
  policyId?: string;
  name: string;
}

interface ObjectRef {
  object: LinkedObjectKind;
  objectId: string;
  appId: string;
  displayName: string;
}

export type PlanStep = { id: string; dependsOn: string[] } & (
  | {
      kind: 'create-policy';
      policy: PolicyRef;
      description: string | null;
      lifetimeSeconds: number;
    }
  | {
      kind: 'update-policy';
      policy: PolicyRef & { policyId: string };
      from: { lifetimeSeconds: number | null; description: string | null };
      to: { lifetimeSeconds: number; description: string | null };
    }
  | { kind: 'delete-policy'; policy: PolicyRef & { policyId: string } }
  | {
      kind: 'set-organization-default';
      from: (PolicyRef & { policyId: string }) | null;
      to: PolicyRef | null;
    }
  | { kind: 'link'; policy: PolicyRef; target: ObjectRef }
  | { kind: 'unlink'; policy: PolicyRef & { policyId: string }; target: ObjectRef }
  | {
      kind: 'replace';
      from: PolicyRef & { policyId: string };
      policy: PolicyRef;
      target: ObjectRef;
    }
);

export type PlanStepKind = PlanStep['kind'];

/** The order steps run in: Entra allows one default and one policy per object at any moment. */
const ORDER: PlanStepKind[] = [
  'create-policy',
  'update-policy',
  'set-organization-default',
  'unlink',
  'replace',
  'link',
  'delete-policy',
];

const createStepId = (name: string) => `create:${nameKey(name)}`;

export function planChanges(desired: DesiredPolicy[], index: DirectoryIndex): PlanStep[] {
  const live = index.policies.filter((p) => !p.deletedDateTime);
  const tenantByName = new Map<string, TokenLifetimePolicy>();
  for (const p of live)
    if (!tenantByName.has(nameKey(p.displayName))) tenantByName.set(nameKey(p.displayName), p);
  const desiredByName = new Map(desired.map((d) => [nameKey(d.displayName), d]));
  const steps: PlanStep[] = [];
  const refOf = (d: DesiredPolicy): PolicyRef => {
    const existing = tenantByName.get(nameKey(d.displayName));
    return existing
      ? { policyId: existing.id, name: existing.displayName }
      : { name: d.displayName };
  };
  const needs = (ref: PolicyRef) => (ref.policyId ? [] : [createStepId(ref.name)]);

  for (const d of desired) {
    const existing = tenantByName.get(nameKey(d.displayName));
    if (!existing) {
      steps.push({
        id: createStepId(d.displayName),
        dependsOn: [],
        kind: 'create-policy',
        policy: { name: d.displayName },
        description: d.description,
        lifetimeSeconds: d.lifetimeSeconds,
      });
      continue;
    }
    const seconds = parseDefinition(existing.definition).accessTokenLifetimeSeconds;
    const description = existing.description ?? null;
    if (seconds !== d.lifetimeSeconds || description !== d.description)
      steps.push({
        id: `update:${existing.id}`,
        dependsOn: [],
        kind: 'update-policy',
        policy: { policyId: existing.id, name: existing.displayName },
        from: { lifetimeSeconds: seconds, description },
        to: { lifetimeSeconds: d.lifetimeSeconds, description: d.description },
      });
  }

  const deleted = new Set(
    live.filter((p) => !desiredByName.has(nameKey(p.displayName))).map((p) => p.id),
  );

  const currentDefault = live.find((p) => p.isOrganizationDefault);
  const wantedDefault = desired.find((d) => d.isOrganizationDefault);
  const wantedRef = wantedDefault ? refOf(wantedDefault) : null;
  // A default that is still to be created always needs its own step (created without the flag).
  const defaultChanges = wantedRef
    ? !wantedRef.policyId || wantedRef.policyId !== currentDefault?.id
    : Boolean(currentDefault && !deleted.has(currentDefault.id));
  if (defaultChanges)
    steps.push({
      id: 'organization-default',
      dependsOn: wantedRef ? needs(wantedRef) : [],
      kind: 'set-organization-default',
      from: currentDefault
        ? { policyId: currentDefault.id, name: currentDefault.displayName }
        : null,
      to: wantedRef,
    });

  const wantedLink = new Map<string, DesiredPolicy>();
  for (const d of desired) for (const l of d.links) wantedLink.set(`${l.object}:${l.appId}`, d);
  const policyById = new Map(live.map((p) => [p.id, p]));
  for (const target of index.targets) {
    for (const object of ['application', 'servicePrincipal'] as const) {
      const dirObject = object === 'application' ? target.application : target.servicePrincipal;
      if (!dirObject) continue;
      const currentId =
        object === 'application' ? target.applicationPolicyId : target.servicePrincipalPolicyId;
      const current = currentId ? policyById.get(currentId) : undefined;
      const wanted = wantedLink.get(`${object}:${target.appId.toLowerCase()}`);
      const ref: ObjectRef = {
        object,
        objectId: dirObject.id,
        appId: target.appId,
        displayName: dirObject.displayName || target.displayName,
      };
      const key = `${object}:${dirObject.id}`;
      if (!wanted) {
        // Deleting the policy removes its links with it: no separate unlink.
        if (current && !deleted.has(current.id))
          steps.push({
            id: `unlink:${key}`,
            dependsOn: [],
            kind: 'unlink',
            policy: { policyId: current.id, name: current.displayName },
            target: ref,
          });
        continue;
      }
      const wantedRef = refOf(wanted);
      if (current && wantedRef.policyId === current.id) continue;
      if (current)
        steps.push({
          id: `replace:${key}`,
          dependsOn: needs(wantedRef),
          kind: 'replace',
          from: { policyId: current.id, name: current.displayName },
          policy: wantedRef,
          target: ref,
        });
      else
        steps.push({
          id: `link:${key}`,
          dependsOn: needs(wantedRef),
          kind: 'link',
          policy: wantedRef,
          target: ref,
        });
    }
  }

  for (const p of live)
    if (deleted.has(p.id))
      steps.push({
        id: `delete:${p.id}`,
        // A replace away from this policy must happen before it is gone, or the object holds none.
        dependsOn: steps
          .filter((s) => s.kind === 'replace' && s.from.policyId === p.id)
          .map((s) => s.id),
        kind: 'delete-policy',
        policy: { policyId: p.id, name: p.displayName },
      });

  return steps.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

/** Tenant policies that share a display name: a by-name baseline cannot tell them apart. */
export function ambiguousTenantNames(index: DirectoryIndex): string[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const p of index.policies) {
    if (p.deletedDateTime) continue;
    const k = nameKey(p.displayName);
    counts.set(k, { name: p.displayName, count: (counts.get(k)?.count ?? 0) + 1 });
  }
  return [...counts.values()].filter((c) => c.count > 1).map((c) => c.name);
}

/** Placeholder id of a policy a step will create, so the impact preview can reason about it. */
export const plannedPolicyId = (name: string) => `planned:${nameKey(name)}`;

/** The same steps as lib/policy's proposed changes, for applyChange and diffImpact. */
export function toProposedChanges(steps: readonly PlanStep[]): ProposedChange[] {
  const idOf = (ref: PolicyRef) => ref.policyId ?? plannedPolicyId(ref.name);
  return steps.flatMap((step): ProposedChange[] => {
    switch (step.kind) {
      case 'create-policy':
        return [
          {
            kind: 'create',
            policy: {
              id: idOf(step.policy),
              displayName: step.policy.name,
              description: step.description,
              isOrganizationDefault: false,
              definition: [
                JSON.stringify({
                  TokenLifetimePolicy: {
                    Version: 1,
                    AccessTokenLifetime: formatTimeSpan(step.lifetimeSeconds),
                  },
                }),
              ],
            },
          },
        ];
      case 'update-policy':
        return [
          {
            kind: 'edit-lifetime',
            policyId: step.policy.policyId,
            accessTokenLifetimeSeconds: step.to.lifetimeSeconds,
          },
        ];
      case 'delete-policy':
        return [{ kind: 'delete', policyId: step.policy.policyId }];
      case 'set-organization-default':
        return [{ kind: 'set-organization-default', policyId: step.to ? idOf(step.to) : null }];
      case 'unlink':
        return [
          {
            kind: 'unlink',
            policyId: step.policy.policyId,
            objectType: step.target.object,
            objectId: step.target.objectId,
          },
        ];
      case 'link':
      case 'replace':
        return [
          {
            kind: 'link',
            policyId: idOf(step.policy),
            objectType: step.target.object,
            objectId: step.target.objectId,
          },
        ];
    }
  });
}

/** Which apps' effective lifetime changes if these steps are applied, from → to. */
export function impactOf(steps: readonly PlanStep[], index: DirectoryIndex): ImpactChange[] {
  return diffImpact(index, applyChange(index, toProposedChanges(steps)));
}

/** Steps whose prerequisites are not among the chosen ones: they cannot run. */
export function missingPrerequisites(
  steps: readonly PlanStep[],
  chosen: ReadonlySet<string>,
): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  for (const step of steps) {
    if (!chosen.has(step.id)) continue;
    const absent = step.dependsOn.filter((d) => !chosen.has(d));
    if (absent.length) missing.set(step.id, absent);
  }
  return missing;
}
