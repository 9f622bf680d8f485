// Audit II, reach: who receives the long-lived tokens. Seeded grants: demo-tenant/directory/seed-access.ts.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { armFault, DEMO_URL, expectNoSeriousA11yViolations, resetTenant, signIn } from './fixtures';
import { ORDERS_API } from './tenant';

test.beforeEach(() => resetTenant());

/** Hostile names must stay text: no dialog, no element made from a name. */
function watchForScript(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

async function batchCount(): Promise<number> {
  const stats = (await (await fetch(`${DEMO_URL}/_demo/stats`)).json()) as {
    byMethodAndRoute: Record<string, number>;
  };
  return stats.byMethodAndRoute['POST /v1.0/$batch'] ?? 0;
}

test('the audit shows who receives long-lived tokens, privileged first, with a drill-down and a safe export @entra', async ({
  page,
}) => {
  const dialogs = watchForScript(page);
  await signIn(page, 'admin', '/audit');
  await expect(page.getByTestId('extended-list')).toContainText('Common Data Service');
  await expect(page.getByText('Directory.Read.All, to list the delegated').first()).toBeVisible();
  expect((await fetch(`${DEMO_URL}/_demo/stats/reset`, { method: 'POST' })).ok).toBe(true);

  await page.getByRole('button', { name: 'Show who receives these tokens' }).click();
  const table = page.getByTestId('reach-table');
  await expect(table).toBeVisible();
  const rows = table.getByTestId('reach-row');
  const resources = await rows.count();
  // 3 requests per API, 20 per $batch: the lower bound of round trips, met.
  expect(await batchCount()).toBe(Math.ceil((3 * resources) / 20));

  const orders = rows.filter({ hasText: 'Contoso Orders API' });
  await expect(orders.getByRole('cell').nth(2)).toHaveText('2');
  await expect(orders.getByRole('cell').nth(3)).toHaveText('1');
  await expect(orders.getByTestId('privileged-count')).toHaveText('1');
  const cds = rows.filter({ hasText: 'Common Data Service' });
  await expect(cds.getByTestId('privileged-count')).toHaveText('3');

  await orders.getByRole('button', { name: /Show the clients of Contoso Orders API/ }).click();
  await expect(page).toHaveURL(new RegExp(`resource=${ORDERS_API}`));
  const clients = page.getByTestId('reach-drilldown').getByTestId('reach-client');
  await expect(clients).toHaveCount(3);
  await expect(clients.first()).toContainText('Nightly export script');
  await expect(clients.first()).toContainText('Orders.ReadWrite.All');
  await expect(clients.first()).toContainText('Can change data');
  await expect(clients.nth(1)).toContainText('<img src=x onerror=alert(1)>');
  await expect(clients.nth(2)).toContainText('=HYPERLINK("http://example.invalid","click")');
  await expect(clients.nth(2)).toContainText('all users (admin consent)');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export clients CSV' }).click(),
  ]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toContain('Nightly export script');
  // The formula-looking name is written inert (leading apostrophe), never as a formula.
  expect(csv).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);

  // The application page says it too, without asking again (the permission was given this session).
  await page.goto(`/applications/${ORDERS_API}`);
  await expect(page.getByTestId('reach-summary')).toHaveText(
    'Tokens for this API go to 3 clients (1 privileged).',
  );
  await expect(
    page.getByRole('table', { name: 'Clients of Contoso Orders API' }).getByTestId('reach-client'),
  ).toHaveCount(3);
  await expectNoSeriousA11yViolations(page);
  expect(dialogs).toEqual([]);
});

test('when Graph refuses the delegated grants, the audit says what is not readable and why', async ({
  page,
}) => {
  await armFault({
    method: 'GET',
    path: '/oauth2PermissionGrants',
    count: 1000,
    outcome: {
      status: 403,
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    },
  });
  await signIn(page, 'reader', '/audit');
  await page.getByRole('button', { name: 'Show who receives these tokens' }).click();
  await expect(page.getByTestId('reach-unreadable')).toContainText(
    'Graph refused to list delegated permission grants (403): reading them needs Directory.Read.All',
  );
  const orders = page.getByTestId('reach-row').filter({ hasText: 'Contoso Orders API' });
  await expect(orders.getByRole('cell').nth(3)).toHaveText('not readable');
  // Application permissions were readable and are still shown.
  await expect(orders.getByRole('cell').nth(2)).toHaveText('2');
});
