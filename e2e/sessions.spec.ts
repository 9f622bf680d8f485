// Sessions after the retirement (30 January 2021): Conditional Access governs them; a report-only
// draft replaces a retired MaxAge… value. Seed: demo-tenant/directory/seed-access.ts and seed.ts
// ("Legacy session policy": MaxAgeSingleFactor 12:00:00).
import { expect, test } from '@playwright/test';
import {
  armFault,
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';

const FABRIKAM_LEGACY_PORTAL = 'Fabrikam Legacy Portal';
const MANAGED_IDENTITY_APP_ID = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c06';

test.beforeEach(() => resetTenant());

interface CaPolicy {
  displayName: string;
  state: string;
  conditions: { applications: { includeApplications: string[] } };
  sessionControls: { signInFrequency: { type: string; value: number } | null } | null;
}

async function conditionalAccessPolicies(): Promise<CaPolicy[]> {
  const graph = await graphAsAutomation();
  return (await graph.get('/identity/conditionalAccess/policies')).body.value;
}

async function openDraft(page: import('@playwright/test').Page) {
  const legacy = page.getByTestId('legacy-policy').filter({ hasText: 'Legacy session policy' });
  await expect(legacy.getByTestId('replacement')).toHaveText(
    'Equivalent today: sign-in frequency 12 hours (from MaxAgeSingleFactor 12:00:00).',
  );
  await legacy
    .getByRole('button', { name: 'Draft a report-only Conditional Access policy' })
    .click();
  return page.getByRole('dialog', { name: 'Draft a report-only Conditional Access policy' });
}

test('sessions show what governs them today and create a report-only sign-in frequency draft after a preview @entra', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(page, 'admin', '/audit');
  const sessions = page.getByTestId('sessions');
  await expect(sessions.getByTestId('session-terms')).toContainText('Continuous Access Evaluation');
  await expect(
    sessions.getByRole('link', {
      name: 'Configure sign-in frequency and persistent browser session',
    }),
  ).toHaveAttribute(
    'href',
    'https://learn.microsoft.com/en-us/entra/identity/conditional-access/howto-conditional-access-session-lifetime',
  );
  const governing = sessions.getByTestId('governing-list').getByRole('listitem');
  await expect(governing).toHaveCount(3);
  await expect(governing.first()).toContainText('Sign-in every 8 hours (all apps)');
  await expect(governing.first()).toContainText('On — sign-in frequency 8 hours; all apps');
  await expect(governing.nth(1)).toContainText('Report-only — persistent browser session: never');
  await expect(governing.nth(2)).toContainText('<img src=x onerror=alert(2)> weekly sign-in');
  await expect(governing.nth(2)).toContainText('Off — sign-in frequency 7 days; 1 app(s)');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const dialog = await openDraft(page);
  await expect(dialog).toContainText(
    'New-MgIdentityConditionalAccessPolicy -BodyParameter $params',
  );
  await expect(dialog).toContainText("State = 'enabledForReportingButNotEnforced'");
  await expect(dialog).toContainText('Policy.ReadWrite.ConditionalAccess');
  await expectNoSeriousA11yViolations(page);
  // Nothing exists before the explicit confirmation.
  expect(await conditionalAccessPolicies()).toHaveLength(4);
  await dialog.getByRole('button', { name: 'Create in report-only state' }).click();
  await expect(dialog).toContainText('Created in report-only state.');

  const policies = await conditionalAccessPolicies();
  expect(policies).toHaveLength(5);
  const created = policies.find((p) => p.displayName.startsWith('Sign-in every 12 hours'))!;
  expect(created.displayName).toBe('Sign-in every 12 hours (replaces “Legacy session policy”)');
  expect(created.state).toBe('enabledForReportingButNotEnforced');
  expect(created.sessionControls?.signInFrequency).toMatchObject({ type: 'hours', value: 12 });
  const graph = await graphAsAutomation();
  const fabrikam = (
    await graph.get(`/servicePrincipals?$filter=displayName eq '${FABRIKAM_LEGACY_PORTAL}'`)
  ).body.value[0];
  expect(created.conditions.applications.includeApplications).toContain(fabrikam.appId);
  // A managed identity never signs users in: it is no target.
  expect(created.conditions.applications.includeApplications).not.toContain(
    MANAGED_IDENTITY_APP_ID,
  );
  expect(dialogs).toEqual([]);
});

test('a create whose answer is lost is found by name and never made twice', async ({ page }) => {
  await armFault({
    method: 'POST',
    path: '/identity/conditionalAccess/policies',
    count: 1,
    when: 'after',
    outcome: { status: 503, code: 'ServiceUnavailable' },
  });
  await signIn(page, 'admin', '/audit');
  const dialog = await openDraft(page);
  await dialog.getByRole('button', { name: 'Create in report-only state' }).click();
  await expect(dialog).toContainText('Graph’s answer was lost, but the policy exists');
  await expect(dialog.getByRole('button', { name: 'Create in report-only state' })).toHaveCount(0);
  expect(await conditionalAccessPolicies()).toHaveLength(5);
});

test('a create refused before it ran is reported as not created and can be made again', async ({
  page,
}) => {
  await armFault({
    method: 'POST',
    path: '/identity/conditionalAccess/policies',
    count: 1,
    outcome: { status: 503, code: 'ServiceUnavailable' },
  });
  await signIn(page, 'admin', '/audit');
  const dialog = await openDraft(page);
  await dialog.getByRole('button', { name: 'Create in report-only state' }).click();
  await expect(dialog).toContainText('no policy of this name exists (checked by name)');
  expect(await conditionalAccessPolicies()).toHaveLength(4);
  await dialog.getByRole('button', { name: 'Create in report-only state' }).click();
  await expect(dialog).toContainText('Created in report-only state.');
  expect(await conditionalAccessPolicies()).toHaveLength(5);
});

test('a reader sees the sessions but Graph refuses the draft, and says why', async ({ page }) => {
  await signIn(page, 'reader', '/audit');
  const dialog = await openDraft(page);
  await dialog.getByRole('button', { name: 'Create in report-only state' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The draft was not created');
  await expect(dialog.getByTestId('error-code')).toHaveText('Authorization_RequestDenied');
  expect(await conditionalAccessPolicies()).toHaveLength(4);
});
