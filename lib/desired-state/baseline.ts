// The desired state of a tenant's token lifetime policies, as a versioned JSON file an admin keeps
// in source control: policies by display name, links by appId (object ids differ between tenants
// and after an app is re-created; appIds do not), and which policy is the organization default.
// Pure TypeScript: no React, no Graph, so a command-line tool can reuse it.
import { parseDefinition } from '../policy/definition';
import { writableLifetimeSeconds } from '../policy/definition';
import { formatTimeSpan } from '../policy/timespan';
import type { DirectoryIndex } from '../policy/types';

/** Names the file format; a reader refuses any other. */
export const BASELINE_SCHEMA = 'token-lifetime-policies-baseline';
/** Bumped on any change a version-1 reader would misread. */
export const BASELINE_VERSION = 1;

export type LinkedObjectKind = 'application' | 'servicePrincipal';

export interface BaselineLink {
  appId: string;
  /** The application object (app registration) or the service principal (enterprise app). */
  object: LinkedObjectKind;
}

export interface BaselinePolicy {
  displayName: string;
  description: string | null;
  /** Canonical .NET TimeSpan, 00:10:00 – 23:59:59 (lib/policy/lifetime.ts). */
  accessTokenLifetime: string;
  isOrganizationDefault: boolean;
  links: BaselineLink[];
}

export interface Baseline {
  schema: typeof BASELINE_SCHEMA;
  version: typeof BASELINE_VERSION;
  exportedAt: string;
  /** Where it was exported from; informative only, a baseline may be applied to another tenant. */
  tenant?: string;
  policies: BaselinePolicy[];
}

export interface ExportNote {
  policyName: string;
  message: string;
}

/** The tenant as a baseline; policies it cannot express faithfully come back as notes. */
export function exportBaseline(
  index: DirectoryIndex,
  options: { exportedAt: string; tenant?: string },
): { baseline: Baseline; notes: ExportNote[] } {
  const notes: ExportNote[] = [];
  const policies: BaselinePolicy[] = [];
  const seen = new Set<string>();
  for (const policy of index.policies) {
    if (policy.deletedDateTime) continue;
    const parsed = parseDefinition(policy.definition);
    if (parsed.accessTokenLifetimeSeconds === null) {
      notes.push({
        policyName: policy.displayName,
        message:
          'Left out: its definition holds no readable AccessTokenLifetime, so there is nothing to restore.',
      });
      continue;
    }
    const key = nameKey(policy.displayName);
    if (seen.has(key))
      notes.push({
        policyName: policy.displayName,
        message:
          'Another policy has the same display name: the baseline finds policies by name, so loading it will ask which one to keep.',
      });
    seen.add(key);
    const seconds = writableLifetimeSeconds(parsed.accessTokenLifetimeSeconds);
    if (seconds !== parsed.accessTokenLifetimeSeconds)
      notes.push({
        policyName: policy.displayName,
        message: 'Holds 1 day, which Graph no longer writes: exported as 23:59:59.',
      });
    if (parsed.retiredProperties.length > 0)
      notes.push({
        policyName: policy.displayName,
        message: `Retired settings (${parsed.retiredProperties.join(', ')}) are not exported: Entra ignores them since 30 January 2021.`,
      });
    const links: BaselineLink[] = [];
    for (const target of index.targets) {
      if (target.application && target.applicationPolicyId === policy.id)
        links.push({ appId: target.appId, object: 'application' });
      if (target.servicePrincipal && target.servicePrincipalPolicyId === policy.id)
        links.push({ appId: target.appId, object: 'servicePrincipal' });
    }
    links.sort((a, b) => a.appId.localeCompare(b.appId) || a.object.localeCompare(b.object));
    policies.push({
      displayName: policy.displayName,
      description: policy.description ?? null,
      accessTokenLifetime: formatTimeSpan(seconds),
      isOrganizationDefault: policy.isOrganizationDefault,
      links,
    });
  }
  policies.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return {
    baseline: {
      schema: BASELINE_SCHEMA,
      version: BASELINE_VERSION,
      exportedAt: options.exportedAt,
      ...(options.tenant ? { tenant: options.tenant } : {}),
      policies,
    },
    notes,
  };
}

/**
 * How policies are matched by name: trimmed, case-insensitive, as the dashboard's duplicate check
 * (lib/graph findPoliciesByDisplayName) and the generated script (PowerShell -eq) compare them.
 */
export function nameKey(displayName: string): string {
  return displayName.trim().toLowerCase();
}
