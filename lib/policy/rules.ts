// The user-visible rules about which objects can hold a policy, in one place.
import type { DirectoryTarget, ServicePrincipalObject, TokenLifetimePolicy } from './types';

/** appOwnerOrganizationId of Microsoft's own applications. */
export const MICROSOFT_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export interface FirstPartyResource {
  appId: string;
  displayName: string;
  label: string;
  note?: string;
}

/** Present in every tenant as service principals without an application object there. */
export const FIRST_PARTY_RESOURCES: readonly FirstPartyResource[] = [
  { appId: '00000003-0000-0000-c000-000000000000', displayName: 'Microsoft Graph', label: 'Microsoft Graph' },
  {
    appId: '00000003-0000-0ff1-ce00-000000000000',
    displayName: 'Office 365 SharePoint Online',
    label: 'SharePoint Online',
    note: 'Applies to desktop and mobile clients only, not browser sessions.',
  },
  { appId: '00000002-0000-0ff1-ce00-000000000000', displayName: 'Office 365 Exchange Online', label: 'Exchange Online' },
  {
    appId: '00000007-0000-0000-c000-000000000000',
    displayName: 'Common Data Service',
    label: 'Dataverse',
    note: 'Affects every Dataverse environment of the tenant.',
  },
];

export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
const FIRST_PARTY_IDS = new Set(FIRST_PARTY_RESOURCES.map((r) => r.appId));

export function isMicrosoftFirstParty(sp: Pick<ServicePrincipalObject, 'appId' | 'appOwnerOrganizationId'>): boolean {
  return FIRST_PARTY_IDS.has(sp.appId) || sp.appOwnerOrganizationId === MICROSOFT_TENANT_ID;
}

export function isManagedIdentity(sp: Pick<ServicePrincipalObject, 'servicePrincipalType'> | undefined): boolean {
  return sp?.servicePrincipalType === 'ManagedIdentity';
}

export type ObjectType = 'application' | 'servicePrincipal';

export type Linkability =
  | { linkable: true; warnings: string[] }
  | { linkable: false; reason: string };

export const LIFETIME_FOLLOWS_RESOURCE =
  'Lifetime follows the resource: a policy on this client app changes only tokens issued for this app’s own API, not the tokens it gets for Microsoft Graph or other APIs. To lengthen those, link the policy to the resource’s service principal (for example Microsoft Graph).';

/** Whether a policy may be linked to this object, and why not. */
export function linkability(target: DirectoryTarget, objectType: ObjectType): Linkability {
  if (objectType === 'servicePrincipal') {
    const sp = target.servicePrincipal;
    if (!sp) return { linkable: false, reason: 'This app has no service principal (enterprise application) in the tenant.' };
    if (isManagedIdentity(sp)) {
      return {
        linkable: false,
        reason: 'Managed identities are not supported by token lifetime policies: Entra ignores policies on them.',
      };
    }
  } else {
    const app = target.application;
    if (!app) {
      return {
        linkable: false,
        reason: 'This app has no application object in this tenant (it is registered by another publisher); link its service principal instead.',
      };
    }
    if (app.signInAudience === 'PersonalMicrosoftAccount') {
      return {
        linkable: false,
        reason: 'Apps for personal Microsoft accounts only are not supported by token lifetime policies.',
      };
    }
  }
  const warnings: string[] = [];
  if (looksClientOnly(target)) warnings.push(LIFETIME_FOLLOWS_RESOURCE);
  if (target.servicePrincipal && target.servicePrincipal.accountEnabled === false) {
    warnings.push('This service principal is disabled: no tokens are issued for it until it is enabled.');
  }
  return { linkable: true, warnings };
}

/** An app registration that exposes no API is a client: tokens are never issued *for* it. */
export function looksClientOnly(target: DirectoryTarget): boolean {
  if (!target.application) return false;
  const uris = target.application.identifierUris;
  return !uris || uris.length === 0;
}

export function findOrganizationDefaults(policies: TokenLifetimePolicy[]): TokenLifetimePolicy[] {
  return policies.filter((p) => p.isOrganizationDefault);
}
