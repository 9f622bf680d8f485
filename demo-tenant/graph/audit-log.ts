// Entra's directory audit log, for the writes the demo tenant accepts: one entry of Microsoft's
// directoryAudit shape per policy create/update/delete and per link added/removed, naming the
// caller from its token. Activity names and categories are Microsoft's own, from "Microsoft Entra
// audit log categories and activities" (MicrosoftDocs/entra-docs,
// docs/identity/monitoring-health/reference-audit-activities.md, section "Core Directory").
import { randomUUID } from 'node:crypto';
import type { TokenCheck } from '../contracts';
import type { DirectoryStore, ObjectType } from '../directory/store';
import { DEMO_APPLICATION_CLIENTS, findUser } from '../oidc/accounts';
import type { TokenLifetimePolicy } from '../../lib/policy/types';

export const AUDIT_ACTIVITIES = {
  addPolicy: { category: 'Policy', activityDisplayName: 'Add policy', operationType: 'Add' },
  updatePolicy: {
    category: 'Policy',
    activityDisplayName: 'Update policy',
    operationType: 'Update',
  },
  deletePolicy: {
    category: 'Policy',
    activityDisplayName: 'Delete policy',
    operationType: 'Delete',
  },
  addPolicyToApplication: {
    category: 'ApplicationManagement',
    activityDisplayName: 'Add policy to application',
    operationType: 'Assign',
  },
  addPolicyToServicePrincipal: {
    category: 'ApplicationManagement',
    activityDisplayName: 'Add policy to service principal',
    operationType: 'Assign',
  },
  removePolicyFromApplication: {
    category: 'ApplicationManagement',
    activityDisplayName: 'Remove policy from application',
    operationType: 'Unassign',
  },
  removePolicyFromServicePrincipal: {
    category: 'ApplicationManagement',
    activityDisplayName: 'Remove policy from service principal',
    operationType: 'Unassign',
  },
} as const;

type Activity = (typeof AUDIT_ACTIVITIES)[keyof typeof AUDIT_ACTIVITIES];

export interface ModifiedProperty {
  displayName: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface TargetResource {
  id: string;
  displayName: string | null;
  type: string;
  userPrincipalName: null;
  groupType: null;
  modifiedProperties: ModifiedProperty[];
}

export interface DirectoryAudit {
  id: string;
  category: string;
  correlationId: string;
  result: 'success';
  resultReason: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: 'Core Directory';
  operationType: string;
  initiatedBy: {
    user: {
      id: string;
      displayName: string | null;
      userPrincipalName: string | null;
      ipAddress: string | null;
    } | null;
    app: {
      appId: string;
      displayName: string | null;
      servicePrincipalId: string;
      servicePrincipalName: string | null;
    } | null;
  };
  targetResources: TargetResource[];
  additionalDetails: { key: string; value: string }[];
}

/** Entra keeps directory audit entries for 30 days (P1/P2); older ones are not returned. */
export const AUDIT_RETENTION_DAYS = 30;

/** The audit log of one tenant, oldest first; the store keeps it in its state file. */
export function auditLogOf(store: DirectoryStore): DirectoryAudit[] {
  return store.auditLog;
}

export function clearAuditLog(store: DirectoryStore): void {
  auditLogOf(store).length = 0;
  store.auditLogChanged();
}

function initiatorOf(auth: Extract<TokenCheck, { ok: true }>): DirectoryAudit['initiatedBy'] {
  if (auth.kind === 'application') {
    const client = DEMO_APPLICATION_CLIENTS.find((c) => c.objectId === auth.oid);
    return {
      user: null,
      app: {
        appId: client?.clientId ?? auth.oid,
        displayName: client?.clientId ?? null,
        servicePrincipalId: auth.oid,
        servicePrincipalName: client?.clientId ?? null,
      },
    };
  }
  const user = findUser(auth.oid);
  return {
    user: {
      id: auth.oid,
      displayName: user?.name ?? null,
      userPrincipalName: user?.email ?? null,
      ipAddress: '127.0.0.1',
    },
    app: null,
  };
}

// Entra writes modified values as JSON text (a collection for `definition`).
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

function policyTarget(
  policy: Pick<TokenLifetimePolicy, 'id' | 'displayName'>,
  modifiedProperties: ModifiedProperty[] = [],
): TargetResource {
  return {
    id: policy.id,
    displayName: policy.displayName,
    type: 'Policy',
    userPrincipalName: null,
    groupType: null,
    modifiedProperties,
  };
}

const POLICY_FIELDS = [
  'displayName',
  'description',
  'definition',
  'isOrganizationDefault',
] as const;
const FIELD_NAMES: Record<(typeof POLICY_FIELDS)[number], string> = {
  displayName: 'DisplayName',
  description: 'Description',
  definition: 'Definition',
  isOrganizationDefault: 'IsOrganizationDefault',
};

function changes(
  before: TokenLifetimePolicy | undefined,
  after: TokenLifetimePolicy | undefined,
): ModifiedProperty[] {
  return POLICY_FIELDS.flatMap((field) => {
    const oldValue = before ? json(before[field] ?? null) : null;
    const newValue = after ? json(after[field] ?? null) : null;
    return oldValue === newValue ? [] : [{ displayName: FIELD_NAMES[field], oldValue, newValue }];
  });
}

/** What a write is about, read before it runs (the old values are gone afterwards). */
export interface WriteSnapshot {
  method: string;
  template: string;
  params: string[];
  policyBefore?: TokenLifetimePolicy;
  object?: { type: ObjectType; id: string; displayName: string };
}

const TEMPLATE_TYPES: Record<string, ObjectType> = {
  applications: 'application',
  servicePrincipals: 'servicePrincipal',
};

export function snapshotWrite(
  method: string,
  template: string,
  params: string[],
  store: DirectoryStore,
): WriteSnapshot | undefined {
  if (method === 'GET') return undefined;
  const snapshot: WriteSnapshot = { method, template, params };
  if (template.startsWith('/policies/tokenLifetimePolicies/{id}')) {
    const policy = store.getPolicy(params[0]);
    snapshot.policyBefore = policy ? structuredClone(policy) : undefined;
  }
  const collection = /^\/(applications|servicePrincipals)\/\{id\}\/tokenLifetimePolicies/.exec(
    template,
  )?.[1];
  if (collection) {
    const type = TEMPLATE_TYPES[collection];
    const object = store.getObject(type, params[0]);
    if (object) snapshot.object = { type, id: object.id, displayName: object.displayName };
    if (params[1]) {
      const policy = store.getPolicy(params[1]);
      snapshot.policyBefore = policy ? structuredClone(policy) : undefined;
    }
  }
  return snapshot;
}

/** After a write succeeded: the entry Entra would log for it. */
export function recordWrite(
  snapshot: WriteSnapshot | undefined,
  status: number,
  responseBody: unknown,
  auth: Extract<TokenCheck, { ok: true }>,
  store: DirectoryStore,
): void {
  if (!snapshot || status >= 300) return;
  const { method, template } = snapshot;
  let activity: Activity | undefined;
  let targets: TargetResource[] = [];
  if (template === '/policies/tokenLifetimePolicies' && method === 'POST') {
    const created = store.getPolicy(String((responseBody as { id?: unknown })?.id));
    if (!created) return;
    activity = AUDIT_ACTIVITIES.addPolicy;
    targets = [policyTarget(created, changes(undefined, created))];
  } else if (template === '/policies/tokenLifetimePolicies/{id}' && snapshot.policyBefore) {
    const after = store.getPolicy(snapshot.policyBefore.id);
    activity = method === 'DELETE' ? AUDIT_ACTIVITIES.deletePolicy : AUDIT_ACTIVITIES.updatePolicy;
    const modified = changes(snapshot.policyBefore, method === 'DELETE' ? undefined : after);
    if (method === 'PATCH' && modified.length === 0) return;
    targets = [policyTarget(snapshot.policyBefore, modified)];
  } else if (snapshot.object) {
    const onApplication = snapshot.object.type === 'application';
    const policyId =
      method === 'POST'
        ? store.linkedPolicyId(snapshot.object.type, snapshot.object.id)
        : snapshot.policyBefore?.id;
    const policy = policyId ? (store.getPolicy(policyId) ?? snapshot.policyBefore) : undefined;
    if (!policy) return;
    activity =
      method === 'POST'
        ? onApplication
          ? AUDIT_ACTIVITIES.addPolicyToApplication
          : AUDIT_ACTIVITIES.addPolicyToServicePrincipal
        : onApplication
          ? AUDIT_ACTIVITIES.removePolicyFromApplication
          : AUDIT_ACTIVITIES.removePolicyFromServicePrincipal;
    targets = [
      {
        id: snapshot.object.id,
        displayName: snapshot.object.displayName,
        type: onApplication ? 'Application' : 'ServicePrincipal',
        userPrincipalName: null,
        groupType: null,
        modifiedProperties: [],
      },
      policyTarget(policy),
    ];
  }
  if (!activity) return;
  const log = auditLogOf(store);
  // Entra drops entries after its retention; a state file kept for months does the same.
  const oldest = Date.now() - AUDIT_RETENTION_DAYS * 86400_000;
  const expired = log.findIndex((entry) => Date.parse(entry.activityDateTime) >= oldest);
  log.splice(0, expired < 0 ? log.length : expired);
  log.push({
    id: `Directory_${randomUUID()}`,
    category: activity.category,
    correlationId: randomUUID(),
    result: 'success',
    resultReason: '',
    activityDisplayName: activity.activityDisplayName,
    activityDateTime: new Date().toISOString(),
    loggedByService: 'Core Directory',
    operationType: activity.operationType,
    initiatedBy: initiatorOf(auth),
    targetResources: targets,
    additionalDetails: [],
  });
  store.auditLogChanged();
}
