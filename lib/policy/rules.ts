// User-visible rules about WHO can hold a policy, kept in one place for the UI and the demo tenant.
import type { DirectoryTarget, ServicePrincipalObject, TokenLifetimePolicy } from './types';

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

export const LIFETIME_FOLLOWS_RESOURCE =
  'The lifetime follows the resource (the API a token is for), not the client. This app exposes no API, so a policy here does not change the tokens it gets for Microsoft Graph or other APIs.';

export function linkability(
  target: DirectoryTarget,
  objectType: 'application' | 'servicePrincipal',
): { linkable: true; warnings: string[] } | { linkable: false; reason: string } {
  if (isManagedIdentity(target.servicePrincipal)) {
    return {
      linkable: false,
      reason:
        'Managed identities are not supported by token lifetime policies in Microsoft Entra ID.',
    };
  }
  if (objectType === 'application') {
    if (!target.application) {
      return {
        linkable: false,
        reason:
          'This app has no application object in this tenant; link the policy to its service principal instead.',
      };
    }
    if (target.application.signInAudience === 'PersonalMicrosoftAccount') {
      return {
        linkable: false,
        reason: 'Apps for personal Microsoft accounts only cannot hold a token lifetime policy.',
      };
    }
  } else if (!target.servicePrincipal) {
    return {
      linkable: false,
      reason:
        'This app has no service principal in this tenant yet; link the policy to its application object instead.',
    };
  }
  const warnings: string[] = [];
  if (looksClientOnly(target)) warnings.push(LIFETIME_FOLLOWS_RESOURCE);
  if (target.servicePrincipal?.appId === SHAREPOINT_APP_ID) {
    warnings.push(
      'For SharePoint Online and OneDrive the policy applies to desktop and mobile clients only, not to browser sessions.',
    );
  }
  return { linkable: true, warnings };
}

/** Policies claiming to be the organization default; more than one is a tenant inconsistency. */
export function findOrganizationDefaults(
  policies: readonly TokenLifetimePolicy[],
): TokenLifetimePolicy[] {
  return policies.filter((p) => p.isOrganizationDefault === true && !p.deletedDateTime);
}
