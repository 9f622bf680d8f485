// The reach read: 3 sub-requests per resource in $batch, later pages batched too, refusals kept
// per part with the permission that was missing (Graph v1.0 permission tables:
// serviceprincipal-list-approleassignedto → Application.Read.All, oauth2permissiongrant-list →
// Directory.Read.All).
import { describe, expect, it } from 'vitest';
import { loadReach, reachRequests } from './reach';
import type { BatchRequest, BatchResult } from './types';

const BASE = 'https://graph.example/v1.0';

function fakeBatch(answer: (request: BatchRequest) => Omit<BatchResult, 'id' | 'attempts'>) {
  const rounds: BatchRequest[][] = [];
  return {
    rounds,
    api: {
      graphBaseUrl: BASE,
      runBatch: async (requests: BatchRequest[]) => {
        rounds.push(requests);
        return requests.map((r) => ({ id: r.id, attempts: 1, ...answer(r) }));
      },
    },
  };
}

describe('reachRequests', () => {
  it('selects only the fields it needs and quotes the filter', () => {
    const [roles, assignments, grants] = reachRequests('sp-1', 0);
    expect(roles.url).toBe('/servicePrincipals/sp-1?$select=id,appRoles');
    expect(assignments.url).toContain(
      '/servicePrincipals/sp-1/appRoleAssignedTo?$select=id,appRoleId',
    );
    expect(decodeURIComponent(grants.url)).toContain("$filter=resourceId eq 'sp-1'");
    expect(decodeURIComponent(reachRequests("o'brien", 1)[2].url)).toContain("'o''brien'");
  });
});

describe('loadReach', () => {
  it('reads 7 resources in one batched call of 21 requests, and follows nextLinks in a second', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `sp-${i}`);
    const { api, rounds } = fakeBatch((r) => {
      if (r.id.startsWith('roles'))
        return { status: 200, body: { appRoles: [{ id: 'r1', value: 'Orders.ReadWrite.All' }] } };
      if (r.id === 'assignments-3')
        return {
          status: 200,
          body: {
            value: [
              {
                id: 'a1',
                principalId: 'c1',
                appRoleId: 'r1',
                principalType: 'ServicePrincipal',
                resourceId: 'sp-3',
              },
            ],
            '@odata.nextLink': `${BASE}/servicePrincipals/sp-3/appRoleAssignedTo?$skiptoken=x`,
          },
        };
      if (r.id.startsWith('assignments-3-p1'))
        return {
          status: 200,
          body: {
            value: [
              {
                id: 'a2',
                principalId: 'c2',
                appRoleId: 'r1',
                principalType: 'ServicePrincipal',
                resourceId: 'sp-3',
              },
            ],
          },
        };
      return { status: 200, body: { value: [] } };
    });
    const readouts = await loadReach(api, ids);
    expect(rounds.map((r) => r.length)).toEqual([21, 1]);
    expect(rounds[1][0].url).toBe('/servicePrincipals/sp-3/appRoleAssignedTo?$skiptoken=x');
    expect(readouts.get('sp-3')!.assignments.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(readouts.get('sp-3')!.appRoles).toEqual([
      { id: 'r1', value: 'Orders.ReadWrite.All', displayName: undefined },
    ]);
  });

  it('says which part Graph refused and which permission it needs', async () => {
    const { api } = fakeBatch((r) =>
      r.id.startsWith('grants')
        ? {
            status: 403,
            body: {
              error: {
                code: 'Authorization_RequestDenied',
                innerError: { 'request-id': 'req-9' },
              },
            },
          }
        : { status: 200, body: { value: [] } },
    );
    const readout = (await loadReach(api, ['sp-1'])).get('sp-1')!;
    expect(readout.unreadable.assignments).toBeUndefined();
    expect(readout.unreadable.grants).toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
      requestId: 'req-9',
    });
    expect(readout.unreadable.grants!.why).toMatch(/Directory\.Read\.All/);
  });
});
