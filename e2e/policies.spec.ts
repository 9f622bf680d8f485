import { expect, test, type Page } from '@playwright/test';
import {
  definition,
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';

test.beforeEach(() => resetTenant());

async function expectTenantSane() {
  const graph = await graphAsAutomation();
  const policies = await graph.policies();
  const names = policies.map((p) => p.displayName);
  expect(new Set(names).size, `duplicate policy names: ${names.join(', ')}`).toBe(names.length);
  expect(policies.filter((p) => p.isOrganizationDefault).length).toBeLessThanOrEqual(1);
  return policies;
}

async function createPolicy(page: Page, name: string, lifetime: string) {
  await page.goto('/policies/new');
  await page.getByLabel('Display name (required)').fill(name);
  await page.getByLabel(/TimeSpan or short form/).fill(lifetime);
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Create policy' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('create a 2 h policy, edit it to 8 h with an impact preview, make it the default, delete it @entra', async ({
  page,
}) => {
  const graph = await graphAsAutomation();
  const previous = await graph.post('/policies/tokenLifetimePolicies', {
    displayName: 'Previous default 4h',
    definition: definition('04:00:00'),
    isOrganizationDefault: true,
  });
  expect(previous.status).toBe(201);
  await signIn(page, 'admin');

  await createPolicy(page, 'E2E exports 2h', '2h');
  await expect(page.getByTestId('policy-lifetime')).toHaveText('2 h');
  let policies = await expectTenantSane();
  const created = policies.find((p) => p.displayName === 'E2E exports 2h')!;
  expect(JSON.parse(created.definition[0]).TokenLifetimePolicy.AccessTokenLifetime).toBe(
    '02:00:00',
  );

  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('button', { name: '8 h' }).click();
  await expect(page.getByTestId('lifetime-ok')).toContainText('08:00:00');
  await page.getByRole('button', { name: 'Review and save' }).click();
  await expect(page.getByRole('dialog').getByTestId('impact-none')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('policy-lifetime')).toHaveText('8 h');

  await page.getByRole('button', { name: 'Make organization default' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm).toContainText('tenant-wide');
  await expect(confirm).toContainText('replaces "Previous default 4h"');
  await expect(confirm.getByTestId('impact-table')).toContainText('8 h');
  // Tenant-wide: the switch waits for the policy's name to be typed.
  const makeDefault = confirm.getByRole('button', { name: 'Make organization default' });
  await expect(makeDefault).toBeDisabled();
  await confirm.getByLabel(/Type .* to confirm/).fill('E2E exports 2h');
  await makeDefault.click();
  await expect(page.getByText('is now the organization default')).toBeVisible();
  policies = await expectTenantSane();
  expect(policies.filter((p) => p.isOrganizationDefault).map((p) => p.displayName)).toEqual([
    'E2E exports 2h',
  ]);

  await page.getByRole('button', { name: 'Delete' }).click();
  const del = page.getByRole('dialog');
  const deleteButton = del.getByRole('button', { name: 'Delete policy' });
  await expect(deleteButton).toBeDisabled();
  await del.getByLabel(/Type .* to confirm/).fill('E2E exports 2h');
  await deleteButton.click();
  await page.waitForURL(/\/policies\?deleted=/);
  policies = await expectTenantSane();
  expect(policies.map((p) => p.displayName)).not.toContain('E2E exports 2h');
});

test('out-of-range lifetimes are refused with the allowed range and cannot be saved', async ({
  page,
}) => {
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('Too short');
  const lifetime = page.getByLabel(/TimeSpan or short form/);
  await lifetime.fill('00:05:00');
  await expect(page.getByTestId('lifetime-error')).toContainText('minimum is 10 minutes');
  await expect(page.getByTestId('lifetime-error')).toContainText(
    'Allowed range: 10 minutes to 23:59:59',
  );
  await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();
  await lifetime.fill('1.00:00:01');
  await expect(page.getByTestId('lifetime-error')).toContainText('maximum is 23:59:59');
  await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();
  // Graph refuses exactly 24 h (MicrosoftDocs/azure-docs#37342, MicrosoftDocs/entra-docs#1946).
  await lifetime.fill('1.00:00:00');
  await expect(page.getByTestId('lifetime-error')).toContainText('refused by Microsoft Graph');
  await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();
  await page.getByRole('button', { name: 'Use 23:59:59' }).click();
  await expect(page.getByTestId('lifetime-ok')).toContainText('23:59:59');
  await page.getByRole('button', { name: '1 day', exact: true }).click();
  await expect(page.getByTestId('lifetime-ok')).toContainText('23:59:59');
  await expect(page.getByTestId('one-day-preset-note')).toContainText('refuses exactly 24 hours');
  await lifetime.fill('banana');
  await expect(page.getByTestId('lifetime-error')).toContainText('Expected');
  const policies = await expectTenantSane();
  expect(policies.map((p) => p.displayName)).not.toContain('Too short');
});

test('editing a linked policy previews which apps change, from → to @entra', async ({ page }) => {
  await signIn(page, 'admin', '/policies');
  await page.getByRole('link', { name: 'Contoso 2h' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/TimeSpan or short form/).fill('8h');
  await page.getByRole('button', { name: 'Review and save' }).click();
  const impact = page.getByRole('dialog').getByTestId('impact-table');
  await expect(impact).toContainText('Contoso Orders API');
  await expect(impact).toContainText('2 h');
  await expect(impact).toContainText('8 h');
  const rows = await impact.getByTestId('impact-row').count();
  await expect(impact.getByTestId('impact-count')).toHaveText(
    `${rows} applications change effective lifetime`,
  );
  // The client-only export script holds this policy, but no token is issued for it: said in the row.
  await expect(
    impact.getByTestId('impact-row').filter({ hasText: 'Nightly export script' }),
  ).toContainText('no effect: client-only app');
});

test('making an app-linked policy the default previews only apps whose tokens change @entra', async ({
  page,
}) => {
  // Seed: "Legacy session policy" (8 h) is linked to the Fabrikam Legacy Portal app object. As the
  // organization default the same policy decides there by another link — 8 h → 8 h, same policy —
  // so that app does not change; Contoso Orders API (2 h on its app object) does.
  await signIn(page, 'admin', '/policies');
  await page.getByRole('link', { name: 'Legacy session policy' }).click();
  await page.getByRole('button', { name: 'Make organization default' }).click();
  const impact = page.getByRole('dialog').getByTestId('impact-table');
  await expect(impact).toContainText('Contoso Orders API');
  await expect(impact).not.toContainText('Fabrikam Legacy Portal');
  const rows = await impact.getByTestId('impact-row').count();
  expect(rows).toBeGreaterThan(1);
  await expect(impact.getByTestId('impact-count')).toHaveText(
    `${rows} applications change effective lifetime`,
  );
  // Apps on the built-in default say so once: "60–90 min (built-in)", never "(built-in) (built-in)".
  await expect(
    impact.getByTestId('impact-from').filter({ hasText: '60–90 min (built-in)' }).first(),
  ).toBeVisible();
  await expect(impact).not.toContainText('(built-in) (built-in)');
});

test('seeded policies with retired properties and a non-canonical value show their findings', async ({
  page,
}) => {
  await signIn(page, 'admin', '/policies?finding=retired');
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await page.getByRole('link', { name: 'Legacy session policy' }).click();
  await expect(
    page.getByText('MaxInactiveTime was retired on 30 January 2021 and does nothing any more', {
      exact: false,
    }),
  ).toBeVisible();
  await page.goto('/policies?finding=non-canonical');
  await expect(page.getByTestId('policy-row')).toHaveCount(1);
  await expect(page.getByTestId('policy-row')).toContainText('Doc-style 90 minutes');
  await expect(page.getByTestId('policy-row')).toContainText('00:90:00');
});

test('a change made elsewhere since the form opened is shown before overwriting', async ({
  page,
}) => {
  const graph = await graphAsAutomation();
  await signIn(page, 'admin', '/policies');
  await page.getByRole('link', { name: 'Unused 30 min' }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel(/TimeSpan or short form/).fill('45m');
  const id = page.url().split('/').at(-2)!;
  expect(
    (
      await graph.patch(`/policies/tokenLifetimePolicies/${id}`, {
        displayName: 'Renamed elsewhere',
      })
    ).status,
  ).toBe(204);
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('This policy changed since you opened it.')).toBeVisible();
  await expect(page.getByText('Renamed elsewhere')).toBeVisible();
  await page.getByRole('button', { name: 'Discard mine and load theirs' }).click();
  await expect(page.getByLabel('Display name (required)')).toHaveValue('Renamed elsewhere');
});

test('the reader sees write actions disabled with the reason', async ({ page }) => {
  await signIn(page, 'reader', '/policies');
  await expect(page.getByRole('link', { name: 'New policy' })).toHaveCount(0);
  await expect(page.getByText(/Read-only: You are signed in as reader@contoso.demo/)).toBeVisible();
  await page.getByRole('link', { name: 'Contoso 2h' }).click();
  await expect(page.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Edit' })).toBeDisabled();
});

test('create a policy using only the keyboard', async ({ page }) => {
  await signIn(page, 'admin', '/policies/new');
  const tabUntil = async (locator: ReturnType<Page['getByRole']>) => {
    for (let i = 0; i < 30; i++) {
      if (await locator.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('focus never reached the element by Tab');
  };
  await tabUntil(page.getByLabel('Display name (required)'));
  await page.keyboard.type('Keyboard 4h');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Made without a mouse');
  await tabUntil(page.getByRole('button', { name: '4 h' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lifetime-ok')).toContainText('04:00:00');
  await tabUntil(page.getByRole('button', { name: 'Review and save' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await tabUntil(page.getByRole('dialog').getByRole('button', { name: 'Create policy' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard 4h' })).toBeVisible();
  await expect(page.getByTestId('policy-lifetime')).toHaveText('4 h');
});

test('policy pages have no serious accessibility violations, light and dark', async ({ page }) => {
  await signIn(page, 'admin', '/policies');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/policies');
    await expect(page.getByTestId('policy-row').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: 'Legacy session policy' }).click();
    await expect(page.getByRole('heading', { name: 'Findings' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.goto('/policies/new');
    await expect(page.getByLabel('Display name (required)')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test('leaving a form with unsaved changes asks first', async ({ page }) => {
  await signIn(page, 'admin', '/policies/new');
  await page.getByLabel('Display name (required)').fill('Half-typed');
  const messages: string[] = [];
  page.once('dialog', async (dialog) => {
    messages.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Applications' }).click();
  await expect(page).toHaveURL(/\/policies\/new$/);
  expect(messages[0]).toContain('unsaved changes');
  await expect(page.getByLabel('Display name (required)')).toHaveValue('Half-typed');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('link', { name: 'Applications' }).click();
  await expect(page).toHaveURL(/\/applications/);
});
