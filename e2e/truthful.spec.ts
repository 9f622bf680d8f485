// Truthful under partial failure: a chosen Graph call fails (targeted faults of the demo tenant);
// afterwards the tenant, read over Graph behind the UI's back, holds exactly what the UI said, and
// the repair button the UI offers puts the intended state in place.
import { expect, test, type Page } from '@playwright/test';
import {
  armFault,
  clearFaults,
  definition,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';

const CDS = '00000007-0000-0000-c000-000000000000';
const ORDERS_API = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01';
const POLICY = '/policies/tokenLifetimePolicies/*';

test.beforeEach(() => resetTenant());
test.afterEach(() => resetTenant());

async function defaults() {
  const graph = await graphAsAutomation();
  return (await graph.policies()).filter((p) => p.isOrganizationDefault).map((p) => p.displayName);
}

async function createPolicy(name: string, lifetime: string, isOrganizationDefault = false) {
  const graph = await graphAsAutomation();
  const created = await graph.post('/policies/tokenLifetimePolicies', {
    displayName: name,
    definition: definition(lifetime),
    isOrganizationDefault,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

/** What the object holds now, read over Graph (policy display names). */
async function linkedTo(kind: 'applications' | 'servicePrincipals', appId: string) {
  const graph = await graphAsAutomation();
  const object = (await graph.get(`/${kind}?$filter=appId eq '${appId}'`)).body.value[0];
  return (await graph.get(`/${kind}/${object.id}/tokenLifetimePolicies`)).body.value.map(
    (p: { displayName: string }) => p.displayName,
  );
}

/** A short time limit (tests only, demo tenant only) so a frozen tenant is met in seconds. */
async function shortTimeLimit(page: Page, ms = 3000) {
  await page.addInitScript(
    (limit) => sessionStorage.setItem('tlp.test.time-limit-ms', String(limit)),
    ms,
  );
}

test('create as organization default: set and restore both fail — the UI says the policy exists and there is NO default, and repairs it', async ({
  page,
}) => {
  await createPolicy('Previous default 4h', '04:00:00', true);
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('New default 8h');
  await page.getByLabel(/TimeSpan or short form/).fill('8h');
  await page.getByRole('checkbox', { name: /Make it the organization default/ }).check();
  await expect(page.getByText('replaces "Previous default 4h"')).toBeVisible();
  // Unsetting the old default passes; setting the new one and putting the old one back fail.
  await armFault({
    method: 'PATCH',
    path: POLICY,
    skip: 1,
    count: 2,
    outcome: { status: 500, code: 'InternalServerError' },
  });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Create as organization default' })
    .click();

  const report = page.getByTestId('created-report');
  await expect(report).toContainText('Policy “New default 8h” was created.');
  await expect(report.getByTestId('default-switch-state')).toHaveText(
    'The tenant now has NO organization default (was “Previous default 4h”). “New default 8h” could not be made the default, and putting “Previous default 4h” back failed too.',
  );
  await expect(page.getByText('Nothing was saved')).toHaveCount(0);
  const graph = await graphAsAutomation();
  expect((await graph.policies()).map((p) => p.displayName)).toContain('New default 8h');
  expect(await defaults()).toEqual([]);

  await report
    .getByRole('button', { name: 'Make “New default 8h” the organization default' })
    .click();
  await expect(report.getByTestId('default-switch-state')).toHaveText(
    '“New default 8h” is now the organization default.',
  );
  expect(await defaults()).toEqual(['New default 8h']);
});

test('default switch whose answer is lost (tenant frozen after the write): no endless wait, the read-back says it was made', async ({
  page,
}) => {
  await createPolicy('Previous default 4h', '04:00:00', true);
  const id = await createPolicy('Switch 6h', '06:00:00');
  await shortTimeLimit(page);
  await signIn(page, 'admin', `/policies/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Switch 6h' })).toBeVisible();
  await armFault({
    method: 'PATCH',
    path: POLICY,
    skip: 1,
    count: 1,
    when: 'after',
    outcome: 'hang',
  });
  await page.getByRole('button', { name: 'Make organization default' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/Type .* to confirm/)
    .fill('Switch 6h');
  await page.getByRole('dialog').getByRole('button', { name: 'Make organization default' }).click();
  await expect(page.getByTestId('default-switch-state')).toHaveText(
    '“Switch 6h” is now the organization default. (Graph’s answer was lost on the way, but reading the tenant back shows the change was made.)',
  );
  expect(await defaults()).toEqual(['Switch 6h']);
});

test('the losing tab of a two-tab default switch names the default the other tab set, and can take over', async ({
  page,
}) => {
  const id = await createPolicy('This tab 6h', '06:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This tab 6h' })).toBeVisible();
  // The other tab wins while this one still shows "no organization default".
  await createPolicy('Other tab 2h', '02:00:00', true);
  await page.getByRole('button', { name: 'Make organization default' }).click();
  await page
    .getByRole('dialog')
    .getByLabel(/Type .* to confirm/)
    .fill('This tab 6h');
  await page.getByRole('dialog').getByRole('button', { name: 'Make organization default' }).click();
  const state = page.getByTestId('default-switch-state');
  await expect(state).toHaveText(
    'Nothing was changed: “Other tab 2h” became the organization default since you opened this page (changed elsewhere — another tab or admin).',
  );
  await expect(page.getByText('there is still no organization default')).toHaveCount(0);
  expect(await defaults()).toEqual(['Other tab 2h']);
  await page
    .getByRole('button', {
      name: 'Make “This tab 6h” the organization default (replacing “Other tab 2h”)',
    })
    .click();
  await expect(state).toHaveText('“This tab 6h” is now the organization default.');
  expect(await defaults()).toEqual(['This tab 6h']);
});

test('single replace: link and restore both fail — the object is shown with no policy, and the restore button restores it', async ({
  page,
}) => {
  await signIn(page, 'admin', `/applications/${ORDERS_API}`);
  const control = page.getByTestId('control-application');
  await control
    .getByLabel('Token lifetime policy on the application object')
    .selectOption({ label: 'Reporting API 12h' });
  await armFault({
    method: 'POST',
    path: '/applications/*/tokenLifetimePolicies/$ref',
    count: 2,
    outcome: { status: 500, code: 'InternalServerError' },
  });
  await control
    .getByRole('button', { name: 'Replace “Contoso 2h” with “Reporting API 12h”' })
    .click();
  const report = control.getByTestId('link-change-report');
  await expect(report).toContainText('Contoso Orders API: now has no policy (was “Contoso 2h”)');
  await expect(report).toContainText('Putting the previous policy back failed too');
  expect(await linkedTo('applications', ORDERS_API)).toEqual([]);
  await report.getByRole('button', { name: 'Restore “Contoso 2h” on Contoso Orders API' }).click();
  await expect(control).toContainText('Repaired: the application object now has “Contoso 2h”.');
  expect(await linkedTo('applications', ORDERS_API)).toEqual(['Contoso 2h']);
});

test('bulk replace: unlink succeeds, link and restore fail — the dialog says the object lost its policy and restores it', async ({
  page,
}) => {
  const id = await createPolicy('Dataverse 2h', '02:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await page.getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Microsoft first-party' }).click();
  await dialog.getByRole('checkbox', { name: /Common Data Service/ }).check();
  await dialog.getByRole('button', { name: 'Preview the effect' }).click();
  // The tenant's index (read through $batch too) is loaded before any fault is armed.
  await expect(dialog.getByTestId('impact-table')).toBeVisible();
  // The link (a $batch sub-request) and then the direct restore both fail.
  await armFault({
    method: 'POST',
    path: '/servicePrincipals/*/tokenLifetimePolicies/$ref',
    count: 2,
    outcome: { status: 404, code: 'Request_ResourceNotFound' },
  });
  await dialog.getByRole('button', { name: 'Link 1 object' }).click();
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('0 of 1 done, 1 failed.');
  const row = dialog.getByTestId('bulk-outcome');
  await expect(row.getByTestId('bulk-outcome-state')).toHaveText(
    'Common Data Service: now has no policy (was “Dataverse integrations (5 h)”)',
  );
  await expect(row).toContainText('Request_ResourceNotFound');
  await expect(row).toContainText('Putting the previous policy back failed too');
  expect(await linkedTo('servicePrincipals', CDS)).toEqual([]);
  await row
    .getByRole('button', { name: 'Restore “Dataverse integrations (5 h)” on Common Data Service' })
    .click();
  await expect(row.getByTestId('bulk-outcome-state')).toHaveText(
    'Common Data Service: now has “Dataverse integrations (5 h)”',
  );
  expect(await linkedTo('servicePrincipals', CDS)).toEqual(['Dataverse integrations (5 h)']);
});

test('a bulk link that fails as a whole says so and can be tried again', async ({ page }) => {
  const id = await createPolicy('Whole 3h', '03:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await page.getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Microsoft first-party' }).click();
  await dialog.getByRole('checkbox', { name: /Common Data Service/ }).check();
  await dialog.getByRole('button', { name: 'Preview the effect' }).click();
  // The tenant's index (read through $batch too) is loaded before any fault is armed.
  await expect(dialog.getByTestId('impact-table')).toBeVisible();
  await armFault({
    method: 'POST',
    path: '/$batch',
    count: 1,
    outcome: { status: 500, code: 'InternalServerError' },
  });
  await dialog.getByRole('button', { name: 'Link 1 object' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Nothing was changed: the objects’ current policies could not be read first',
  );
  await expect(dialog.getByRole('alert')).toContainText('InternalServerError');
  expect(await linkedTo('servicePrincipals', CDS)).toEqual(['Dataverse integrations (5 h)']);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByTestId('bulk-summary')).toHaveText('1 of 1 done.');
  expect(await linkedTo('servicePrincipals', CDS)).toEqual(['Whole 3h']);
});

test('a save to a frozen tenant ends in seconds with the truth: not saved when it was not, saved when it was', async ({
  page,
}) => {
  await shortTimeLimit(page);
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('Frozen 2h');
  await page.getByLabel(/TimeSpan or short form/).fill('2h');
  await armFault({
    method: 'POST',
    path: '/policies/tokenLifetimePolicies',
    count: 1,
    outcome: 'hang',
  });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was saved' })).toContainText(
    /did not answer in 3 s/,
  );
  await expect(page.getByRole('button', { name: 'Review and save' })).toBeEnabled();
  const graph = await graphAsAutomation();
  expect((await graph.policies()).map((p) => p.displayName)).not.toContain('Frozen 2h');

  // The same create, frozen after the write: the policy exists, and the UI finds and opens it.
  await armFault({
    method: 'POST',
    path: '/policies/tokenLifetimePolicies',
    count: 1,
    when: 'after',
    outcome: 'hang',
  });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Frozen 2h' })).toBeVisible();
  expect((await graph.policies()).filter((p) => p.displayName === 'Frozen 2h')).toHaveLength(1);
});

test('a token Graph refuses (401) is replaced and the page loads without the admin doing anything @entra', async ({
  page,
}) => {
  await signIn(page, 'admin', '/token-inspector');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await armFault({
    method: 'GET',
    path: '/policies/tokenLifetimePolicies',
    count: 1,
    outcome: { status: 401, code: 'InvalidAuthenticationToken' },
  });
  const refreshed = page.waitForRequest(
    (request) => request.url().includes('/token') && request.method() === 'POST',
  );
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  await refreshed;
  await expect(page.getByText('Dataverse integrations (5 h)')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /session/ })).toHaveCount(0);
});

test('a read Graph does not answer in time says so clearly, and Try again works once it answers', async ({
  page,
}) => {
  await shortTimeLimit(page);
  await signIn(page, 'admin', '/token-inspector');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await armFault({
    method: 'GET',
    path: '/policies/tokenLifetimePolicies',
    count: 10,
    outcome: 'hang',
  });
  await page.getByRole('link', { name: 'Policies', exact: true }).click();
  const failure = page
    .getByRole('alert')
    .filter({ hasText: 'Could not load the token lifetime policies' });
  await expect(failure).toContainText(
    'Graph did not answer in 3 s — check your connection, then Try again.',
  );
  await clearFaults();
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Dataverse integrations (5 h)')).toBeVisible();
});

test('after a delete the page never says it could not load the policy', async ({ page }) => {
  const id = await createPolicy('Short-lived 1h', '01:00:00');
  await signIn(page, 'admin', `/policies/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Short-lived 1h' })).toBeVisible();
  await page.evaluate(() => {
    const seen = () =>
      document.body.innerText.includes('Could not load this policy') &&
      document.documentElement.setAttribute('data-saw-load-error', '1');
    new MutationObserver(seen).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete policy' }).click();
  await page.waitForURL(/\/policies\?deleted=/);
  await expect(page.getByTestId('policy-row').first()).toBeVisible();
  expect(await page.locator('html').getAttribute('data-saw-load-error')).toBeNull();
});

test('signing out keeps an unsaved draft, and says so first', async ({ page }) => {
  page.on('dialog', (dialog) => dialog.accept());
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('Draft across sign-out');
  await page.getByRole('button', { name: 'Account: Adele Admin' }).click();
  await expect(page.getByTestId('drafts-kept')).toContainText(
    'Your unsaved policy draft stays in this tab when you sign out',
  );
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await signIn(page, 'admin', '/policies/new');
  await page.goto('/policies/new');
  await expect(page.getByText('Your unsaved changes were restored.')).toBeVisible();
  await expect(page.getByLabel('Display name (required)')).toHaveValue('Draft across sign-out');
});
