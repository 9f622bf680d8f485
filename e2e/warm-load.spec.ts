// A second visit reads only what changed (delta queries) from the objects kept in IndexedDB, and a
// change made elsewhere (here: Graph, as the admin center or PowerShell would) shows after Refresh.
import { expect, test, type Page } from '@playwright/test';
import { DEMO_URL, graphAsAutomation, resetTenant, signIn } from './fixtures';

test.beforeEach(() => resetTenant());

const ready = (page: Page) =>
  expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready', {
    timeout: 30_000,
  });

async function graphCalls(): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${DEMO_URL}/_demo/stats`)).json()) as {
    byMethodAndRoute: Record<string, number>;
  };
  return stats.byMethodAndRoute;
}

test('a second visit reads only changes; Refresh shows a rename made elsewhere @entra', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications');
  await ready(page);
  await expect(page.getByTestId('directory-as-of')).toBeVisible();
  // The kept objects are written shortly after the view shows.
  await page.waitForTimeout(2000);

  await fetch(`${DEMO_URL}/_demo/stats/reset`, { method: 'POST' });
  await page.reload();
  await ready(page);
  const calls = await graphCalls();
  expect(calls['GET /v1.0/applications']).toBeUndefined();
  expect(calls['GET /v1.0/servicePrincipals']).toBeUndefined();
  // Both delta queries travel in the first $batch, with the policy list.
  expect(calls['GET /v1.0/applications/delta (in $batch)']).toBe(1);
  expect(calls['GET /v1.0/servicePrincipals/delta (in $batch)']).toBe(1);

  const graph = await graphAsAutomation();
  const sp = await graph.servicePrincipalByAppId('00000007-0000-0000-c000-000000000000');
  expect(
    (await graph.patch(`/servicePrincipals/${sp.id}`, { displayName: 'Dataverse (renamed)' }))
      .status,
  ).toBe(204);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await ready(page);
  await page.getByRole('searchbox', { name: 'Search name or appId' }).fill('Dataverse (renamed)');
  await expect(page.getByTestId('app-row')).toHaveCount(1);
  await expect(page.getByTestId('app-row')).toContainText('5 h');
});

test('signing out forgets the kept directory', async ({ page }) => {
  await signIn(page, 'admin', '/applications');
  await ready(page);
  await page.waitForTimeout(2000);
  const kept = () =>
    page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('token-lifetime-dashboard');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('directory-snapshots')) return resolve(0);
            const count = db
              .transaction('directory-snapshots')
              .objectStore('directory-snapshots')
              .count();
            count.onsuccess = () => resolve(count.result);
          };
          open.onerror = () => resolve(0);
        }),
    );
  expect(await kept()).toBe(1);
  await page.getByRole('button', { name: 'Account: Adele Admin' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(await kept()).toBe(0);
});
