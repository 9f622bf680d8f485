// /applications/delta and /servicePrincipals/delta as Microsoft documents them
// (application-delta, serviceprincipal-delta, delta-query-overview):
// - a first round pages through every object (nextLink with $skiptoken) and ends with a deltaLink;
//   `$deltatoken=latest` skips it ("sync from now": an empty page and a deltaLink);
// - a deltaLink round answers the changes since its token: changed objects with the $select'ed
//   properties (id always), deleted ones as `{ id, "@removed": { "reason": "changed" } }`;
// - query options are given once, in the first request, and travel inside the tokens; only
//   $select is honoured (and the documented `id eq` $filter is refused here: the dashboard does
//   not use it, and the emulator is never more lenient than Graph);
// - a token older than seven days ("for directory objects, the limit is seven days"), or from
//   before the tenant was reset, is answered 410 Gone with a Location to start again
//   (delta-query-overview, "Synchronization reset"), code syncStateNotFound (Microsoft 365
//   Developer Blog, 2020-07-03: "The sync state generation is not found…").
import type { TokenCheck } from '../contracts';
import type { DirectoryStore, ObjectType } from '../directory/store';
import { GraphHttpError } from './errors';
import { applySelect } from './odata';

export const DELTA_PAGE_SIZE = 200;

/**
 * Microsoft's permissions table (application-delta-permissions): delegated Directory.Read.All
 * (or Directory.ReadWrite.All); application Application.ReadWrite.OwnedBy,
 * Application.ReadWrite.All or Directory.Read.All. Application.Read.All alone is not enough.
 */
export function requireDeltaPermission(auth: Extract<TokenCheck, { ok: true }>): void {
  const allowed =
    auth.kind === 'delegated'
      ? ['Directory.Read.All', 'Directory.ReadWrite.All']
      : ['Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All', 'Directory.Read.All'];
  if (!auth.permissions.some((p) => allowed.includes(p)))
    throw new GraphHttpError(
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
}
export const DELTA_TOKEN_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const ALLOWED = new Set(['$select', '$deltatoken', '$skiptoken']);

/** What a token carries: the tenant generation, where the round stands, and the $select. */
interface RoundState {
  generation: string;
  /** Changes after this sequence number are still to be told (a deltaLink round). */
  after: number;
  /** The round covers changes up to here; later ones go to the next round. */
  upTo: number;
  /** First round: every object; otherwise the changes in (after, upTo]. */
  initial: boolean;
  offset: number;
  select?: string[];
  issuedAt: number;
}

const encode = (state: RoundState) => Buffer.from(JSON.stringify(state)).toString('base64url');

function decode(token: string): RoundState | undefined {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as RoundState;
    return typeof state.generation === 'string' && Number.isInteger(state.after)
      ? state
      : undefined;
  } catch {
    return undefined;
  }
}

function restart(collectionUrl: string, select: string[] | undefined): GraphHttpError {
  const query = select ? `&$select=${select.join(',')}` : '';
  return new GraphHttpError(
    410,
    'syncStateNotFound',
    'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
    { Location: `${collectionUrl}/delta?$deltatoken=${query}` },
  );
}

export function deltaPage(
  store: DirectoryStore,
  type: ObjectType,
  collectionUrl: string,
  params: URLSearchParams,
): Record<string, unknown> {
  for (const key of params.keys())
    if (key.startsWith('$') && !ALLOWED.has(key))
      throw new GraphHttpError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported Query: ${key} is not supported with delta.`,
      );
  const now = store.clock();
  const generation = store.changes.generation;
  const skipToken = params.get('$skiptoken');
  const deltaToken = params.get('$deltatoken');
  const select = params
    .get('$select')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  let state: RoundState;
  if (skipToken !== null || (deltaToken && deltaToken !== 'latest')) {
    const decoded = decode((skipToken ?? deltaToken)!);
    if (!decoded)
      throw new GraphHttpError(400, 'Request_BadRequest', 'The delta or skip token is invalid.');
    if (decoded.generation !== generation || now - decoded.issuedAt > DELTA_TOKEN_LIFETIME_MS)
      throw restart(collectionUrl, decoded.select);
    state =
      skipToken !== null
        ? decoded
        : { ...decoded, after: decoded.upTo, upTo: store.changes.seq, offset: 0, initial: false };
  } else {
    const upTo = store.changes.seq;
    const fresh = { generation, after: upTo, upTo, offset: 0, select, issuedAt: now };
    if (deltaToken === 'latest')
      return {
        '@odata.context': `${collectionUrl.replace(/\/[^/]+$/, '')}/$metadata#${collectionUrl.split('/').pop()}`,
        '@odata.deltaLink': `${collectionUrl}/delta?$deltatoken=${encode({ ...fresh, initial: false })}`,
        value: [],
      };
    state = { ...fresh, initial: true };
  }

  const items: Array<Record<string, unknown>> = state.initial
    ? (type === 'application' ? store.applications : store.servicePrincipals).map((object) =>
        applySelect({ ...object }, state.select),
      )
    : store.changes.since(type, state.after, state.upTo).map((change) => {
        const object = store.getObject(type, change.id);
        return change.removed || !object
          ? { id: change.id, '@removed': { reason: 'changed' } }
          : applySelect({ ...object }, state.select);
      });
  const page = items.slice(state.offset, state.offset + DELTA_PAGE_SIZE);
  const next = state.offset + DELTA_PAGE_SIZE;
  const body: Record<string, unknown> = {
    '@odata.context': `${collectionUrl.replace(/\/[^/]+$/, '')}/$metadata#${collectionUrl.split('/').pop()}`,
  };
  if (next < items.length)
    body['@odata.nextLink'] =
      `${collectionUrl}/delta?$skiptoken=${encode({ ...state, offset: next })}`;
  else
    body['@odata.deltaLink'] =
      `${collectionUrl}/delta?$deltatoken=${encode({ ...state, after: state.upTo, offset: 0, initial: false, issuedAt: now })}`;
  body.value = page;
  return body;
}
