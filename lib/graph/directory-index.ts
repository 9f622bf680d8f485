// The whole tenant, as lib/policy needs it, in the fewest round trips: the policy list, every
// policy's appliesTo through $batch (20 a request), and applications and service principals
// ($select, $top=999) page by page, both collections in parallel. Never one request per app.
// With objects kept from an earlier visit, only their changes are read (delta queries).
import type { DirectoryIndex, DirectoryTarget } from '../policy/types';
import type { GraphApi } from './client';
import { toLinkedObject } from './policies';
import { refreshSnapshot, startTracking, type ObjectSnapshot } from './tracked-objects';
import type {
  ApplicationObject,
  LinkedObject,
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
   * Objects kept from an earlier visit: brought up to date with delta queries, not re-read. A
   * promise, so that reading them (IndexedDB) overlaps the policy requests.
   */
  previous?: ObjectSnapshot | Promise<ObjectSnapshot | undefined>;
  /** Told the objects to keep for the next visit (only when Graph lets us track changes). */
  onSnapshot?: (snapshot: ObjectSnapshot) => void;
}

export function joinDirectory(
  policies: TokenLifetimePolicy[],
  links: Map<string, LinkedObject[]>,
  applications: ApplicationObject[],
  servicePrincipals: ServicePrincipalObject[],
): DirectoryIndex {
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
  const emit = () => {
    options.onProgress?.({ ...progress });
    if (!options.onPartial || Date.now() < nextPartialAt) return;
    partialGap *= 2;
    nextPartialAt = Date.now() + partialGap;
    options.onPartial(joinDirectory(policies, links, applications, servicePrincipals));
  };
  const linksLoaded = (async () => {
    policies = await api.listPolicies({ signal: options.signal });
    progress.policies = policies.length;
    progress.phase = 'links';
    emit();
    links = await loadPolicyLinks(api, policies, options.signal);
    emit();
  })();
  const readEverything = async () => {
    const deltaLinks = options.onSnapshot ? await startTracking(api) : undefined;
    [applications, servicePrincipals] = await Promise.all([
      api.pagesOf<ApplicationObject>(
        'application',
        (page) => {
          applications.push(...page);
          progress.applications = applications.length;
          progress.phase = progress.phase === 'policies' ? 'policies' : 'objects';
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
    if (deltaLinks)
      options.onSnapshot?.({ savedAt: Date.now(), applications, servicePrincipals, deltaLinks });
  };
  const objectsLoaded = (async () => {
    const previous = await options.previous;
    const refreshed = previous && (await refreshSnapshot(api, previous));
    if (!refreshed) return readEverything();
    ({ applications, servicePrincipals } = refreshed);
    progress.applications = applications.length;
    progress.servicePrincipals = servicePrincipals.length;
    options.onSnapshot?.(refreshed);
  })();
  await Promise.all([linksLoaded, objectsLoaded]);
  progress.phase = 'done';
  options.onProgress?.({ ...progress });
  return joinDirectory(policies, links, applications, servicePrincipals);
}
