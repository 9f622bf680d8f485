// The rough edges of issue 15 an admin meets walking the screens: each journey here failed before
// its fix (banner that stayed, silent delete, untyped tenant-wide switch, linear chart, missing
// favicon, no undo after a bulk change).
import { expect, test, type Page } from '@playwright/test';
import { graphAsAutomation, resetTenant, signIn } from './fixtures';
import { createPolicy } from './tenant';

const CONTOSO_2H = '11111111-0000-4000-8000-000000000002';
const REPORTING_12H = '11111111-0000-4000-8000-000000000006';

test.beforeEach(() => resetTenant());

/** Service principals holding no policy in the seed, as the picker and Graph name them. */
async function freeServicePrincipals(count: number) {
  const graph = await graphAsAutomation();
  const page = await graph.get(
    `/servicePrincipals?$filter=servicePrincipalType eq 'Application'&$select=id,displayName&$top=60`,
  );
  const free: Array<{ id: string; displayName: string }> = [];
  for (const sp of page.body.value as Array<{ id: string; displayName: string }>) {
    if (free.length === count) break;
    // Plain names only: the search box below finds them by object id either way.
    if (!/^[\w .-]+$/.test(sp.displayName)) continue;
    const held = await graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`);
    if (held.body.value.length === 0) free.push(sp);
  }
  expect(free).toHaveLength(count);
  return free;
}

async function heldBy(objectId: string): Promise<string | null> {
  const graph = await graphAsAutomation();
  const held = await graph.get(`/servicePrincipals/${objectId}/tokenLifetimePolicies`);
  return (held.body.value[0]?.id as string | undefined) ?? null;
}

test('the "approve write permissions" banner goes as soon as the write consent is granted', async ({
  page,
}) => {
  // Every text the shell's status line shows, even for a moment (the prompt may close at once).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatus: string[] }).seenStatus = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('header [role="status"]'))
        if (el.textContent && !seen.includes(el.textContent)) seen.push(el.textContent);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('Consent 3h');
  await page.getByLabel(/TimeSpan or short form/).fill('3h');
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consent 3h' })).toBeVisible();
  // The write did ask for consent (the banner was up) …
  expect(
    await page.evaluate(() => (window as unknown as { seenStatus: string[] }).seenStatus),
  ).toContain(
    'Microsoft asks you to approve write permissions the first time you change something.',
  );
  // … and it is gone now that the permissions are approved.
  await expect(page.getByText('Microsoft asks you to approve write permissions')).toHaveCount(0);
});

test('a delete is confirmed on the policy list, and the notice can be dismissed', async ({
  page,
}) => {
  const id = await createPolicy('Short-lived 1h', '01:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click();
  await page.waitForURL(/\/policies\?deleted=/);
  const notice = page.getByTestId('deleted-notice');
  await expect(notice).toContainText('Policy “Short-lived 1h” deleted.');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expect(new URL(page.url()).searchParams.has('deleted')).toBe(false);
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Token lifetime policies' }),
  ).toBeVisible();
  await expect(page.getByTestId('deleted-notice')).toHaveCount(0);
});

test('the ?deleted= parameter is shown as text only, shortened, and junk is ignored', async ({
  page,
}) => {
  await signIn(page, 'admin', '/policies');
  const notice = page.getByTestId('deleted-notice');
  await page.goto(`/policies?deleted=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(notice).toContainText('Policy “<img src=x onerror=alert(1)>” deleted.');
  await expect(notice.locator('img')).toHaveCount(0);

  await page.goto(`/policies?deleted=${encodeURIComponent('A'.repeat(200))}`);
  await expect(notice).toContainText(`Policy “${'A'.repeat(119)}…” deleted.`);

  for (const junk of ['%20%20', 'two%0Alines', 'A'.repeat(300)]) {
    await page.goto(`/policies?deleted=${junk}`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Token lifetime policies' }),
    ).toBeVisible();
    await expect(notice).toHaveCount(0);
  }
});

test('the organization-default switch waits for the policy name, typed with the keyboard only', async ({
  page,
}) => {
  const id = await createPolicy('Tenant wide 6h', '06:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await page.getByRole('button', { name: 'Make organization default' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByRole('button', { name: 'Make organization default' });
  await expect(confirm).toBeDisabled();
  // The dialog opens on the name field: before it stands an impact table full of links.
  const field = dialog.getByLabel(/Type .* to confirm/);
  await expect(field).toBeFocused();
  await page.keyboard.type('tenant wide 6h');
  await expect(confirm).toBeDisabled();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await field.fill('');
  await page.keyboard.type('Tenant wide 6h');
  await expect(confirm).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect(page.getByText('is now the organization default')).toBeVisible();
  const graph = await graphAsAutomation();
  expect(
    (await graph.policies()).filter((p) => p.isOrganizationDefault).map((p) => p.displayName),
  ).toEqual(['Tenant wide 6h']);

  // Cancelled and opened again: the typed name is forgotten.
  await page.getByRole('button', { name: 'Remove as organization default' }).click();
  await dialog.getByLabel(/Type .* to confirm/).fill('Tenant wide 6h');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Remove as organization default' }).click();
  await expect(dialog.getByLabel(/Type .* to confirm/)).toHaveValue('');
  await expect(dialog.getByRole('button', { name: 'Remove as default' })).toBeDisabled();
});

test('the distribution chart keeps small groups visible next to the built-in default', async ({
  page,
}) => {
  await signIn(page, 'admin', '/audit');
  const chart = page.getByTestId('lifetime-distribution');
  await expect(chart).toBeVisible();
  const buckets = await chart.getByTestId('distribution-bucket').evaluateAll((items) =>
    items.map((item) => ({
      count: Number(
        item.querySelector('[data-testid="distribution-count"]')!.textContent!.replace(/,/g, ''),
      ),
      bar: item.querySelector('[data-testid="distribution-bar"]')!.getBoundingClientRect().width,
      track: item
        .querySelector('[data-testid="distribution-bar"]')!
        .parentElement!.getBoundingClientRect().width,
    })),
  );
  const filled = buckets.filter((b) => b.count > 0);
  const largest = Math.max(...filled.map((b) => b.count));
  const smallest = Math.min(...filled.map((b) => b.count));
  // The seed has a crowd at the built-in default and single apps elsewhere: linear would draw them
  // at under 1 % of the track.
  expect(largest / smallest).toBeGreaterThan(50);
  for (const b of filled) expect(b.bar / b.track).toBeGreaterThan(0.05);
  for (const b of buckets.filter((x) => x.count === 0)) expect(b.bar).toBe(0);
  // Longer bars for larger counts, still.
  const byCount = [...filled].sort((a, b) => a.count - b.count);
  for (let i = 1; i < byCount.length; i++)
    if (byCount[i].count > byCount[i - 1].count)
      expect(byCount[i].bar).toBeGreaterThan(byCount[i - 1].bar);
  // The text alternative: counts as text and a caption that names the scale.
  await expect(chart.locator('figcaption')).toContainText('logarithmic scale');
  await expect(chart.getByRole('list', { name: 'Applications per lifetime range' })).toBeVisible();
});

/** 404s and console errors of the dashboard itself (the sign-in pages belong to the tenant). */
async function watchLoad(page: Page) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const ours = (url: string) => url.startsWith(origin);
  const missing: string[] = [];
  const errors: string[] = [];
  page.on('response', (r) => r.status() === 404 && ours(r.url()) && missing.push(r.url()));
  page.on(
    'console',
    (m) => m.type() === 'error' && ours(m.location().url || page.url()) && errors.push(m.text()),
  );
  page.on('pageerror', (e) => ours(page.url()) && errors.push(e.message));
  return { missing, errors };
}

test('favicon, manifest and robots.txt are served; pages load without 404s or console errors', async ({
  page,
  request,
}) => {
  for (const [path, type] of [
    ['/favicon.ico', 'image/'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/icon-192.png', 'image/png'],
    ['/manifest.webmanifest', ''],
    ['/robots.txt', 'text/plain'],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
  }
  expect(await (await request.get('/robots.txt')).text()).toMatch(
    /User-agent: \*\s+Disallow: \/\s*$/,
  );
  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    name: string;
    icons: Array<{ src: string }>;
  };
  expect(manifest.name).toBe('Token lifetime policies');
  for (const icon of manifest.icons)
    expect((await request.get(icon.src)).status(), icon.src).toBe(200);

  const load = await watchLoad(page);
  await page.goto('/policies');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  // The browser's own icon request (from the <link rel="icon"> of every page) succeeds.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect((await request.get(icon!)).status()).toBe(200);
  await signIn(page, 'admin', '/policies');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Token lifetime policies' }),
  ).toBeVisible();
  await page.goto('/audit');
  await expect(page.getByTestId('lifetime-distribution')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(load.missing).toEqual([]);
  expect(load.errors).toEqual([]);
});

test('undo a bulk link: three objects with different earlier policies get each their own back', async ({
  page,
}) => {
  const graph = await graphAsAutomation();
  const [a, b, c] = await freeServicePrincipals(3);
  const link = (objectId: string, policyId: string) =>
    graph.post(`/servicePrincipals/${objectId}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `https://graph.microsoft.com/v1.0/policies/tokenLifetimePolicies/${policyId}`,
    });
  expect((await link(a.id, CONTOSO_2H)).status).toBe(204);
  expect((await link(b.id, REPORTING_12H)).status).toBe(204);
  const id = await createPolicy('Undo me 4h', '04:00:00');

  await signIn(page, 'admin', `/policies/${id}`);
  await page.getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog');
  const search = dialog.getByLabel('Search by display name, or paste an appId or object id');
  for (const sp of [a, b, c]) {
    await search.fill(sp.id);
    await dialog.locator(`[id="pick-${sp.id}"]`).check();
  }
  await dialog.getByRole('button', { name: 'Preview the effect' }).click();
  await dialog.getByRole('button', { name: 'Link 3 objects' }).click();
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('3 of 3 done.');
  expect([await heldBy(a.id), await heldBy(b.id), await heldBy(c.id)]).toEqual([id, id, id]);

  await dialog
    .getByRole('button', { name: 'Undo: restore the previous policy of 3 objects' })
    .click();
  await expect(dialog.getByTestId('undo-summary')).toHaveText('Undo: 3 of 3 back as before.');
  const outcomes = dialog.getByTestId('undo-outcome');
  await expect(outcomes.filter({ hasText: a.displayName })).toContainText('back to “Contoso 2h”');
  await expect(outcomes.filter({ hasText: b.displayName })).toContainText(
    'back to “Reporting API 12h”',
  );
  await expect(outcomes.filter({ hasText: c.displayName })).toContainText('back to no policy');
  // The tenant, read behind the dashboard's back, holds what it held before the bulk link.
  expect([await heldBy(a.id), await heldBy(b.id), await heldBy(c.id)]).toEqual([
    CONTOSO_2H,
    REPORTING_12H,
    null,
  ]);
});
