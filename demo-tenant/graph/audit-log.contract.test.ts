// The directory audit log of the demo tenant: Entra's entry shape and activity names for every
// write it accepts, and the query options of GET /auditLogs/directoryAudits. Sources: "Microsoft
// Entra audit log categories and activities" (MicrosoftDocs/entra-docs, Core Directory section),
// microsoft-graph-docs-contrib api-reference/v1.0/api/directoryaudit-list.md and
// resources/directoryaudit.md (filterable properties), directoryaudit-list-permissions.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { POLICY_ACTIVITIES } from '../../lib/history/activities';
import { readStateFile, StateFileError } from '../directory/state-file';
import { tenantPerFile } from '../test-support/tenant-per-file';
import { definition, graphAs, startTestTenant } from '../test-support/http';
import { AUDIT_ACTIVITIES } from './audit-log';

const CDS = '00000007-0000-0000-c000-000000000000';

const t = tenantPerFile();

const audits = (query = '') => t.graph.get(`/auditLogs/directoryAudits${query}`);

describe('directory audit entries for writes', () => {
  it('logs policy create, update and delete with Entra’s names, category and old → new values', async () => {
    const created = await t.graph.post('/policies/tokenLifetimePolicies', {
      displayName: 'Audited 2h',
      definition: definition('02:00:00'),
    });
    const id = created.body.id as string;
    await t.graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
      definition: definition('03:00:00'),
    });
    await t.graph.delete(`/policies/tokenLifetimePolicies/${id}`);
    const { status, body } = await audits(`?$filter=targetResources/any(t: t/id eq '${id}')`);
    expect(status).toBe(200);
    expect(body.value.map((e: { activityDisplayName: string }) => e.activityDisplayName)).toEqual([
      'Delete policy',
      'Update policy',
      'Add policy',
    ]);
    const update = body.value[1];
    expect(update).toMatchObject({
      category: 'Policy',
      loggedByService: 'Core Directory',
      operationType: 'Update',
      result: 'success',
      initiatedBy: { user: null, app: { appId: 'demo-automation' } },
    });
    expect(update.targetResources[0]).toMatchObject({
      id,
      displayName: 'Audited 2h',
      type: 'Policy',
    });
    const change = update.targetResources[0].modifiedProperties[0];
    expect(change.displayName).toBe('Definition');
    expect(JSON.parse(change.oldValue)[0]).toContain('02:00:00');
    expect(JSON.parse(change.newValue)[0]).toContain('03:00:00');
  });

  it('logs a link added and removed on a service principal, naming both objects', async () => {
    const sp = (await t.graph.get(`/servicePrincipals?$filter=appId eq '${CDS}'`)).body.value[0];
    const held = (await t.graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`)).body
      .value[0];
    await t.graph.delete(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/${held.id}/$ref`);
    await t.graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `https://t.graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${held.id}`,
    });
    const { body } = await audits(
      `?$filter=category eq 'ApplicationManagement' and targetResources/any(t: t/id eq '${sp.id}')`,
    );
    expect(body.value.map((e: { activityDisplayName: string }) => e.activityDisplayName)).toEqual([
      'Add policy to service principal',
      'Remove policy from service principal',
    ]);
    expect(body.value[0].targetResources.map((t: { type: string }) => t.type)).toEqual([
      'ServicePrincipal',
      'Policy',
    ]);
    expect(body.value[0].operationType).toBe('Assign');
  });
});

describe('GET /auditLogs/directoryAudits', () => {
  async function threeUpdates() {
    const id = (await t.graph.get('/policies/tokenLifetimePolicies')).body.value[0].id;
    for (const lifetime of ['01:00:00', '02:00:00', '03:00:00'])
      await t.graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
        definition: definition(lifetime),
      });
  }

  it('pages with $top and an absolute nextLink, newest first', async () => {
    await threeUpdates();
    const first = await audits("?$top=2&$filter=activityDisplayName eq 'Update policy'");
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toMatch(/^http.*\/v1\.0\/auditLogs\/directoryAudits\?/);
    const second = await t.graph.get(first.body['@odata.nextLink']);
    expect(second.body.value).toHaveLength(1);
    expect(second.body['@odata.nextLink']).toBeUndefined();
    expect(first.body.value[0].activityDateTime >= first.body.value[1].activityDateTime).toBe(true);
  });

  it('filters on activityDateTime (ge, le), startswith(activityDisplayName) and the initiator', async () => {
    await threeUpdates();
    const future = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect((await audits(`?$filter=activityDateTime ge ${future}`)).body.value).toEqual([]);
    expect((await audits(`?$filter=activityDateTime le ${future}`)).body.value).toHaveLength(3);
    expect(
      (await audits("?$filter=startswith(activityDisplayName,'Update')")).body.value,
    ).toHaveLength(3);
    expect(
      (await audits("?$filter=initiatedBy/app/appId eq 'demo-automation'")).body.value,
    ).toHaveLength(3);
  });

  it('refuses what the docs do not offer: or, unknown properties, $search, $skip, $top over 999', async () => {
    for (const query of [
      "?$filter=category eq 'Policy' or category eq 'ApplicationManagement'",
      "?$filter=operationType eq 'Update'",
      '?$search="policy"',
      '?$skip=1',
      '?$top=1000',
    ]) {
      const response = await audits(query);
      expect(response.status, query).toBe(400);
    }
  });

  it('needs AuditLog.Read.All (and Directory.Read.All): a client without them gets 403', async () => {
    const response = await t.reader.get('/auditLogs/directoryAudits');
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('Authorization_RequestDenied');
  });
});

describe('activity names', () => {
  // Microsoft's "Microsoft Entra audit log categories and activities" (MicrosoftDocs/entra-docs,
  // docs/identity/monitoring-health/reference-audit-activities.md, Core Directory table), checked
  // row by row on 2026-11-27: Policy | Add policy, Update policy, Delete policy; ApplicationManagement
  // | Add policy to application, Add policy to service principal, Remove policy from application,
  // Remove policy from service principal. The reference names activities and categories only; the
  // operationType of a link (Assign / Unassign) follows Entra's own entries for the other
  // "… to service principal" activities (e.g. "Add app role assignment to service principal").
  const REFERENCE = [
    ['Policy', 'Add policy'],
    ['Policy', 'Update policy'],
    ['Policy', 'Delete policy'],
    ['ApplicationManagement', 'Add policy to application'],
    ['ApplicationManagement', 'Add policy to service principal'],
    ['ApplicationManagement', 'Remove policy from application'],
    ['ApplicationManagement', 'Remove policy from service principal'],
  ];
  const pairs = (list: Array<{ category: string; name?: string; activityDisplayName?: string }>) =>
    list.map((a) => [a.category, a.name ?? a.activityDisplayName]).sort();

  it('are Microsoft’s, in the emulator and in the history that filters on them', () => {
    expect(pairs(Object.values(AUDIT_ACTIVITIES))).toEqual([...REFERENCE].sort());
    expect(pairs([...POLICY_ACTIVITIES])).toEqual([...REFERENCE].sort());
  });

  it('logs a link on an application as "Add policy to application", naming the application first', async () => {
    // An application that holds no policy yet (Entra allows one per object).
    const apps = (await t.graph.get(`/applications?$top=20`)).body.value as Array<{ id: string }>;
    let app: { id: string } | undefined;
    for (const candidate of apps)
      if (
        (await t.graph.get(`/applications/${candidate.id}/tokenLifetimePolicies`)).body.value
          .length === 0
      ) {
        app = candidate;
        break;
      }
    if (!app) throw new Error('the seed has no application without a policy among the first 20');
    const policy = (
      await t.graph.post('/policies/tokenLifetimePolicies', {
        displayName: 'Linked to an app',
        definition: definition('02:00:00'),
      })
    ).body;
    const linked = await t.graph.post(`/applications/${app.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `https://t.graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${policy.id}`,
    });
    expect(linked.status).toBe(204);
    const unlinked = await t.graph.delete(
      `/applications/${app.id}/tokenLifetimePolicies/${policy.id}/$ref`,
    );
    expect(unlinked.status).toBe(204);
    const { body } = await audits(`?$filter=targetResources/any(t: t/id eq '${app.id}')`);
    expect(
      body.value.map(
        (e: { activityDisplayName: string; operationType: string; category: string }) => [
          e.category,
          e.activityDisplayName,
          e.operationType,
        ],
      ),
    ).toEqual([
      ['ApplicationManagement', 'Remove policy from application', 'Unassign'],
      ['ApplicationManagement', 'Add policy to application', 'Assign'],
    ]);
    expect(
      body.value[1].targetResources.map((t: { type: string; id: string }) => [t.type, t.id]),
    ).toEqual([
      ['Application', app.id],
      ['Policy', policy.id],
    ]);
  });
});

describe('the audit log across restarts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'demo-audit-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is kept in the state file: history written before a restart is served after it', async () => {
    const stateFile = join(dir, 't.tenant.json');
    const first = await startTestTenant({ stateFile, size: 50 });
    const writer = await graphAs(first.url);
    const created = await writer.post('/policies/tokenLifetimePolicies', {
      displayName: 'Before the restart',
      definition: definition('04:00:00'),
    });
    await writer.patch(`/policies/tokenLifetimePolicies/${created.body.id}`, {
      definition: definition('05:00:00'),
    });
    const before = (await writer.get('/auditLogs/directoryAudits')).body.value;
    expect(before).toHaveLength(2);
    await first.close();
    expect(readStateFile(stateFile)?.directoryAudits).toHaveLength(2);

    const second = await startTestTenant({ stateFile, size: 50 });
    try {
      const after = (await (await graphAs(second.url)).get('/auditLogs/directoryAudits')).body
        .value;
      expect(after).toEqual(before);
      expect(after.map((e: { activityDisplayName: string }) => e.activityDisplayName)).toEqual([
        'Update policy',
        'Add policy',
      ]);
    } finally {
      await second.close();
    }
  });

  it('refuses a state file whose audit log is damaged, leaving the file as it is', async () => {
    const stateFile = join(dir, 't.tenant.json');
    const store = await startTestTenant({ stateFile, size: 50 });
    await store.close();
    const saved = JSON.parse(readFileSync(stateFile, 'utf8'));
    const damaged = JSON.stringify({ ...saved, directoryAudits: [{ id: 'Directory_1' }] });
    writeFileSync(stateFile, damaged);
    await expect(startTestTenant({ stateFile, size: 50 })).rejects.toThrow(StateFileError);
    await expect(startTestTenant({ stateFile, size: 50 })).rejects.toThrow(
      /"directoryAudits"\[0\] lacks its id, activityDisplayName/,
    );
    expect(readFileSync(stateFile, 'utf8')).toBe(damaged);
  });
});
