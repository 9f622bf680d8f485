import type {
  ApplicationObject,
  ServicePrincipalObject,
  TokenLifetimePolicy,
} from '../policy/types';

export type ObjectType = 'application' | 'servicePrincipal';

/** An entry of appliesTo: an application or service principal a policy is linked to. */
export interface LinkedObject {
  objectType: ObjectType;
  id: string;
  appId: string;
  displayName: string;
}

export interface PolicyInput {
  displayName: string;
  description?: string | null;
  definition: string[];
  isOrganizationDefault?: boolean;
}

/** A collection page as Graph sends it. */
export interface GraphCollection<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  '@odata.count'?: number;
}

/** A page as lib/graph hands it on (searchDirectory). */
export interface Page<T> {
  value: T[];
  nextLink?: string;
  count?: number;
}

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to the Graph root, e.g. /policies/tokenLifetimePolicies/{id}/appliesTo */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchResult {
  id: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many times it was sent (1 when it succeeded at once). */
  attempts: number;
}

export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
  retrying: number;
}

export type { ApplicationObject, ServicePrincipalObject, TokenLifetimePolicy };

export const APPLICATION_FIELDS = [
  'id',
  'appId',
  'displayName',
  'signInAudience',
  'createdDateTime',
  'identifierUris',
];
export const SERVICE_PRINCIPAL_FIELDS = [
  'id',
  'appId',
  'displayName',
  'servicePrincipalType',
  'appOwnerOrganizationId',
  'accountEnabled',
  'tags',
];
