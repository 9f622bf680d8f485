// Against the real demo tenant over HTTP, with throttling injected: bulk linking must end with every
// object linked exactly once, and a failed replacement must restore the previous link. Targeted
// failures are injected at lib/graph's boundary (a wrapped api): the tenant behind stays real, so
// what the operations read back is what the tenant holds.
import { describe, expect, it } from 'vitest';
import { SEEDED } from '@/demo-tenant/directory/seed';
import { tenantPerFile } from '@/demo-tenant/test-support/tenant-per-file';
import { clientToken } from '@/demo-tenant/test-support/http';
import { createGraphApi, type GraphApi } from './client';
import { GraphRequestError, timeoutError } from './errors';
import type { BatchResult } from './types';
import { bulkLink, bulkUnlink, setObjectPolicy, type LinkTarget } from './link-writes';

const token = async (url: string, client = 'demo-automation') =>
  (await clientToken(url, 'https://graph.microsoft.com/.default', client)).body.access_token;

const t = tenantPerFile();

const controls = async (faultRate: number) => {
  const response = await fetch(`${t.tenant.url}/_demo/controls`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ faultRate }),
  });
  // A refused control would silently run the fault tests without faults.
  expect(response.status).toBe(200);
  return response;
};

function targets(count: number): LinkTarget[] {
  return t.tenant.store.servicePrincipals
    .filter((sp) => sp.servicePrincipalType === 'Application')
    .slice(0, count)
    .map((sp) => ({
      objectType: 'servicePrincipal',
      objectId: sp.id,
      displayName: sp.displayName,
      appId: sp.appId,
    }));
}

describe('bulkLink', () => {
  it('links 45 objects through $batch under 30% faults: each ends with the policy exactly once', async () => {
    const chosen = targets(45);
    await controls(0.3);
    let outcomes = await bulkLink(t.api, chosen, SEEDED.policies.unused);
    // What still failed after lib/graph's own retries is retried by the admin: only those.
    for (let round = 0; round < 5 && outcomes.some((o) => o.status === 'failed'); round++) {
      const failed = outcomes.filter((o) => o.status === 'failed').map((o) => o.target);
      const retried = await bulkLink(t.api, failed, SEEDED.policies.unused);
      outcomes = outcomes.map(
        (o) => retried.find((r) => r.target.objectId === o.target.objectId) ?? o,
      );
    }
    await controls(0);
    expect(outcomes.filter((o) => o.status === 'failed')).toEqual([]);
    for (const target of chosen) {
      expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
        SEEDED.policies.unused,
      );
    }
    const linkedCount = t.tenant.store.appliesTo(SEEDED.policies.unused).length;
    expect(linkedCount).toBe(45);
  });

  it('re-reads current links with write scopes: Graph refuses that read to read-only scopes', async () => {
    // GET /servicePrincipals/{id}/tokenLifetimePolicies needs Policy.Read.All AND
    // Application.ReadWrite.All (serviceprincipal-list-tokenlifetimepolicies): an admin whose read
    // scopes are read-only must still be able to link, because the re-read goes with write scopes.
    const readerToken = await token(t.tenant.url, 'demo-reader');
    const writerToken = await token(t.tenant.url);
    const split = createGraphApi({
      getToken: async (scopes) => (scopes.includes('w') ? writerToken : readerToken),
      graphBaseUrl: `${t.tenant.url}/v1.0`,
      readScopes: ['r'],
      writeScopes: ['w'],
      retryPolicy: { sleep: async () => undefined },
    });
    const [outcome] = await bulkLink(split, targets(1), SEEDED.policies.unused);
    expect(outcome.status).toBe('linked');
  });

  it('skips objects that already hold the policy and replaces other policies', async () => {
    const [cds] = t.tenant.store.servicePrincipals.filter(
      (sp) => sp.appId === '00000007-0000-0000-c000-000000000000',
    );
    const target: LinkTarget = {
      objectType: 'servicePrincipal',
      objectId: cds.id,
      displayName: cds.displayName,
      appId: cds.appId,
    };
    const [replaced] = await bulkLink(t.api, [target], SEEDED.policies.contoso2h);
    expect(replaced).toMatchObject({
      status: 'replaced',
      previousPolicyId: SEEDED.policies.dataverse,
    });
    const [again] = await bulkLink(t.api, [target], SEEDED.policies.contoso2h);
    expect(again.status).toBe('already-linked');
    const unlinked = await bulkUnlink(t.api, [target], SEEDED.policies.contoso2h);
    expect(unlinked[0].status).toBe('unlinked');
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', cds.id)).toBeUndefined();
  });
});

function cdsTarget(): LinkTarget {
  const [cds] = t.tenant.store.servicePrincipals.filter(
    (sp) => sp.appId === '00000007-0000-0000-c000-000000000000',
  );
  return {
    objectType: 'servicePrincipal',
    objectId: cds.id,
    displayName: cds.displayName,
    appId: cds.appId,
  };
}

const notFound = () =>
  new GraphRequestError({
    status: 404,
    code: 'Request_ResourceNotFound',
    message: 'Resource does not exist.',
  });

/**
 * The t.api with targeted failures: sub-requests refused before they run (`refuse`), answers
 * replaced after they ran (`subResult`: "the client never heard"), direct links failing.
 */
function withFaults(faults: {
  refuse?: (request: { id: string; method: string }) => BatchResult | undefined;
  subResult?: (request: { id: string; method: string }, real: BatchResult) => BatchResult;
  afterBatch?: () => Error | undefined;
  linkPolicy?: () => Error | undefined;
}): GraphApi {
  return {
    ...t.api,
    async runBatch(requests, options) {
      const refused = new Map(requests.map((r) => [r.id, faults.refuse?.(r)]));
      const sent = requests.filter((r) => !refused.get(r.id));
      const results = sent.length ? await t.api.runBatch(sent, options) : [];
      const error = requests.some((r) => r.method !== 'GET') ? faults.afterBatch?.() : undefined;
      if (error) throw error;
      return requests.map((request) => {
        const real = results.find((r) => r.id === request.id);
        return refused.get(request.id) ?? faults.subResult?.(request, real!) ?? real!;
      });
    },
    async linkPolicy(...args) {
      const error = faults.linkPolicy?.();
      if (error) throw error;
      return t.api.linkPolicy(...args);
    },
  };
}

describe('bulk replace under targeted failures', () => {
  it('unlink succeeded, link failed, restore failed: says the object now has NO policy and offers to restore it', async () => {
    const target = cdsTarget();
    const faulty = withFaults({
      refuse: (request) =>
        request.method === 'POST'
          ? {
              id: request.id,
              status: 404,
              attempts: 1,
              body: { error: { code: 'Request_ResourceNotFound', message: 'gone' } },
            }
          : undefined,
      linkPolicy: notFound,
    });
    const [outcome] = await bulkLink(faulty, [target], SEEDED.policies.unused);
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBeUndefined();
    expect(outcome).toMatchObject({
      status: 'failed',
      previousPolicyId: SEEDED.policies.dataverse,
      nowPolicyId: null,
      restoreError: { code: 'Request_ResourceNotFound' },
    });
    // The one-click repair (components/shared/links/link-report.ts) goes back through setObjectPolicy.
    const repaired = await setObjectPolicy(t.api, target, SEEDED.policies.dataverse);
    expect(repaired.status).toBe('linked');
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.dataverse,
    );
  });

  it('a link whose answer was lost (it happened) is reported as done, from the read-back, with no restore on top', async () => {
    const target = cdsTarget();
    let restores = 0;
    const faulty = withFaults({
      subResult: (request, real) => (request.method === 'POST' ? { ...real, status: 504 } : real),
      linkPolicy: () => void restores++,
    });
    const [outcome] = await bulkLink(faulty, [target], SEEDED.policies.unused);
    expect(outcome).toMatchObject({ status: 'replaced', nowPolicyId: SEEDED.policies.unused });
    expect(outcome.restoreError).toBeUndefined();
    expect(restores).toBe(0);
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.unused,
    );
  });

  it('a $batch that fails as a whole after writing still reports each object as the tenant holds it', async () => {
    const chosen = targets(3);
    const faulty = withFaults({ afterBatch: () => timeoutError('Graph did not answer in 30 s') });
    const outcomes = await bulkLink(faulty, chosen, SEEDED.policies.unused);
    expect(outcomes.map((o) => o.status)).toEqual(['linked', 'linked', 'linked']);
    for (const target of chosen)
      expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
        SEEDED.policies.unused,
      );
  });

  it('throws, having written nothing, when the current policies cannot be read first', async () => {
    const target = cdsTarget();
    const unreadable: GraphApi = {
      ...t.api,
      runBatch: async () => {
        throw timeoutError('Graph did not answer in 30 s');
      },
    };
    await expect(bulkLink(unreadable, [target], SEEDED.policies.unused)).rejects.toMatchObject({
      timedOut: true,
    });
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.dataverse,
    );
  });

  it('bulk unlink reads back: an unlink that did not happen is not reported as done', async () => {
    const target = cdsTarget();
    const faulty = withFaults({
      subResult: (request, real) =>
        request.method === 'DELETE'
          ? { ...real, status: 503, body: { error: { code: 'ServiceUnavailable' } } }
          : real,
    });
    // The fault replaces the answer, not the effect: the read-back shows it happened.
    const [outcome] = await bulkUnlink(faulty, [target], SEEDED.policies.dataverse);
    expect(outcome).toMatchObject({ status: 'unlinked', nowPolicyId: null });
  });
});

describe('setObjectPolicy', () => {
  it('restores the previous policy when the new link fails', async () => {
    const target = cdsTarget();
    const outcome = await setObjectPolicy(t.api, target, 'no-such-policy');
    expect(outcome).toMatchObject({
      status: 'failed',
      error: { status: 404 },
      nowPolicyId: SEEDED.policies.dataverse,
    });
    expect(outcome.previousPolicyId).toBe(SEEDED.policies.dataverse);
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.dataverse,
    );
  });

  it('says the object has no policy when the link and the restore both fail', async () => {
    const target = cdsTarget();
    const faulty = withFaults({ linkPolicy: notFound });
    const outcome = await setObjectPolicy(faulty, target, SEEDED.policies.unused);
    expect(outcome).toMatchObject({
      status: 'failed',
      wrote: true,
      previousPolicyId: SEEDED.policies.dataverse,
      nowPolicyId: null,
      restoreError: {},
    });
  });

  it('leaves an object alone when it holds something else than the caller expected', async () => {
    const target = cdsTarget();
    const outcome = await setObjectPolicy(t.api, target, SEEDED.policies.unused, {
      expectedPrevious: null,
    });
    expect(outcome).toMatchObject({
      status: 'changed-elsewhere',
      wrote: false,
      nowPolicyId: SEEDED.policies.dataverse,
    });
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.dataverse,
    );
  });

  it('replaces A with B', async () => {
    const target = cdsTarget();
    const outcome = await setObjectPolicy(t.api, target, SEEDED.policies.unused);
    expect(outcome).toMatchObject({
      status: 'replaced',
      previousPolicyId: SEEDED.policies.dataverse,
    });
    expect(t.tenant.store.linkedPolicyId('servicePrincipal', target.objectId)).toBe(
      SEEDED.policies.unused,
    );
  });
});
