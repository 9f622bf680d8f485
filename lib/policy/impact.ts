// "What changes if I do this?" — a proposed change applied to a copy of the tenant, then compared.
import { buildDefinition } from './definition';
import { resolveAll, type EffectiveLifetime } from './resolve';
import type { DirectoryIndex, DirectoryTarget, PrecedenceRuleId, TokenLifetimePolicy } from './types';

export type ProposedChange =
  | { kind: 'edit-lifetime'; policyId: string; accessTokenLifetimeSeconds: number }
  | { kind: 'link'; policyId: string; objectType: 'application' | 'servicePrincipal'; objectId: string }
  | { kind: 'unlink'; policyId: string; objectType: 'application' | 'servicePrincipal'; objectId: string }
  | { kind: 'set-organization-default'; policyId: string | null }
  | { kind: 'create'; policy: TokenLifetimePolicy }
  | { kind: 'delete'; policyId: string };

function holdsObject(target: DirectoryTarget, objectType: 'application' | 'servicePrincipal', objectId: string) {
  return objectType === 'application' ? target.application?.id === objectId : target.servicePrincipal?.id === objectId;
}

function withLink(target: DirectoryTarget, objectType: 'application' | 'servicePrincipal', policyId: string | undefined) {
  const key = objectType === 'application' ? 'applicationPolicyId' : 'servicePrincipalPolicyId';
  const next = { ...target };
  if (policyId === undefined) delete next[key];
  else next[key] = policyId;
  return next;
}

function applyOne(index: DirectoryIndex, change: ProposedChange): DirectoryIndex {
  switch (change.kind) {
    case 'edit-lifetime':
      return {
        ...index,
        policies: index.policies.map((p) =>
          p.id === change.policyId
            ? { ...p, definition: buildDefinition({ base: p.definition, accessTokenLifetimeSeconds: change.accessTokenLifetimeSeconds }) }
            : p,
        ),
      };
    case 'link':
    case 'unlink': {
      // One policy per object: linking replaces whatever the object held.
      const targets = index.targets.map((t) => {
        if (!holdsObject(t, change.objectType, change.objectId)) return t;
        if (change.kind === 'link') return withLink(t, change.objectType, change.policyId);
        const current = change.objectType === 'application' ? t.applicationPolicyId : t.servicePrincipalPolicyId;
        return current === change.policyId ? withLink(t, change.objectType, undefined) : t;
      });
      return { ...index, targets };
    }
    case 'set-organization-default':
      return {
        ...index,
        policies: index.policies.map((p) => {
          const isDefault = p.id === change.policyId;
          return p.isOrganizationDefault === isDefault ? p : { ...p, isOrganizationDefault: isDefault };
        }),
      };
    case 'create':
      return { ...index, policies: [...index.policies, change.policy] };
    case 'delete': {
      const targets = index.targets.map((t) => {
        let next = t;
        if (next.applicationPolicyId === change.policyId) next = withLink(next, 'application', undefined);
        if (next.servicePrincipalPolicyId === change.policyId) next = withLink(next, 'servicePrincipal', undefined);
        return next;
      });
      return { policies: index.policies.filter((p) => p.id !== change.policyId), targets };
    }
  }
}

/** Pure: returns a new index; the input is never modified. */
export function applyChange(index: DirectoryIndex, change: ProposedChange | ProposedChange[]): DirectoryIndex {
  const changes = Array.isArray(change) ? change : [change];
  return changes.reduce(applyOne, index);
}

export interface ImpactChange {
  appId: string;
  displayName: string;
  from: EffectiveLifetime;
  to: EffectiveLifetime;
}

function differs(a: EffectiveLifetime, b: EffectiveLifetime): boolean {
  return (
    a.seconds !== b.seconds ||
    a.minSeconds !== b.minSeconds ||
    a.maxSeconds !== b.maxSeconds ||
    a.source !== b.source ||
    a.policyId !== b.policyId
  );
}

/** Every target whose effective lifetime or winning source changes, from → to. */
export function diffImpact(
  before: DirectoryIndex,
  after: DirectoryIndex,
  rule: PrecedenceRuleId = 'graph-reference',
): ImpactChange[] {
  const was = resolveAll(before, rule);
  const will = resolveAll(after, rule);
  const changes: ImpactChange[] = [];
  for (const target of after.targets) {
    const from = was.get(target.appId);
    const to = will.get(target.appId);
    if (from && to && differs(from, to)) changes.push({ appId: target.appId, displayName: target.displayName, from, to });
  }
  return changes;
}
