// Reading a directoryAudit entry in the admin's words: who, when, what changed.
import { parseDefinition } from '../policy/definition';
import { formatTimeSpan } from '../policy/timespan';
import { POLICY_ACTIVITIES, type ChangeKind } from './activities';

/** The fields of Microsoft Graph's directoryAudit the history reads. */
export interface DirectoryAudit {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  result?: string | null;
  initiatedBy?: {
    user?: {
      id?: string | null;
      displayName?: string | null;
      userPrincipalName?: string | null;
    } | null;
    app?: {
      appId?: string | null;
      displayName?: string | null;
      servicePrincipalName?: string | null;
    } | null;
  } | null;
  targetResources?: Array<{
    id?: string | null;
    displayName?: string | null;
    type?: string | null;
    modifiedProperties?: Array<{
      displayName?: string | null;
      oldValue?: string | null;
      newValue?: string | null;
    }> | null;
  }> | null;
}

export interface HistoryEntry {
  id: string;
  at: string;
  change: ChangeKind;
  activity: string;
  result: string;
  actor: { kind: 'user' | 'app' | 'unknown'; name: string; detail?: string };
  policy?: { id: string; name: string };
  object?: { id: string; name: string; type: 'application' | 'servicePrincipal' };
  /** Lifetime, description, name or default flag: old → new, as text. */
  details: { property: string; from: string | null; to: string | null }[];
}

function actorOf(entry: DirectoryAudit): HistoryEntry['actor'] {
  const user = entry.initiatedBy?.user;
  if (user && (user.userPrincipalName || user.displayName || user.id))
    return {
      kind: 'user',
      name: user.displayName || user.userPrincipalName || user.id || '',
      detail: user.userPrincipalName ?? undefined,
    };
  const app = entry.initiatedBy?.app;
  if (app && (app.displayName || app.appId))
    return {
      kind: 'app',
      name: app.displayName || app.servicePrincipalName || app.appId || '',
      detail: app.appId ?? undefined,
    };
  return { kind: 'unknown', name: 'Unknown' };
}

/** Entra writes values as JSON text; a definition is a collection holding one JSON string. */
function readValue(property: string, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  let value: unknown = raw;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not JSON: shown as Entra wrote it.
  }
  if (property === 'Definition') {
    const seconds = parseDefinition(value).accessTokenLifetimeSeconds;
    return seconds === null ? String(raw) : formatTimeSpan(seconds);
  }
  // Core Directory wraps values in a collection, and writes an absent value as "[]".
  if (Array.isArray(value) && value.length === 0) return null;
  if (Array.isArray(value) && value.length === 1) value = value[0];
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const PROPERTY_NAMES: Record<string, string> = {
  Definition: 'Lifetime',
  DisplayName: 'Name',
  Description: 'Description',
  IsOrganizationDefault: 'Organization default',
};

/** An entry about a token lifetime policy, or undefined for any other activity. */
export function readHistoryEntry(entry: DirectoryAudit): HistoryEntry | undefined {
  const activity = POLICY_ACTIVITIES.find(
    (a) => a.name === entry.activityDisplayName && a.category === entry.category,
  );
  if (!activity) return undefined;
  const targets = entry.targetResources ?? [];
  const policyTarget =
    targets.find((t) => t.type === 'Policy') ??
    (activity.category === 'Policy' ? targets[0] : undefined);
  const objectTarget = targets.find(
    (t) => t.type === 'Application' || t.type === 'ServicePrincipal',
  );
  const details = (policyTarget?.modifiedProperties ?? []).flatMap((m) => {
    const property = m.displayName ?? '';
    if (!PROPERTY_NAMES[property]) return [];
    return [
      {
        property: PROPERTY_NAMES[property],
        from: readValue(property, m.oldValue),
        to: readValue(property, m.newValue),
      },
    ];
  });
  return {
    id: entry.id,
    at: entry.activityDateTime,
    change: activity.change,
    activity: activity.name,
    result: entry.result ?? 'success',
    actor: actorOf(entry),
    policy: policyTarget?.id
      ? { id: policyTarget.id, name: policyTarget.displayName ?? policyTarget.id }
      : undefined,
    object: objectTarget?.id
      ? {
          id: objectTarget.id,
          name: objectTarget.displayName ?? objectTarget.id,
          type: objectTarget.type === 'Application' ? 'application' : 'servicePrincipal',
        }
      : undefined,
    details,
  };
}
