import { expect, test } from '@playwright/test';
import {
  definition,
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';
import { ORDERS_API } from './tenant';

test.beforeEach(() => resetTenant());

test('link a 3 h policy to an API, get a test token, and see it match @entra', async ({ page }) => {
  const graph = await graphAsAutomation();
  expect(
    (
      await graph.post('/policies/tokenLifetimePolicies', {
        displayName: 'Orders 3h',
        definition: definition('03:00:00'),
      })
    ).status,
  ).toBe(201);
  await signIn(page, 'admin', `/applications/${ORDERS_API}`);
  const control = page.getByTestId('control-servicePrincipal');
  await control
    .getByLabel('Token lifetime policy on the service principal')
    .selectOption({ label: 'Orders 3h' });
  await control.getByRole('button', { name: 'Link' }).click();
  await expect(control).toContainText('Linked “Orders 3h”.');
  await page.getByRole('link', { name: 'Token inspector' }).click();
  await page.getByLabel('Resource').selectOption({ label: 'Contoso Orders API' });
  // From the admin's own session (MSAL, `{appId}/.default`): no client secret in the browser.
  await page.getByRole('button', { name: 'Get a test token with my session' }).click();
  await expect(page.getByTestId('token-lifetime')).toHaveText('3 h');
  await expect(page.getByTestId('token-verdict')).toContainText('Matches the effective policy');
  await expectNoSeriousA11yViolations(page);
});

test('malformed pastes get clear messages, never a crash', async ({ page }) => {
  await signIn(page, 'admin', '/token-inspector');
  const box = page.getByLabel('Paste an access token or ID token (JWT)');
  await box.fill('not a token at all');
  await expect(page.getByTestId('token-problem')).toContainText('three parts');
  await box.fill('eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d');
  await expect(page.getByTestId('token-problem')).toContainText('encrypted');
  await box.fill('<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"/>');
  await expect(page.getByTestId('token-problem')).toContainText('SAML');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
});
