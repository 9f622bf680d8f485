import { expect, test } from '@playwright/test';
import {
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  setControls,
  signIn,
} from './fixtures';
import { createPolicy } from './tenant';

const CDS = '00000007-0000-0000-c000-000000000000';
const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';

test.beforeEach(() => resetTenant());
test.afterEach(() => setControls({ faultRate: 0, latencyMs: 0 }));

test('an unknown rule or sort in the URL shows the default view instead of crashing', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications?rule=foo&sort=bogus&dir=sideways&kind=robot');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('app-row').first()).toBeVisible();
  await expect(page.getByTestId('row-count')).toHaveText(/^([\d,]+) of \1 applications$/);
  await expect(page.getByLabel('Precedence rule')).toHaveValue('graph-reference');
  await expect(page.getByRole('columnheader', { name: /Application/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
});

test('headers sort from the keyboard and say so with aria-sort; the sort is kept in the URL', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready');
  const effective = page.getByRole('columnheader', { name: /Effective/ });
  await expect(effective).toHaveAttribute('aria-sort', 'none');
  await effective.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(effective).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/sort=lifetime/);
  await page.keyboard.press('Space');
  await expect(effective).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/dir=desc/);
  // Longest first: the first row's lifetime is the longest in the tenant (Reporting API 12 h).
  await expect(page.getByTestId('app-row').first()).toContainText('12 h');
  await expect(page.getByRole('columnheader', { name: /Application/ })).toHaveAttribute(
    'aria-sort',
    'none',
  );
});

test('while the tenant loads the view says so, never "0 of 0 applications"', async ({ page }) => {
  await signIn(page, 'admin', '/policies');
  await setControls({ latencyMs: 1500 });
  await page.goto('/applications');
  const count = page.getByTestId('row-count');
  await expect(count).toHaveAttribute('data-state', 'loading');
  await expect(count).toHaveText('Loading the applications…');
  await expect(
    page.getByRole('status', { name: 'Loading the applications' }).first(),
  ).toBeVisible();
  await setControls({ latencyMs: 0 });
  await expect(count).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(count).not.toHaveText(/^0 of 0/);
});

test('a jump down the virtual list updates rows in place, and a focused checkbox never moves to another app', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready');
  const rows = page.getByTestId('app-row');
  const firstRow = rows.first();
  const firstName = await firstRow.getByRole('link').getAttribute('title');
  const checkbox = firstRow.getByRole('checkbox');
  await checkbox.focus();
  // Mark the row's DOM: after the jump the same element must show another app (kept, not rebuilt).
  await firstRow.evaluate((tr) => tr.setAttribute('data-marked', 'yes'));
  await page
    .getByRole('region', { name: 'Application rows' })
    .evaluate((region) => (region.scrollTop = region.scrollHeight));
  await expect(rows.first().getByRole('link')).not.toHaveAttribute('title', firstName!);
  const marked = page.locator('[data-marked="yes"]');
  await expect(marked).toHaveCount(1);
  await expect(marked.getByRole('link')).not.toHaveAttribute('title', firstName!);
  // The focus left the recycled row for the scrolling region, as if the row had gone.
  const focused = await page.evaluate(() => ({
    label: document.activeElement?.getAttribute('aria-label'),
    role: document.activeElement?.getAttribute('role'),
  }));
  expect(focused).toEqual({ label: 'Application rows', role: 'region' });
});

test('loading a list fetches no route in advance; a click still opens the app', async ({
  page,
}) => {
  await signIn(page, 'admin', '/policies');
  // Next's prefetches ask for a route's server payload (?_rsc=) before any click.
  const early: string[] = [];
  const onRequest = (request: { url: () => string }) => {
    if (request.url().includes('_rsc=')) early.push(request.url());
  };
  page.on('request', onRequest);
  await page.goto('/applications');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready');
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  expect(early).toEqual([]);
  const first = page.getByTestId('app-row').first().getByRole('link');
  const name = await first.getAttribute('title');
  await first.click();
  await expect(page).toHaveURL(/\/applications\/[^/?]+/);
  await expect(page.getByRole('heading', { name: name! })).toBeVisible();
});

test('filters with no match keep the header and say so; a truncated name keeps its full title', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications?q=no-such-application-anywhere');
  await expect(page.getByTestId('row-count')).toHaveText(/^0 of [1-9]/);
  await expect(page.getByTestId('table-no-match')).toHaveText(
    'No application matches these filters.',
  );
  await expect(page.getByRole('columnheader', { name: /Application/ })).toBeVisible();
  await page.getByLabel('Search name or appId').fill(CDS);
  const row = page.getByTestId('app-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link')).toHaveAttribute('title', 'Common Data Service');
});

test('the Policies list filters by a linked app, by name or appId', async ({ page }) => {
  await signIn(page, 'admin', '/policies');
  await expect(page.getByTestId('policy-row').first()).toBeVisible();
  const linkedTo = page.getByLabel('Linked to app (name or appId)');
  await linkedTo.fill('common data service');
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await expect(page.getByTestId('policy-row')).toContainText('Dataverse integrations (5 h)');
  await expect(page).toHaveURL(/app=common/);
  await linkedTo.fill(CDS);
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await expect(page.getByTestId('policy-row')).toContainText('Dataverse integrations (5 h)');
  await linkedTo.fill('Contoso Reporting API');
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await expect(page.getByTestId('policy-row')).toContainText('Reporting API 12h');
  await linkedTo.fill('no app has this name');
  await expect(page.getByTestId('table-no-match')).toHaveText('No policy matches these filters.');
});

test('select applications and link them in bulk, with the impact preview and a read back', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications?q=fabrikam&kind=app-and-sp');
  await expect(page.getByTestId('row-count')).toHaveAttribute('data-state', 'ready');
  const rows = page.getByTestId('app-row');
  await expect(rows.nth(2)).toBeVisible();
  const appIds: string[] = [];
  for (let i = 0; i < 3; i++) {
    await rows.nth(i).getByRole('checkbox').check();
    const href = await rows.nth(i).getByRole('link').getAttribute('href');
    appIds.push(href!.split('/')[2].split('?')[0]);
  }
  await page.getByRole('button', { name: 'Link 3 selected to a policy…' }).click();
  const dialog = page.getByRole('dialog');
  const link = dialog.getByRole('button', { name: 'Link 3 objects' });
  await expect(link).toBeDisabled();
  await expect(link).toHaveAccessibleDescription('Choose a policy first.');
  await expect(dialog.getByTestId('bulk-link-objects').getByRole('listitem')).toHaveCount(3);
  await dialog.getByLabel('Policy to link').selectOption({ label: 'Unused 30 min' });
  await expect(dialog.getByTestId('impact-table')).toContainText('30 min');
  await link.click();
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('3 of 3 done.');
  await expect(dialog.getByTestId('bulk-outcome')).toHaveCount(3);
  const graph = await graphAsAutomation();
  for (const appId of appIds) {
    const sp = await graph.servicePrincipalByAppId(appId);
    const linked = (await graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`)).body
      .value as Array<{ displayName: string }>;
    expect(linked.map((p) => p.displayName)).toEqual(['Unused 30 min']);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /selected to a policy/ })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Unused 30 min' })).toHaveCount(3);
});

test('bulk unlink previews the impact, lists every object, then shows the empty state', async ({
  page,
}) => {
  const id = await createPolicy('Unlink me 3h17', '03:17:00');
  const graph = await graphAsAutomation();
  const candidates = (await graph.get('/servicePrincipals?$top=200')).body.value as Array<{
    id: string;
    displayName: string;
    servicePrincipalType: string;
  }>;
  const linked: string[] = [];
  for (const sp of candidates) {
    if (linked.length === 15) break;
    if (sp.servicePrincipalType !== 'Application') continue;
    const current = (await graph.get(`/servicePrincipals/${sp.id}/tokenLifetimePolicies`)).body
      .value;
    if (current.length > 0) continue;
    const response = await graph.post(`/servicePrincipals/${sp.id}/tokenLifetimePolicies/$ref`, {
      '@odata.id': `${GRAPH_ROOT}/policies/tokenLifetimePolicies/${id}`,
    });
    expect(response.status).toBe(204);
    linked.push(sp.displayName);
  }
  expect(linked).toHaveLength(15);

  await signIn(page, 'admin', `/policies/${id}`);
  await expect(page.getByTestId('linked-row')).toHaveCount(15);
  await page.getByRole('checkbox', { name: 'Select all rows shown' }).check();
  await page.getByRole('button', { name: 'Unlink selected (15)' }).click();
  const dialog = page.getByRole('dialog');
  const listed = dialog.getByTestId('unlink-objects').getByRole('listitem');
  await expect(listed).toHaveCount(15);
  for (const name of linked) await expect(listed.filter({ hasText: name }).first()).toBeVisible();
  await expect(dialog.getByTestId('impact-table')).toContainText(
    '15 applications change effective lifetime',
  );
  await expect(dialog.getByTestId('impact-table')).toContainText('3 h 17 min');
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole('button', { name: 'Unlink' }).click();
  await expect(page.getByTestId('bulk-summary')).toHaveText('15 of 15 done.');
  await expect(page.getByRole('heading', { name: 'Linked to nothing' })).toBeVisible();
  await expect(page.getByTestId('linked-row')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Objects linked to/ })).toHaveCount(0);
  expect((await graph.get(`/policies/tokenLifetimePolicies/${id}/appliesTo`)).body.value).toEqual(
    [],
  );
});

test('a "Link" button that would change nothing says why it is disabled', async ({ page }) => {
  await signIn(page, 'admin', `/applications/${CDS}`);
  const control = page.getByTestId('control-servicePrincipal');
  const button = control.getByRole('button', { name: 'Link' });
  await expect(button).toBeDisabled();
  await expect(button).toHaveAccessibleDescription(
    /“Dataverse integrations \(5 h\)” is already linked here/,
  );
});

test('on a 360 px screen a long policy name wraps between words, never inside one', async ({
  page,
}) => {
  const name = 'Extraordinarily comprehensive authorization lifetime configuration';
  await createPolicy(name, '02:00:00');
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, 'admin', '/policies');
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible();
  const lines = await link.evaluate((element) => {
    const text = element.querySelector('.tenant-text')!.firstChild!;
    const words: Array<{ word: string; rects: number }> = [];
    let start = 0;
    for (const word of text.textContent!.split(' ')) {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + word.length);
      words.push({ word, rects: range.getClientRects().length });
      start += word.length + 1;
    }
    return { words, height: element.getBoundingClientRect().height };
  });
  // It does wrap (the column is narrower than the name), and every word stays whole.
  expect(lines.height).toBeGreaterThan(30);
  expect(lines.words.filter((w) => w.rects !== 1)).toEqual([]);
});

for (const path of ['/policies', '/applications', '/audit']) {
  test(`no table pushes ${path} wider than a 360 px screen`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await signIn(page, 'admin', path);
    await expect(page.getByRole('table').first()).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
