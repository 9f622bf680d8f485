// Small builders for tests (and for the demo tenant, if useful): policies and targets in one line.
import { buildDefinition } from './definition';
import type { DirectoryTarget, TokenLifetimePolicy } from './types';

export function makePolicy(
  id: string,
  seconds: number,
  extra: Partial<TokenLifetimePolicy> = {},
): TokenLifetimePolicy {
  return {
    id,
    displayName: extra.displayName ?? `Policy ${id}`,
    isOrganizationDefault: false,
    definition: buildDefinition({ accessTokenLifetimeSeconds: seconds }),
    ...extra,
  };
}

export function makeTarget(appId: string, extra: Partial<DirectoryTarget> = {}): DirectoryTarget {
  return {
    appId,
    displayName: `App ${appId}`,
    application: { id: `app-${appId}`, appId, displayName: `App ${appId}` },
    servicePrincipal: {
      id: `sp-${appId}`,
      appId,
      displayName: `App ${appId}`,
      servicePrincipalType: 'Application',
    },
    ...extra,
  };
}

/** A managed identity: a service principal only, no application object. */
export function makeManagedIdentity(
  appId: string,
  extra: Partial<DirectoryTarget> = {},
): DirectoryTarget {
  return makeTarget(appId, {
    application: undefined,
    servicePrincipal: {
      id: `sp-${appId}`,
      appId,
      displayName: `identity ${appId}`,
      servicePrincipalType: 'ManagedIdentity',
    },
    ...extra,
  });
}
