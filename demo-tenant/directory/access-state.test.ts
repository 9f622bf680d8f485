// Grants and Conditional Access policies live in the state file with the rest of the tenant; a
// file saved before they existed gets them made from its directory, by appId.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conditionalAccessPolicyJson } from './seed-access';
import { DirectoryStore } from './store';

let directory: string;
let path: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'demo-access-'));
  path = join(directory, 'tenant.json');
});
afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe('access state', () => {
  it('keeps a created Conditional Access policy across a restart', async () => {
    const store = new DirectoryStore({ size: 50 }, path);
    store.createConditionalAccessPolicy(
      conditionalAccessPolicyJson({
        id: 'ca-new',
        displayName: 'Kept',
        state: 'enabledForReportingButNotEnforced',
        conditions: {
          applications: { includeApplications: ['All'] },
          users: { includeUsers: ['All'] },
        },
      }),
    );
    await store.close();
    const again = new DirectoryStore({ size: 50 }, path);
    expect(again.access.conditionalAccessPolicies.map((p) => p.displayName)).toContain('Kept');
    expect(again.access.conditionalAccessPolicies).toHaveLength(5);
  });

  it('derives grants for a state file saved before they existed, on the same service principals', async () => {
    const store = new DirectoryStore({ size: 50 }, path);
    await store.close();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    delete saved.appRoleAssignments;
    delete saved.oauth2PermissionGrants;
    delete saved.conditionalAccessPolicies;
    writeFileSync(path, JSON.stringify(saved));
    const old = new DirectoryStore({ size: 50 }, path);
    const spIds = new Set(old.servicePrincipals.map((sp) => sp.id));
    expect(old.access.appRoleAssignments.length).toBeGreaterThan(0);
    expect(
      old.access.appRoleAssignments.every(
        (a) => spIds.has(a.principalId) || a.principalType === 'User',
      ),
    ).toBe(true);
    expect(
      old.access.oauth2PermissionGrants.every(
        (g) => spIds.has(g.clientId) && spIds.has(g.resourceId),
      ),
    ).toBe(true);
    expect(old.access.conditionalAccessPolicies).toHaveLength(4);
    await old.close();
  });
});
