// User-visible rules about WHO can hold a policy, kept in one place for the UI and the demo tenant:
// which objects can take one, what kind of app a row is, one policy per object, one default.
import {
  LIFETIME_FOLLOWS_RESOURCE,
  MANAGED_IDENTITY_UNSUPPORTED,
  NO_APPLICATION_OBJECT,
  NO_SERVICE_PRINCIPAL,
  PERSONAL_ACCOUNTS_UNSUPPORTED,
  SHAREPOINT_DESKTOP_MOBILE_ONLY,
  UNLINKED_POLICY,
} from './messages';
import type {
  DirectoryTarget,
  Finding,
  ServicePrincipalObject,
  TokenLifetimePolicy,
} from './types';

export { LIFETIME_FOLLOWS_RESOURCE } from './messages';

export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

/** Microsoft resources found as service principals (no application object) in every tenant. */
export const FIRST_PARTY_RESOURCES = [
  { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph', label: 'Graph' },
  {
    appId: '00000003-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 SharePoint Online',
    label: 'SharePoint',
  },
  {
    appId: '00000002-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 Exchange Online',
    label: 'Exchange',
  },
  {
    appId: '00000007-0000-0000-c000-000000000000',
    displayName: 'Common Data Service',
    label: 'Dataverse',
  },
] as const;

export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

const firstPartyAppIds = new Set<string>(FIRST_PARTY_RESOURCES.map((r) => r.appId));

export function isMicrosoftFirstParty(
  sp: Pick<ServicePrincipalObject, 'appId' | 'appOwnerOrganizationId'> | undefined | null,
): boolean {
  if (!sp) return false;
  return sp.appOwnerOrganizationId === MICROSOFT_TENANT_ID || firstPartyAppIds.has(sp.appId);
}

export function isManagedIdentity(
  sp: Pick<ServicePrincipalObject, 'servicePrincipalType'> | undefined | null,
): boolean {
  return sp?.servicePrincipalType === 'ManagedIdentity';
}

/** A client-only app registration: it exposes no API, so no token is ever issued FOR it. */
export function looksClientOnly(target: DirectoryTarget): boolean {
  const app = target.application;
  if (!app) return false;
  if (app.exposesApi === true) return false;
  if (app.identifierUris && app.identifierUris.length > 0) return false;
  return app.exposesApi === false || Array.isArray(app.identifierUris);
}

/**
 * A client-only app whose own objects hold a policy: no token is ever issued FOR it, so that policy
 * changes nothing (the app page warns, the audit does not count it as extended). Links to an object
 * the app does not have in this tenant do not count.
 */
export function linkedPolicyHasNoEffect(target: DirectoryTarget): boolean {
  const linked =
    (target.application !== undefined && target.applicationPolicyId !== undefined) ||
    (target.servicePrincipal !== undefined && target.servicePrincipalPolicyId !== undefined);
  return linked && looksClientOnly(target);
}

export type LinkObjectType = 'application' | 'servicePrincipal';

export type Linkability =
  { linkable: true; warnings: string[] } | { linkable: false; reason: string };

/** Whether this object of the app can take a policy, and what the admin should know first. */
export function linkability(target: DirectoryTarget, objectType: LinkObjectType): Linkability {
  if (isManagedIdentity(target.servicePrincipal)) {
    return { linkable: false, reason: MANAGED_IDENTITY_UNSUPPORTED };
  }
  if (objectType === 'application') {
    if (!target.application) return { linkable: false, reason: NO_APPLICATION_OBJECT };
    if (target.application.signInAudience === 'PersonalMicrosoftAccount') {
      return { linkable: false, reason: PERSONAL_ACCOUNTS_UNSUPPORTED };
    }
  } else if (!target.servicePrincipal) {
    return { linkable: false, reason: NO_SERVICE_PRINCIPAL };
  }
  const warnings: string[] = [];
  if (looksClientOnly(target)) warnings.push(LIFETIME_FOLLOWS_RESOURCE);
  if (target.servicePrincipal?.appId === SHAREPOINT_APP_ID)
    warnings.push(SHAREPOINT_DESKTOP_MOBILE_ONLY);
  return { linkable: true, warnings };
}

/**
 * One policy per object: what linking `wanted` to an object that holds `current` takes. Graph
 * refuses a second link (Request_MultipleObjectsWithSameKeyValue), so "replace" is unlink then link.
 */
export function linkStep(
  current: string | null | undefined,
  wanted: string,
): 'already-linked' | 'link' | 'replace' {
  if (current === wanted) return 'already-linked';
  return current ? 'replace' : 'link';
}

/** Whether an object holding `current` can take another link as it stands (Graph's check). */
export function canTakeAnotherLink(current: string | null | undefined): boolean {
  return !current;
}

/**
 * A policy linked to no object and not the organization default changes nothing: the finding says
 * so; undefined when it is linked or the default.
 */
export function unlinkedPolicyFinding(
  policy: Pick<TokenLifetimePolicy, 'isOrganizationDefault'>,
  linkCount: number,
): Finding | undefined {
  if (policy.isOrganizationDefault === true || linkCount > 0) return undefined;
  return { code: 'unlinked', severity: 'info', message: UNLINKED_POLICY };
}

/** Policies claiming to be the organization default; more than one is a tenant inconsistency. */
export function findOrganizationDefaults(
  policies: readonly TokenLifetimePolicy[],
): TokenLifetimePolicy[] {
  return policies.filter((p) => p.isOrganizationDefault === true && !p.deletedDateTime);
}

/**
 * Only one organization default: the policy that stands in the way of making `policyId` the
 * default (it must be unset first), if any.
 */
export function otherOrganizationDefault<P extends TokenLifetimePolicy>(
  policies: readonly P[],
  policyId: string | undefined,
): P | undefined {
  return policies.find(
    (p) => p.isOrganizationDefault === true && !p.deletedDateTime && p.id !== policyId,
  );
}

/** What kind of object a row of the tenant is, in the admin's words. */
export type TargetKind =
  'first-party' | 'managed-identity' | 'other-publisher' | 'app-and-sp' | 'app-only';

export const KIND_LABELS: Record<TargetKind, string> = {
  'first-party': 'Microsoft first-party',
  'managed-identity': 'Managed identity',
  'other-publisher': 'Other publisher',
  'app-and-sp': 'App registration + SP',
  'app-only': 'App registration only',
};

export function kindOf(target: DirectoryTarget): TargetKind {
  if (isManagedIdentity(target.servicePrincipal)) return 'managed-identity';
  if (target.servicePrincipal && isMicrosoftFirstParty(target.servicePrincipal))
    return 'first-party';
  if (!target.application) return 'other-publisher';
  return target.servicePrincipal ? 'app-and-sp' : 'app-only';
}
