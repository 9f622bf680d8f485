// Incremental consent for the reach view: a refused permission degrades to what the sign-in
// permissions can read, and says so; a granted one reads with the reach permission.
import { describe, expect, it } from 'vitest';
import type { BatchRequest } from '@/lib/graph/types';
import { readReach } from './read-reach';

function api(name: string, calls: string[], grantsStatus: number) {
  return {
    graphBaseUrl: 'https://graph.example/v1.0',
    runBatch: async (requests: BatchRequest[]) => {
      calls.push(name);
      return requests.map((r) => ({
        id: r.id,
        attempts: 1,
        ...(r.id.startsWith('grants')
          ? {
              status: grantsStatus,
              body:
                grantsStatus === 200
                  ? { value: [] }
                  : { error: { code: 'Authorization_RequestDenied' } },
            }
          : r.id.startsWith('roles')
            ? { status: 200, body: { appRoles: [] } }
            : {
                status: 200,
                body: {
                  value: [
                    {
                      id: 'a',
                      appRoleId: 'x',
                      principalId: 'c',
                      principalType: 'ServicePrincipal',
                      resourceId: 'sp',
                    },
                  ],
                },
              }),
      }));
    },
  };
}

describe('readReach', () => {
  it('reads with the reach permission when it is granted', async () => {
    const calls: string[] = [];
    const result = await readReach({
      ids: ['sp'],
      askForReachPermission: async () => 'token',
      reachApi: api('reach', calls, 200),
      signInApi: api('sign-in', calls, 403),
      directory: { servicePrincipal: () => ({ displayName: 'Daemon', appId: 'd' }) },
    });
    expect(calls).toEqual(['reach']);
    expect(result.consentRefused).toBe(false);
    expect(result.reach.get('sp')!.clients.map((c) => c.displayName)).toEqual(['Daemon']);
    expect(result.readouts.get('sp')!.unreadable).toEqual({});
  });

  it('falls back to the sign-in permissions when the admin refuses, and names what is missing', async () => {
    const calls: string[] = [];
    const result = await readReach({
      ids: ['sp'],
      askForReachPermission: async () => {
        throw new Error('consent_required');
      },
      reachApi: api('reach', calls, 200),
      signInApi: api('sign-in', calls, 403),
      directory: { servicePrincipal: () => undefined },
    });
    expect(calls).toEqual(['sign-in']);
    expect(result.consentRefused).toBe(true);
    expect(result.reach.get('sp')!.applicationClients).toBe(1);
    expect(result.readouts.get('sp')!.unreadable.grants?.why).toMatch(/Directory\.Read\.All/);
  });
});
