// The OData query options Graph honours on directory collections, and the errors it gives.
import { GraphHttpError } from './errors';

export interface CollectionQuery {
  select?: string[];
  top: number;
  skip: number;
  filter?: (item: Record<string, unknown>) => boolean;
  search?: (item: Record<string, unknown>) => boolean;
  count: boolean;
}

/** What a collection lets $filter, $search and $top do: Graph differs per collection. */
export interface CollectionOptions {
  /** Properties `eq` compares with a quoted string. */
  stringProperties: readonly string[];
  /** Properties `startswith(p,'…')` may test (displayName when unset). */
  startsWithProperties?: readonly string[];
  /** Properties `eq` compares with true or false. */
  booleanProperties?: readonly string[];
  /** Advanced queries ($search) on directory objects; not on policies. */
  searchable?: boolean;
  maxTop?: number;
}

export const DIRECTORY_OBJECTS: CollectionOptions = {
  stringProperties: ['appId', 'id', 'servicePrincipalType', 'displayName', 'signInAudience'],
  searchable: true,
};

/**
 * servicePrincipal.appId "Supports $filter (eq, ne, not, in, startsWith)" (servicePrincipal
 * resource, properties table); application.appId supports only eq (application resource), so
 * `startswith(appId,…)` is refused on /applications as Graph refuses it.
 */
export const SERVICE_PRINCIPALS: CollectionOptions = {
  ...DIRECTORY_OBJECTS,
  startsWithProperties: ['displayName', 'appId'],
};

/**
 * tokenLifetimePolicy: the docs (tokenlifetimepolicy-list) list $expand, $filter, $select and $top;
 * $filter by eq on its properties, e.g. displayName or isOrganizationDefault. No $search.
 */
export const TOKEN_LIFETIME_POLICIES: CollectionOptions = {
  stringProperties: ['id', 'displayName'],
  booleanProperties: ['isOrganizationDefault'],
  searchable: false,
};

const EQ_STRING = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*$/;
const EQ_BOOLEAN = /^\s*([A-Za-z]+)\s+eq\s+(true|false)\s*$/;
const FILTER_STARTSWITH = /^\s*startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i;
const SEARCH = /^"(displayName|description):([^"]*)"$/;

const unsupportedFilter = (text: string) =>
  new GraphHttpError(400, 'Request_UnsupportedQuery', `Unsupported Query: ${text}`);

function parseFilter(
  text: string,
  options: CollectionOptions,
): (item: Record<string, unknown>) => boolean {
  const eq = EQ_STRING.exec(text);
  if (eq) {
    const [, property, raw] = eq;
    if (!options.stringProperties.includes(property)) throw unsupportedFilter(text);
    const value = raw.replace(/''/g, "'").toLowerCase();
    return (item) => String(item[property] ?? '').toLowerCase() === value;
  }
  const eqBoolean = EQ_BOOLEAN.exec(text);
  if (eqBoolean) {
    const [, property, raw] = eqBoolean;
    if (!(options.booleanProperties ?? []).includes(property)) throw unsupportedFilter(text);
    return (item) => item[property] === (raw === 'true');
  }
  const starts = FILTER_STARTSWITH.exec(text);
  if (starts) {
    const [, property, raw] = starts;
    if (!(options.startsWithProperties ?? ['displayName']).includes(property))
      throw unsupportedFilter(text);
    const prefix = raw.replace(/''/g, "'").toLowerCase();
    // Only the prefix's length is lowered: a listing in 16 chains tests 85,000 objects a page.
    return (item) =>
      String(item[property] ?? '')
        .slice(0, prefix.length)
        .toLowerCase() === prefix;
  }
  throw unsupportedFilter(text);
}

export function parseCollectionQuery(
  params: URLSearchParams,
  consistencyLevel: string | undefined,
  options: CollectionOptions = DIRECTORY_OBJECTS,
): CollectionQuery {
  const maxTop = options.maxTop ?? 999;
  const eventual = consistencyLevel?.toLowerCase() === 'eventual';
  const topText = params.get('$top');
  let top = 100;
  if (topText !== null) {
    top = Number(topText);
    if (!Number.isInteger(top) || top < 1 || top > maxTop) {
      throw new GraphHttpError(
        400,
        'Request_BadRequest',
        `Invalid page size specified: '${topText}'. Must be between 1 and ${maxTop} inclusive.`,
      );
    }
  }
  const skipToken = params.get('$skiptoken');
  let skip = 0;
  if (skipToken !== null) {
    skip = Number(Buffer.from(skipToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(skip) || skip < 0)
      throw new GraphHttpError(400, 'Request_BadRequest', 'The skip token is invalid.');
  }
  const select = params
    .get('$select')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // $count=true without ConsistencyLevel is not an error: Graph answers 200 and leaves
  // @odata.count out (GRAPH-CONTRACT.md; the advanced-queries doc asks for the header).
  const count = params.get('$count') === 'true' && eventual;
  const searchText = params.get('$search');
  let search: CollectionQuery['search'];
  if (searchText !== null) {
    if (!options.searchable)
      throw new GraphHttpError(
        400,
        'Request_UnsupportedQuery',
        'Request with $search query parameter is not supported on this resource.',
      );
    if (!eventual) {
      throw new GraphHttpError(
        400,
        'Request_UnsupportedQuery',
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    }
    const match = SEARCH.exec(searchText.trim());
    if (!match)
      throw new GraphHttpError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid search query: ${searchText}. Use "displayName:word".`,
      );
    const [, property, word] = match;
    const needle = word.toLowerCase();
    // Graph's $search matches the start of any word in the value (tokenized), case-insensitively.
    search = (item) => {
      const value = String(item[property] ?? '').toLowerCase();
      return (
        value.startsWith(needle) ||
        value.split(/[\s\-_.()]+/).some((token) => token.startsWith(needle))
      );
    };
  }
  const filterText = params.get('$filter');
  const filter = filterText === null ? undefined : parseFilter(filterText, options);
  return { select, top, skip, filter, search, count };
}

export function applySelect<T extends Record<string, unknown>>(
  item: T,
  select: string[] | undefined,
): Record<string, unknown> {
  if (!select) return item;
  const result: Record<string, unknown> = {};
  if ('@odata.type' in item) result['@odata.type'] = item['@odata.type'];
  for (const key of select) if (key in item) result[key] = item[key];
  if (!select.includes('id') && 'id' in item) result.id = item.id;
  return result;
}

export function pageOf<T extends Record<string, unknown>>(
  items: T[],
  query: CollectionQuery,
  baseUrl: string,
  params: URLSearchParams,
  context: string,
): Record<string, unknown> {
  const { filter, search } = query;
  const next = query.skip + query.top;
  let matching = items;
  let more: boolean;
  if (query.count || (!filter && !search)) {
    if (filter) matching = matching.filter(filter);
    if (search) matching = matching.filter(search);
    more = next < matching.length;
  } else {
    // Without $count, matching stops one past the page: later pages of a filtered listing need
    // not test the whole collection.
    matching = [];
    for (const item of items) {
      if ((filter?.(item) ?? true) && (search?.(item) ?? true)) matching.push(item);
      if (matching.length > next) break;
    }
    more = matching.length > next;
  }
  const page = matching
    .slice(query.skip, query.skip + query.top)
    .map((item) => applySelect(item, query.select));
  const body: Record<string, unknown> = { '@odata.context': context };
  if (query.count) body['@odata.count'] = matching.length;
  body.value = page;
  if (more) {
    const nextParams = new URLSearchParams(params);
    nextParams.set('$skiptoken', Buffer.from(String(next)).toString('base64url'));
    body['@odata.nextLink'] = `${baseUrl}?${nextParams.toString()}`;
  }
  return body;
}
