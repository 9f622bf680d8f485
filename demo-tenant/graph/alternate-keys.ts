// Alternate keys: Graph addresses an application or service principal by appId as well as by id,
// `/servicePrincipals(appId='{appId}')` and `/applications(appId='{appId}')` (documented on
// serviceprincipal-get, application-get and serviceprincipal-list-tokenlifetimepolicies), with every
// sub-path the id form has.
import { DirectoryError, type DirectoryStore } from '../directory/store';

const ALTERNATE_KEY =
  /^\/(applications|servicePrincipals)\(appId=(?:'|%27)(.*?)(?:'|%27)\)(\/.*)?$/i;

function parse(path: string) {
  const match = ALTERNATE_KEY.exec(path);
  if (!match) return undefined;
  const [, collection, appId, rest = ''] = match;
  return {
    collection: collection.toLowerCase() === 'applications' ? 'applications' : 'servicePrincipals',
    appId: decodeURIComponent(appId).replace(/''/g, "'"),
    rest,
  } as const;
}

/** The id form of an alternate-key path; other paths come back unchanged. */
export function resolveAlternateKey(path: string, store: DirectoryStore): string {
  const key = parse(path);
  if (!key) return path;
  const target = store.targetFor(key.appId);
  const object = key.collection === 'applications' ? target?.application : target?.servicePrincipal;
  if (!object)
    throw new DirectoryError(
      404,
      'Request_ResourceNotFound',
      `Resource '${key.appId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return `/${key.collection}/${encodeURIComponent(object.id)}${key.rest}`;
}

/** For request counts: the path with a placeholder id, and how to name its template. */
export function alternateKeyTemplate(path: string): { idPath: string; prefix: string } | undefined {
  const key = parse(path);
  if (!key) return undefined;
  return {
    idPath: `/${key.collection}/{id}${key.rest}`,
    prefix: `/${key.collection}(appId='{appId}')`,
  };
}
