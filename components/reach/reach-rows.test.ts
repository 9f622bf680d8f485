// The reach export: one row per client and API, names kept as data for the CSV helper.
import { describe, expect, it } from 'vitest';
import { objectsToCsv } from '@/lib/export/csv';
import { computeReach } from '@/lib/policy/reach';
import type { EffectiveLifetime } from '@/lib/policy/resolve';
import { reachExportRows } from './reach-rows';

describe('reachExportRows', () => {
  it('writes one row per client, and the CSV keeps a formula-looking name inert', () => {
    const reach = computeReach({
      resourceId: 'sp',
      appRoles: [{ id: 'r', value: 'Orders.ReadWrite.All' }],
      assignments: [
        {
          id: 'a',
          appRoleId: 'r',
          principalId: 'c1',
          principalType: 'ServicePrincipal',
          principalDisplayName: '=HYPERLINK("http://x","y")',
          resourceId: 'sp',
        },
      ],
      grants: [
        {
          id: 'g',
          clientId: 'c2',
          consentType: 'Principal',
          principalId: 'u',
          resourceId: 'sp',
          scope: 'Orders.Read',
        },
      ],
    });
    const rows = reachExportRows([
      {
        target: { appId: 'api', displayName: 'Orders API' },
        effective: { seconds: 7200 } as EffectiveLifetime,
        servicePrincipalId: 'sp',
        reach,
      },
    ]);
    expect(rows.map((r) => [r.client, r.access, r.privilege, r.users])).toEqual([
      ['=HYPERLINK("http://x","y")', 'Application permission', 'Can change data', ''],
      ['c2', 'Delegated (signed-in users)', 'Limited', '1 user'],
    ]);
    const csv = objectsToCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv.split('\r\n')[0]).toContain('resource,resourceAppId,effectiveLifetime,client');
  });
});
