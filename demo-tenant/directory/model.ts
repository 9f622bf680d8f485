import type { DirectoryAudit } from '../graph/audit-log';
import type { AccessState, DemoAppRole } from './seed-access';
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
  /** Application permissions the API defines (assignments name them by id). */
  appRoles?: DemoAppRole[];
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
  /** Absent in state files saved before they existed: then made from the directory (seed-access). */
  appRoleAssignments?: AccessState['appRoleAssignments'];
  oauth2PermissionGrants?: AccessState['oauth2PermissionGrants'];
  conditionalAccessPolicies?: AccessState['conditionalAccessPolicies'];
  /** Entra's directory audit log of this tenant (graph/audit-log.ts), oldest first. */
  directoryAudits?: DirectoryAudit[];
}
