// The whole tenant, as lib/policy needs it, in the fewest round trips: the policy list, every
// policy's appliesTo through $batch (20 a request), and applications and service principals
// ($select, $top=999) page by page, both collections in parallel. Never one request per app.
// With objects kept from an earlier visit, only their changes are read (delta queries), in the
// same first $batch as the policy list: a warm load is that batch and the appliesTo rounds.
import type { DirectoryIndex, DirectoryTarget } from '../policy/types';
import type { GraphApi } from './client';
import { COLLECTIONS, FIELDS, type DirectoryChanges } from './directory';
import { graphErrorFrom } from './errors';
import { stripOData, toLinkedObject } from './policies';
import { yieldToPage } from '../yield-to-page';
import {
  applyChanges,
  startTracking,
  type KeptSnapshot,
  type ObjectSnapshot,
} from './tracked-objects';
import type {
  ApplicationObject,
  BatchRequest,
  BatchResult,
  LinkedObject,
  ObjectType,
  ServicePrincipalObject,
  TokenLifetimePolicy,
} from './types';

export interface IndexProgress {
  phase: 'policies' | 'links' | 'objects' | 'done';
  policies: number;
  applications: number;
  servicePrincipals: number;
}

export interface LoadOptions {
  onProgress?: (progress: IndexProgress) => void;
  /** The index so far, after every page: the view is usable while pages arrive. */
  onPartial?: (index: DirectoryIndex) => void;
  signal?: AbortSignal;
  /**
   * Objects kept from an earlier visit: brought up to date with delta queries, not re-read. The
   * deltaLinks are awaited before the first request; kept objects still being read (KeptSnapshot,
   * from lib/cache) are decoded while Graph answers.
   */
  previous?: ObjectSnapshot | KeptSnapshot | Promise<ObjectSnapshot | KeptSnapshot | undefined>;
  /** Told the objects to keep for the next visit (only when Graph lets us track changes). */
  onSnapshot?: (snapshot: ObjectSnapshot) => void;
}

export function joinDirectory(
  policies: TokenLifetimePolicy[],
  links: Map<string, LinkedObject[]>,
  applications: ApplicationObject[],
  servicePrincipals: ServicePrincipalObject[],
): DirectoryIndex {
  return withLinks(policies, links, joinObjects(applications, servicePrincipals));
}

/**
 * Applications and service principals joined by appId, without policies: the costly part of the
 * join (150,000 objects), done on a warm load while the appliesTo requests are still out.
 */
export function joinObjects(
  applications: ApplicationObject[],
  servicePrincipals: ServicePrincipalObject[],
): Map<string, DirectoryTarget> {
  const targets = new Map<string, DirectoryTarget>();
  for (const application of applications) {
    targets.set(application.appId, {
      appId: application.appId,
      displayName: application.displayName,
      application,
    });
  }
  for (const servicePrincipal of servicePrincipals) {
    const existing = targets.get(servicePrincipal.appId);
    if (existing) existing.servicePrincipal = servicePrincipal;
    else
      targets.set(servicePrincipal.appId, {
        appId: servicePrincipal.appId,
        displayName: servicePrincipal.displayName,
        servicePrincipal,
      });
  }
  return targets;
}

/** The policy ids written into targets fresh from joinObjects (each used once). */
function withLinks(
  policies: TokenLifetimePolicy[],
  links: Map<string, LinkedObject[]>,
  targets: Map<string, DirectoryTarget>,
): DirectoryIndex {
  for (const [policyId, objects] of links) {
    for (const object of objects) {
      const target = targets.get(object.appId);
      if (!target) continue;
      if (object.objectType === 'application' && target.application?.id === object.id)
        target.applicationPolicyId = policyId;
      if (object.objectType === 'servicePrincipal' && target.servicePrincipal?.id === object.id)
        target.servicePrincipalPolicyId = policyId;
    }
  }
  return { policies, targets: [...targets.values()] };
}

/**
 * A nextLink as a $batch URL (relative to the version root). A link to anywhere but this Graph is
 * refused. Kept here rather than using client.ts, so this module does not load the Graph SDK.
 */
export function batchUrlOf(nextLink: string, graphBaseUrl: string): string {
  const base = graphBaseUrl.replace(/\/$/, '');
  if (!nextLink.startsWith(`${base}/`))
    throw new Error(
      `Refusing to follow a link outside Microsoft Graph: ${new URL(nextLink).origin}`,
    );
  return nextLink.slice(base.length);
}

/** appliesTo pages as Graph allows them: $top up to 999 (tokenlifetimepolicy-list-appliesto). */
export const APPLIES_TO_PAGE = 999;

/**
 * Every policy's appliesTo in rounds of $batch: round one asks for each policy's first page
 * ($top=999); each later round carries only the nextLinks the previous round returned, so a
 * policy linked to thousands of objects costs one extra sub-request per page and never re-reads
 * a page it already has.
 */
export async function loadPolicyLinks(
  api: GraphApi,
  policies: TokenLifetimePolicy[],
  signal?: AbortSignal,
): Promise<Map<string, LinkedObject[]>> {
  const links = new Map<string, LinkedObject[]>(policies.map((p) => [p.id, []]));
  let pending = policies.map((policy) => ({
    policy,
    url: `/policies/tokenLifetimePolicies/${encodeURIComponent(policy.id)}/appliesTo?$select=id,appId,displayName&$top=${APPLIES_TO_PAGE}`,
  }));
  while (pending.length > 0) {
    const results = await api.runBatch(
      pending.map(({ url }, i) => ({ id: String(i), method: 'GET' as const, url })),
      { access: 'read', signal },
    );
    const next: typeof pending = [];
    for (const [i, result] of results.entries()) {
      const { policy } = pending[i];
      if (result.status >= 400)
        throw new Error(
          `Could not read the links of policy "${policy.displayName}" (HTTP ${result.status}).`,
        );
      const body = result.body as { value?: Record<string, unknown>[]; '@odata.nextLink'?: string };
      const objects = links.get(policy.id)!;
      for (const raw of body.value ?? []) {
        const linked = toLinkedObject(raw);
        if (linked) objects.push(linked);
      }
      const nextLink = body['@odata.nextLink'];
      // $batch URLs are relative to the version root; the nextLink is absolute.
      if (nextLink) next.push({ policy, url: batchUrlOf(nextLink, api.graphBaseUrl) });
    }
    pending = next;
  }
  return links;
}

/**
 * The view re-derives every row from a partial index, which for 100,000 objects takes the main
 * thread long enough to slow the paging itself: partials come after 0.5 s, then 1, 2, 4… s.
 */
const FIRST_PARTIAL_MS = 500;

type Kept = ObjectSnapshot | KeptSnapshot;

const keptObjects = (kept: Kept) =>
  'objects' in kept
    ? kept.objects()
    : Promise.resolve({
        applications: kept.applications,
        servicePrincipals: kept.servicePrincipals,
      });

/** The fields each kind keeps, as a delta request asks for them ($select travels in the tokens). */
const trackFromNow = (kind: ObjectType) =>
  `${COLLECTIONS[kind]}/delta?$select=${FIELDS[kind].join(',')}&$deltatoken=latest`;

interface DeltaBody {
  value?: Array<Record<string, unknown> & { id: string; '@removed'?: unknown }>;
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** The changes a batched delta request returned, its further pages read as they come. */
async function changesFrom<T>(
  api: GraphApi,
  result: BatchResult,
  since: string,
): Promise<DirectoryChanges<T>> {
  const body = result.body as DeltaBody;
  const changes: DirectoryChanges<T> = { changed: [], removed: [], deltaLink: since };
  for (const item of body.value ?? []) {
    if (item['@removed']) changes.removed.push(item.id);
    else changes.changed.push(item as T);
  }
  if (body['@odata.deltaLink']) changes.deltaLink = body['@odata.deltaLink'];
  const nextLink = body['@odata.nextLink'];
  if (!nextLink) return changes;
  const rest = await api.changesSince<T & (ApplicationObject | ServicePrincipalObject)>(nextLink);
  return {
    changed: [...changes.changed, ...rest.changed],
    removed: [...changes.removed, ...rest.removed],
    deltaLink: rest.deltaLink,
  };
}

const KINDS: ObjectType[] = ['application', 'servicePrincipal'];

/**
 * Round one, in one $batch: the policy list, and either the changes since the kept deltaLinks
 * (warm) or deltaLinks for "changes from now on" (cold, when the objects are to be kept). Delta
 * requests in $batch: json-batching lets any request of the API be a sub-request.
 */
async function firstRound(
  api: GraphApi,
  kept: Kept | undefined,
  track: boolean,
  signal?: AbortSignal,
) {
  const requests: BatchRequest[] = [{ id: 'policies', method: 'GET', url: POLICIES_URL }];
  for (const kind of KINDS) {
    if (kept)
      requests.push({
        id: kind,
        method: 'GET',
        url: batchUrlOf(kept.deltaLinks[kind], api.graphBaseUrl),
      });
    else if (track) requests.push({ id: kind, method: 'GET', url: trackFromNow(kind) });
  }
  const results = new Map(
    (await api.runBatch(requests, { access: 'read', signal })).map((r) => [r.id, r]),
  );
  const policies = await policiesFrom(api, results.get('policies')!, signal);
  const answered = KINDS.map((kind) => results.get(kind));
  // Graph no longer knows a token (410 after seven days), or refuses it: a full read. Tracking
  // that fails only makes the next visit a cold one.
  const usable = answered.every((r) => r && r.status < 400);
  const serverError = answered.find((r) => r && r.status >= 500);
  if (kept && serverError)
    throw graphErrorFrom(serverError.status, new Headers(serverError.headers), serverError.body);
  if (!usable) return { policies };
  const [application, servicePrincipal] = answered as BatchResult[];
  if (!kept) {
    const linkOf = (r: BatchResult) => (r.body as DeltaBody)['@odata.deltaLink'];
    const deltaLinks = {
      application: linkOf(application),
      servicePrincipal: linkOf(servicePrincipal),
    };
    if (!deltaLinks.application || !deltaLinks.servicePrincipal) return { policies };
    return { policies, deltaLinks: deltaLinks as Record<ObjectType, string> };
  }
  return {
    policies,
    changes: Promise.all([
      changesFrom<ApplicationObject>(api, application, kept.deltaLinks.application),
      changesFrom<ServicePrincipalObject>(api, servicePrincipal, kept.deltaLinks.servicePrincipal),
    ]),
  };
}

const POLICIES_URL = '/policies/tokenLifetimePolicies';

/** The policy list from its batched first page; further pages (rare: > 100 policies) directly. */
async function policiesFrom(
  api: GraphApi,
  result: BatchResult,
  signal?: AbortSignal,
): Promise<TokenLifetimePolicy[]> {
  if (result.status >= 400)
    throw graphErrorFrom(result.status, new Headers(result.headers), result.body);
  const body = result.body as { value?: Record<string, unknown>[]; '@odata.nextLink'?: string };
  if (body['@odata.nextLink']) return api.listPolicies({ signal });
  return (body.value ?? []).map(stripOData);
}

export async function loadDirectoryIndex(
  api: GraphApi,
  options: LoadOptions = {},
): Promise<DirectoryIndex> {
  const progress: IndexProgress = {
    phase: 'policies',
    policies: 0,
    applications: 0,
    servicePrincipals: 0,
  };
  let applications: ApplicationObject[] = [];
  let servicePrincipals: ServicePrincipalObject[] = [];
  let policies: TokenLifetimePolicy[] = [];
  let links = new Map<string, LinkedObject[]>();
  let nextPartialAt = Date.now() + FIRST_PARTIAL_MS;
  let partialGap = FIRST_PARTIAL_MS;
  // Partial indexes only while objects arrive page by page; a warm load has them all at once.
  let readingPages = false;
  const emit = () => {
    options.onProgress?.({ ...progress });
    if (!readingPages || !options.onPartial || Date.now() < nextPartialAt) return;
    partialGap *= 2;
    nextPartialAt = Date.now() + partialGap;
    options.onPartial(joinDirectory(policies, links, applications, servicePrincipals));
  };
  // The tracking record is small: read before round one, so the delta queries go in it.
  const kept = await options.previous;
  const first = await firstRound(api, kept, Boolean(options.onSnapshot), options.signal);
  policies = first.policies;
  progress.policies = policies.length;
  progress.phase = 'links';
  emit();
  const linksLoaded = (async () => {
    links = await loadPolicyLinks(api, policies, options.signal);
    emit();
  })();
  const readEverything = async (deltaLinks: Record<ObjectType, string> | undefined) => {
    readingPages = true;
    progress.phase = 'objects';
    [applications, servicePrincipals] = await Promise.all([
      api.pagesOf<ApplicationObject>(
        'application',
        (page) => {
          applications.push(...page);
          progress.applications = applications.length;
          emit();
        },
        { signal: options.signal },
      ),
      api.pagesOf<ServicePrincipalObject>(
        'servicePrincipal',
        (page) => {
          servicePrincipals.push(...page);
          progress.servicePrincipals = servicePrincipals.length;
          emit();
        },
        { signal: options.signal },
      ),
    ]);
    readingPages = false;
    if (deltaLinks)
      options.onSnapshot?.({ savedAt: Date.now(), applications, servicePrincipals, deltaLinks });
  };
  let joined: Map<string, DirectoryTarget> | undefined;
  const objectsLoaded = (async () => {
    if (!kept) return readEverything(first.deltaLinks);
    // Lets the requests just started leave before a long task (decoding the kept objects) holds
    // the thread: each Graph call yields once before it sends (lib/graph/client.ts), and those
    // yields were queued before this one.
    await yieldToPage();
    const [objects, changes] = await Promise.all([keptObjects(kept), first.changes]);
    // Kept objects that could not be read, or tokens Graph no longer takes: read everything.
    if (!objects || !changes)
      return readEverything(options.onSnapshot ? await startTracking(api) : undefined);
    const [apps, sps] = changes;
    applications = applyChanges(objects.applications, apps);
    servicePrincipals = applyChanges(objects.servicePrincipals, sps);
    progress.applications = applications.length;
    progress.servicePrincipals = servicePrincipals.length;
    joined = joinObjects(applications, servicePrincipals);
    const unchanged = [apps, sps].every((c) => c.changed.length === 0 && c.removed.length === 0);
    options.onSnapshot?.({
      savedAt: Date.now(),
      applications,
      servicePrincipals,
      deltaLinks: { application: apps.deltaLink, servicePrincipal: sps.deltaLink },
      generation: kept.generation,
      objectsUnchanged: unchanged && Boolean(kept.generation),
    });
  })();
  await Promise.all([linksLoaded, objectsLoaded]);
  progress.phase = 'done';
  options.onProgress?.({ ...progress });
  return joined
    ? withLinks(policies, links, joined)
    : joinDirectory(policies, links, applications, servicePrincipals);
}
