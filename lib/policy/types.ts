// The shared vocabulary of the domain. The UI, lib/graph and the demo tenant all speak these types;
// the rules that act on them live beside this file (timespan, lifetime, definition, resolve, audit).

/** A finding about a policy or a value, in the admin's words. */
export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'malformed-json'
  | 'not-a-policy-object'
  | 'missing-access-token-lifetime'
  | 'invalid-timespan'
  | 'non-canonical-timespan'
  | 'out-of-range'
  | 'one-day-not-writable'
  | 'retired-property'
  | 'unexpected-version'
  | 'multiple-definition-strings'
  | 'empty-definition'
  | 'unlinked'
  | 'multiple-organization-defaults'
  | 'policy-not-found';

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** Plain-language message for the admin: what is wrong and what to do. */
  message: string;
  /** The property concerned, when there is one (e.g. "MaxInactiveTime"). */
  property?: string;
}

/** The token lifetime policy as Graph returns it (tokenLifetimePolicy, v1.0). */
export interface TokenLifetimePolicy {
  id: string;
  displayName: string;
  description?: string | null;
  isOrganizationDefault: boolean;
  definition: string[];
  deletedDateTime?: string | null;
}

/** Where a link sits. */
export type LinkSource = 'servicePrincipal' | 'organizationDefault' | 'application' | 'builtIn';

/** The two precedence rules the sources give (DOMAIN.md). */
export type PrecedenceRuleId = 'graph-reference' | 'current-article';

export type ServicePrincipalType = 'Application' | 'ManagedIdentity' | 'Legacy' | 'SocialIdp';

export interface ApplicationObject {
  id: string;
  appId: string;
  displayName: string;
  signInAudience?: string | null;
  createdDateTime?: string | null;
  /** Whether the app registration exposes an API (scopes or app roles); false → client-only. */
  exposesApi?: boolean;
  identifierUris?: string[] | null;
}

export interface ServicePrincipalObject {
  id: string;
  appId: string;
  displayName: string;
  servicePrincipalType?: ServicePrincipalType | string | null;
  appOwnerOrganizationId?: string | null;
  accountEnabled?: boolean | null;
  tags?: string[] | null;
}

/**
 * One row of the tenant: an application object and/or its service principal, joined by appId.
 * SPs without an application object in this tenant (first-party, other publishers) have no
 * `application`; app registrations not yet instantiated have no `servicePrincipal`.
 */
export interface DirectoryTarget {
  appId: string;
  displayName: string;
  application?: ApplicationObject;
  servicePrincipal?: ServicePrincipalObject;
  /** id of the token lifetime policy linked to the application object, if any. */
  applicationPolicyId?: string;
  /** id of the token lifetime policy linked to the service principal, if any. */
  servicePrincipalPolicyId?: string;
}

/** Everything the engine needs to reason about a tenant. */
export interface DirectoryIndex {
  policies: TokenLifetimePolicy[];
  targets: DirectoryTarget[];
}
