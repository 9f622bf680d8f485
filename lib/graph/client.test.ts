// lib/graph with a fake fetch (mocks are fine in unit tests): retries, errors, paging, $batch.
import { describe, expect, it } from 'vitest';
import { chunkRequests } from './batch';
import { createGraphApi } from './client';
import { loadDirectoryIndex } from './directory-index';
import { GraphRequestError } from './errors';

const BASE = 'https://graph.example/v1.0';

interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

function fakeGraph(
  respond: (
    call: Call,
    index: number,
  ) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const calls: Call[] = [];
  const sleeps: number[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      headers,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const { status, body, headers: responseHeaders } = respond(call, calls.length - 1);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': 'application/json',
        'request-id': `req-${calls.length}`,
        ...responseHeaders,
      },
    });
  }) as typeof fetch;
  const scopesAsked: string[][] = [];
  const api = createGraphApi({
    getToken: async (scopes) => {
      scopesAsked.push(scopes);
      return 'token';
    },
    graphBaseUrl: BASE,
    readScopes: ['read'],
    writeScopes: ['write'],
    fetchImpl,
    retryPolicy: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  });
  return { api, calls, sleeps, scopesAsked };
}

const throttled = {
  status: 429,
  body: { error: { code: 'TooManyRequests', message: 'slow down' } },
  headers: { 'Retry-After': '3' },
};

describe('retries', () => {
  it('retries a GET on 429 after Retry-After seconds', async () => {
    const { api, calls, sleeps } = fakeGraph((_c, i) =>
      i === 0 ? throttled : { status: 200, body: { value: [] } },
    );
    await expect(api.listPolicies()).resolves.toEqual([]);
    expect(calls).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('backs off exponentially when 503 has no Retry-After, and gives up after a bound', async () => {
    const { api, calls, sleeps } = fakeGraph(() => ({
      status: 503,
      body: { error: { code: 'ServiceUnavailable', message: 'down' } },
    }));
    await expect(api.getPolicy('p')).rejects.toMatchObject({
      status: 503,
      code: 'ServiceUnavailable',
      ambiguous: true,
    });
    expect(calls).toHaveLength(6);
    expect(sleeps).toEqual([750, 1500, 3000, 6000, 12000]);
  });

  it('never retries the POST that creates a policy', async () => {
    const { api, calls } = fakeGraph(() => throttled);
    await expect(api.createPolicy({ displayName: 'x', definition: [] })).rejects.toMatchObject({
      status: 429,
      retryAfterSeconds: 3,
    });
    expect(calls).toHaveLength(1);
  });

  it('retries link ($ref POST), PATCH and DELETE, which are idempotent in effect', async () => {
    const { api, calls } = fakeGraph((_c, i) => (i % 2 === 0 ? throttled : { status: 204 }));
    await api.linkPolicy('servicePrincipal', 'sp1', 'p1');
    await api.updatePolicy('p1', { displayName: 'y' });
    await api.unlinkPolicy('application', 'a1', 'p1');
    expect(calls.map((c) => c.method)).toEqual([
      'POST',
      'POST',
      'PATCH',
      'PATCH',
      'DELETE',
      'DELETE',
    ]);
    expect(calls[1].body).toEqual({ '@odata.id': `${BASE}/policies/tokenLifetimePolicies/p1` });
  });
});

describe('each call in a task of its own', () => {
  // A page's queries all start in the task where React commits it: their token lookups and
  // request set-up must not run there, one after the other, as one long task.
  it('asks for no token and sends nothing until the page has had the thread back', async () => {
    const { api, calls, scopesAsked } = fakeGraph(() => ({ status: 200, body: { value: [] } }));
    const reads = [api.listPolicies(), api.listPolicies()];
    // Microtasks only (what the committing task would still run): nothing has started.
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(scopesAsked).toEqual([]);
    expect(calls).toEqual([]);
    await expect(Promise.all(reads)).resolves.toEqual([[], []]);
    expect(calls).toHaveLength(2);
  });
});

describe('errors and scopes', () => {
  it('turns Graph’s error envelope into one typed error with the request id', async () => {
    const { api } = fakeGraph(() => ({
      status: 404,
      body: {
        error: {
          code: 'Request_ResourceNotFound',
          message: "Resource 'x' does not exist",
          innerError: { 'request-id': 'abc-123', date: '2026-11-24T12:00:00' },
        },
      },
    }));
    const error = await api.getPolicy('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({
      status: 404,
      code: 'Request_ResourceNotFound',
      requestId: 'abc-123',
      ambiguous: false,
    });
    expect((error as GraphRequestError).advice).toMatch(/no longer exists/);
  });

  it('asks for read scopes to read and write scopes to write', async () => {
    const { api, scopesAsked, calls } = fakeGraph((c) =>
      c.method === 'GET' ? { status: 200, body: { value: [] } } : { status: 204 },
    );
    await api.listPolicies();
    await api.deletePolicy('p');
    expect(scopesAsked).toEqual([['read'], ['write']]);
    expect(calls[0].headers.authorization).toBe('Bearer token');
  });
});

describe('paging and search', () => {
  it('follows @odata.nextLink to the end', async () => {
    const { api, calls } = fakeGraph((_c, i) =>
      i < 2
        ? {
            status: 200,
            body: {
              value: [{ id: `a${i}`, appId: `x${i}`, displayName: 'A' }],
              '@odata.nextLink': `${BASE}/applications?$skiptoken=${i + 1}`,
            },
          }
        : { status: 200, body: { value: [{ id: 'a2', appId: 'x2', displayName: 'A' }] } },
    );
    const all = await api.pagesOf('application');
    expect(all.map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
    expect(calls[0].url).toContain('$top=999');
    expect(calls[2].url).toBe(`${BASE}/applications?$skiptoken=2`);
  });

  it('refuses to send the token to a nextLink on another host', async () => {
    const { api, calls } = fakeGraph(() => ({
      status: 200,
      body: { value: [], '@odata.nextLink': 'https://evil.example/v1.0/applications?x=1' },
    }));
    await expect(api.pagesOf('application')).rejects.toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('sends ConsistencyLevel: eventual with $search and $count', async () => {
    const { api, calls } = fakeGraph(() => ({
      status: 200,
      body: { value: [], '@odata.count': 0 },
    }));
    await api.searchDirectory({ kind: 'servicePrincipal', text: 'orders' });
    expect(calls[0].headers.consistencylevel).toBe('eventual');
    expect(decodeURIComponent(calls[0].url)).toContain('$search="displayName:orders"');
    expect(decodeURIComponent(calls[0].url)).toContain('$count=true');
  });
});

describe('$batch', () => {
  it('chunks 45 requests into 3 batches and keeps dependsOn chains together', () => {
    const requests = Array.from({ length: 45 }, (_, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: '/x',
    }));
    expect(chunkRequests(requests).map((c) => c.length)).toEqual([20, 20, 5]);
    const chained = [
      ...Array.from({ length: 19 }, (_, i) => ({ id: `a${i}`, method: 'GET' as const, url: '/x' })),
      { id: 'u', method: 'DELETE' as const, url: '/x' },
      { id: 'l', method: 'POST' as const, url: '/x', dependsOn: ['u'] },
    ];
    const chunks = chunkRequests(chained);
    expect(chunks.every((c) => c.length <= 20)).toBe(true);
    expect(chunks.find((c) => c.some((r) => r.id === 'l'))!.some((r) => r.id === 'u')).toBe(true);
  });

  it('resends only the sub-requests that were throttled', async () => {
    const sent: string[][] = [];
    const { api } = fakeGraph((call) => {
      const requests = (call.body as { requests: Array<{ id: string }> }).requests;
      sent.push(requests.map((r) => r.id));
      return {
        status: 200,
        body: {
          responses: requests.map((r) => ({
            id: r.id,
            status: sent.length <= 3 && Number(r.id) % 3 === 0 ? 429 : 200,
            headers: { 'Retry-After': '1' },
            body: {},
          })),
        },
      };
    });
    const results = await api.runBatch(
      Array.from({ length: 45 }, (_, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: '/policies/tokenLifetimePolicies',
      })),
      { sleep: async () => undefined },
    );
    expect(sent.slice(0, 3).map((s) => s.length)).toEqual([20, 20, 5]);
    expect(sent[3]).toEqual(Array.from({ length: 15 }, (_, i) => String(i * 3)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.attempts === 2)).toHaveLength(15);
  });
});

describe('$batch sub-requests', () => {
  it('carry Content-Type: application/json whenever they have a body, and go with write scopes', async () => {
    // Graph refuses the whole batch otherwise (json-batching.md; msgraph-sdk-dotnet#2628).
    const { api, calls, scopesAsked } = fakeGraph((call) => ({
      status: 200,
      body: {
        responses: (call.body as { requests: Array<{ id: string }> }).requests.map((r) => ({
          id: r.id,
          status: 204,
          headers: {},
        })),
      },
    }));
    await api.runBatch([
      {
        id: 'link',
        method: 'POST',
        url: '/x/$ref',
        body: { '@odata.id': 'y' },
        headers: { 'If-Match': '*' },
      },
      { id: 'edit', method: 'PATCH', url: '/p/1', body: { displayName: 'z' } },
      { id: 'unlink', method: 'DELETE', url: '/x/y/$ref' },
    ]);
    const sent = (
      calls[0].body as { requests: Array<{ id: string; headers?: Record<string, string> }> }
    ).requests;
    expect(sent.map((r) => [r.id, r.headers?.['Content-Type']])).toEqual([
      ['link', 'application/json'],
      ['edit', 'application/json'],
      ['unlink', undefined],
    ]);
    expect(sent[0].headers?.['If-Match']).toBe('*');
    expect(scopesAsked).toEqual([['write']]);
  });

  it('getLinkedPolicy (write paths only) asks for write scopes: Graph wants Application.ReadWrite.All', async () => {
    const { api, scopesAsked } = fakeGraph(() => ({ status: 200, body: { value: [] } }));
    await expect(api.getLinkedPolicy('servicePrincipal', 'sp')).resolves.toBeUndefined();
    expect(scopesAsked).toEqual([['write']]);
  });
});

describe('loadDirectoryIndex', () => {
  it('loads the tenant in 1 + ⌈policies/20⌉ + pages of apps + pages of SPs round trips, joined by appId', async () => {
    const policies = Array.from({ length: 25 }, (_, i) => ({
      id: `p${i}`,
      displayName: `P${i}`,
      isOrganizationDefault: false,
      definition: [],
    }));
    const { api, calls } = fakeGraph((call) => {
      if (call.url.includes('$batch')) {
        const requests = (call.body as { requests: Array<{ id: string; url: string }> }).requests;
        return {
          status: 200,
          body: {
            responses: requests.map((r) => ({
              id: r.id,
              status: 200,
              body: {
                // The policy list goes in the first $batch.
                value: r.url.endsWith('/tokenLifetimePolicies')
                  ? policies
                  : r.url.includes('/p0/')
                    ? [
                        {
                          '@odata.type': '#microsoft.graph.servicePrincipal',
                          id: 'sp1',
                          appId: 'app1',
                          displayName: 'One',
                        },
                      ]
                    : [],
              },
            })),
          },
        };
      }
      if (call.url.includes('/applications'))
        return { status: 200, body: { value: [{ id: 'a1', appId: 'app1', displayName: 'One' }] } };
      if (call.url.includes('/servicePrincipals'))
        return {
          status: 200,
          body: {
            value: [
              { id: 'sp1', appId: 'app1', displayName: 'One' },
              { id: 'sp2', appId: 'app2', displayName: 'Two' },
            ],
          },
        };
      return { status: 200, body: { value: policies } };
    });
    const index = await loadDirectoryIndex(api);
    // …plus /servicePrincipals/$count, which says whether parallel chains would pay.
    expect(calls).toHaveLength(1 + 2 + 1 + 1 + 1);
    expect(index.targets).toHaveLength(2);
    expect(index.targets.find((t) => t.appId === 'app1')).toMatchObject({
      servicePrincipalPolicyId: 'p0',
      application: { id: 'a1' },
      servicePrincipal: { id: 'sp1' },
    });
  });
});

describe('a token Graph refuses (401)', () => {
  it('is replaced by a fresh one and the request is sent once more', async () => {
    const rejected: Array<string | undefined> = [];
    let issued = 0;
    const calls: string[] = [];
    const api = createGraphApi({
      getToken: async (_scopes, options) => {
        rejected.push(options?.rejected);
        return options?.rejected ? `fresh-${++issued}` : 'stale';
      },
      graphBaseUrl: BASE,
      readScopes: ['read'],
      writeScopes: ['write'],
      fetchImpl: (async (_input: RequestInfo | URL, init?: RequestInit) => {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        calls.push(auth);
        return auth === 'Bearer stale'
          ? new Response(JSON.stringify({ error: { code: 'InvalidAuthenticationToken' } }), {
              status: 401,
              headers: { 'Content-Type': 'application/json' },
            })
          : new Response(JSON.stringify({ value: [] }), {
              status: 200,
              headers: { 'Content-Type': 'application/json' },
            });
      }) as typeof fetch,
    });
    await expect(api.listPolicies()).resolves.toEqual([]);
    expect(calls).toEqual(['Bearer stale', 'Bearer fresh-1']);
    expect(rejected).toEqual([undefined, 'stale']);
  });

  it('is retried only once: a second 401 reaches the admin', async () => {
    const { api, calls } = fakeGraph(() => ({
      status: 401,
      body: { error: { code: 'InvalidAuthenticationToken', message: 'expired' } },
    }));
    await expect(api.getPolicy('p')).rejects.toMatchObject({ status: 401 });
    expect(calls).toHaveLength(2);
  });
});

describe('timeouts and cancellation', () => {
  /** A Graph that never answers, but lets go when the request is aborted (as fetch does). */
  function frozenGraph(timeoutMs: number) {
    let sent = 0;
    const fetchImpl = ((_input: RequestInfo | URL, init?: RequestInit) => {
      sent++;
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () =>
          reject(new DOMException('aborted', 'AbortError')),
        ),
      );
    }) as typeof fetch;
    const api = createGraphApi({
      getToken: async () => 'token',
      graphBaseUrl: BASE,
      readScopes: ['read'],
      writeScopes: ['write'],
      fetchImpl,
      timeoutMs: () => timeoutMs,
      retryPolicy: { sleep: async () => undefined },
    });
    return { api, sent: () => sent };
  }

  it('gives up on a read after the time limit with a clear, typed error, without retrying', async () => {
    const { api, sent } = frozenGraph(20);
    const error = await api.listPolicies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ code: 'Timeout', timedOut: true, ambiguous: true });
    expect((error as Error).message).toMatch(/did not answer in/);
    expect(sent()).toBe(1);
  });

  it('marks a timed-out write as ambiguous: it may have happened', async () => {
    const { api } = frozenGraph(20);
    await expect(api.updatePolicy('p', { displayName: 'x' })).rejects.toMatchObject({
      timedOut: true,
      ambiguous: true,
    });
  });

  it('stops a read when the page that asked for it is left', async () => {
    const { api } = frozenGraph(60_000);
    const leaving = new AbortController();
    const read = api.listPolicies({ signal: leaving.signal }).catch((e: unknown) => e);
    leaving.abort();
    const error = await read;
    expect(error).not.toBeInstanceOf(GraphRequestError);
    expect((error as Error).name).toBe('AbortError');
  });
});
