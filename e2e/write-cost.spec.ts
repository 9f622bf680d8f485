// What one write costs the tenant when made in the dashboard: the mutation's own requests, and no
// re-read of the tenant — the cached index is patched with what the write read back, so the
// Policies view shows the change at once. Counted by the demo tenant (/_demo/stats). The same
// bound on a 10,000-object tenant: lib/graph/write-cost.contract.test.ts.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_URL, graphAsAutomation, resetTenant, signIn } from './fixtures';

const ORDERS_API = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01';
const CONTOSO_2H = '11111111-0000-4000-8000-000000000002';
const UNUSED = '11111111-0000-4000-8000-000000000005';
const BEYOND_THE_WRITE = 3;

interface Stats {
  byMethodAndRoute: Record<string, number>;
}

test.beforeEach(() => resetTenant());

/** Graph requests (not the $batch sub-requests, not sign-in) the tenant answered while `run` ran. */
async function graphRequestsDuring(page: Page, run: () => Promise<void>) {
  // Whatever the page was still reading when it opened is not the write's.
  await page.waitForLoadState('networkidle');
  expect((await fetch(`${DEMO_URL}/_demo/stats/reset`, { method: 'POST' })).ok).toBe(true);
  await run();
  await page.waitForLoadState('networkidle');
  const stats = (await (await fetch(`${DEMO_URL}/_demo/stats`)).json()) as Stats;
  return Object.entries(stats.byMethodAndRoute)
    .filter(([route]) => route.includes('/v1.0/') && !route.endsWith('(in $batch)'))
    .flatMap(([route, n]) => Array<string>(n).fill(route));
}

/** "1 app, 2 SPs", as the tenant holds it now (asked behind the dashboard's back). */
async function linkCount(policyId: string) {
  const graph = await graphAsAutomation();
  const linked = (await graph.get(`/policies/tokenLifetimePolicies/${policyId}/appliesTo`)).body
    .value as Array<{ '@odata.type': string }>;
  const apps = linked.filter((o) => o['@odata.type'].endsWith('application')).length;
  const sps = linked.length - apps;
  return `${apps} app${apps === 1 ? '' : 's'}, ${sps} SP${sps === 1 ? '' : 's'}`;
}

/** A list read of applications or service principals means the tenant was read again. */
const tenantRead = (requests: string[]) =>
  requests.filter((r) => /^GET \/v1\.0\/(applications|servicePrincipals)(\/delta)?$/.test(r));

test('a link and an unlink from an app’s page cost at most 3 Graph requests beyond the write', async ({
  page,
}) => {
  await signIn(page, 'admin', `/applications/${ORDERS_API}`);
  const sp = page.getByTestId('control-servicePrincipal');
  await expect(sp.getByLabel('Token lifetime policy on the service principal')).toBeEnabled();

  const link = await graphRequestsDuring(page, async () => {
    await sp
      .getByLabel('Token lifetime policy on the service principal')
      .selectOption({ label: 'Unused 30 min' });
    await sp.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(sp).toContainText('Linked “Unused 30 min”.');
  });
  expect(link.filter((r) => r.startsWith('POST') && r.endsWith('/$ref'))).toHaveLength(1);
  expect(link.length - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  expect(tenantRead(link)).toEqual([]);

  const app = page.getByTestId('control-application');
  const unlink = await graphRequestsDuring(page, async () => {
    await app
      .getByLabel('Token lifetime policy on the application object')
      .selectOption({ label: 'None' });
    await app.getByRole('button', { name: 'Unlink', exact: true }).click();
    await expect(app).toContainText('Unlinked “Contoso 2h”.');
  });
  expect(unlink.filter((r) => r.startsWith('DELETE') && r.endsWith('/$ref'))).toHaveLength(1);
  expect(unlink.length - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  expect(tenantRead(unlink)).toEqual([]);

  // The Policies view, reached without reloading the page, counts both changes at once.
  await page.getByRole('link', { name: 'Policies', exact: true }).first().click();
  for (const [id, name] of [
    [UNUSED, /^Unused 30 min/],
    [CONTOSO_2H, /^Contoso 2h/],
  ] as const)
    await expect(page.getByRole('row', { name })).toContainText(await linkCount(id));
});

test('an edit costs at most 3 Graph requests beyond the PATCH, and the list shows it at once', async ({
  page,
}) => {
  await signIn(page, 'admin', `/policies/${CONTOSO_2H}`);
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/TimeSpan or short form/).fill('03:00:00');
  await page.getByRole('button', { name: 'Review and save' }).click();
  const edit = await graphRequestsDuring(page, async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('policy-lifetime')).toHaveText('3 h');
  });
  expect(edit.filter((r) => r.startsWith('PATCH'))).toHaveLength(1);
  expect(edit.length - 1).toBeLessThanOrEqual(BEYOND_THE_WRITE);
  expect(tenantRead(edit)).toEqual([]);

  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: 'Policies' })
    .click();
  await expect(page.getByRole('row', { name: /^Contoso 2h/ })).toContainText('3 h');
});
