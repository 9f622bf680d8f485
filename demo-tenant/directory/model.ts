import type {
  ApplicationObject,
  ServicePrincipalObject,
  TokenLifetimePolicy,
} from '../../lib/policy/types';

export interface DemoApplication extends ApplicationObject {
  createdDateTime: string;
  signInAudience: string;
  identifierUris: string[];
  /** Only `requestedAccessTokenVersion` matters here: it decides v1.0 or v2.0 access tokens. */
  api?: { requestedAccessTokenVersion: number | null };
}

export interface DemoServicePrincipal extends ServicePrincipalObject {
  servicePrincipalType: string;
  appOwnerOrganizationId: string | null;
  accountEnabled: boolean;
  tags: string[];
  servicePrincipalNames: string[];
}

/** The whole tenant as plain data: what the seed makes, what the state file holds. */
export interface DirectoryState {
  policies: TokenLifetimePolicy[];
  applications: DemoApplication[];
  servicePrincipals: DemoServicePrincipal[];
  /** application object id → policy id */
  applicationLinks: Record<string, string>;
  /** service principal id → policy id */
  servicePrincipalLinks: Record<string, string>;
}
