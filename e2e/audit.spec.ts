import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, resetTenant, signIn } from './fixtures';

test.beforeEach(() => resetTenant());

test('the audit lists extended lifetimes, policy findings, unlinked policies and unsupported links @entra', async ({
  page,
}) => {
  await signIn(page, 'admin', '/audit');
  await expect(page.getByTestId('extended-list')).toContainText('Common Data Service');
  await expect(page.getByTestId('findings-list')).toContainText('Legacy session policy');
  await expect(page.getByTestId('findings-list')).toContainText('Doc-style 90 minutes');
  await expect(page.getByTestId('unlinked-list')).toContainText('Unused 30 min');
  await expect(page.getByTestId('unsupported-list')).toContainText('vm-backup-identity');
  await expect(page.getByTestId('org-default-summary')).toContainText('No organization default');
  expect(Number(await page.getByTestId('count-extended').innerText())).toBeGreaterThan(0);
  // "Nightly export script" is client-only and holds the 2 h policy: no token is issued for it, so
  // its policy has no effect (its app page says so) and the audit does not count it as extended.
  await expect(page.getByTestId('extended-list')).not.toContainText('Nightly export script');
  expect(Number(await page.getByTestId('count-no-effect').innerText())).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
});
