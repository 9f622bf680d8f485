import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import {
  armFault,
  definition,
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';
import { CDS } from './tenant';

test.beforeEach(() => resetTenant());

async function downloadText(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFile(await file.path(), 'utf8');
}

async function loadBaseline(page: Page, text: string) {
  await page.getByLabel('Baseline file (JSON), or drop it here').setInputFiles({
    name: 'baseline.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

test('export as code, drift the tenant, load the baseline, apply exactly the plan, no drift; the history names who changed what @entra', async ({
  page,
}) => {
  await signIn(page, 'admin', '/desired-state');
  const baseline = await downloadText(page, 'Download baseline (JSON)');
  expect(JSON.parse(baseline)).toMatchObject({
    schema: 'token-lifetime-policies-baseline',
    version: 1,
  });
  const script = await downloadText(page, 'Download PowerShell script');
  expect(script.startsWith('\uFEFF')).toBe(true);
  expect(script).toContain("DisplayName = 'Contoso 2h'");
  expect(script).toContain(`ServicePrincipalAppIds = @('${CDS}')`);
  const dsc = await downloadText(page, 'Download Microsoft365DSC configuration');
  expect(dsc).toContain('AADTokenLifetimePolicy');
  expect(dsc).toContain("DisplayName           = 'Dataverse integrations (5 h)'");

  // The tenant drifts behind the dashboard's back, as the automation client.
  const graph = await graphAsAutomation();
  const policies = await graph.policies();
  const contoso = policies.find((p) => p.displayName === 'Contoso 2h')!;
  const dataverse = policies.find((p) => p.displayName === 'Dataverse integrations (5 h)')!;
  expect(
    (
      await graph.patch(`/policies/tokenLifetimePolicies/${contoso.id}`, {
        definition: definition('04:00:00'),
      })
    ).status,
  ).toBe(204);
  expect(
    (
      await graph.post('/policies/tokenLifetimePolicies', {
        displayName: 'Drift 1h',
        definition: definition('01:00:00'),
      })
    ).status,
  ).toBe(201);
  const cds = await graph.servicePrincipalByAppId(CDS);
  expect(
    (await graph.delete(`/servicePrincipals/${cds.id}/tokenLifetimePolicies/${dataverse.id}/$ref`))
      .status,
  ).toBe(204);

  await page.reload();
  await loadBaseline(page, baseline);
  const steps = page.getByTestId('plan-step');
  await expect(steps).toHaveText([
    'Change “Contoso 2h”: lifetime 4 h → 2 h',
    `Link “Dataverse integrations (5 h)” to ${cds.displayName} (service principal)`,
    'Delete policy “Drift 1h” (its links go with it)',
  ]);
  await expect(page.getByTestId('plan-impact')).toContainText(cds.displayName);
  await expect(page.getByTestId('plan-impact')).toContainText('5 h');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Apply 3 changes' }).click();
  await expect(page.getByTestId('apply-summary')).toHaveText('3 of 3 applied.');
  await expect(page.getByTestId('no-drift')).toBeVisible();
  const after = await graph.policies();
  expect(after.map((p) => p.displayName)).not.toContain('Drift 1h');
  expect(
    (await graph.get(`/servicePrincipals/${cds.id}/tokenLifetimePolicies`)).body.value[0].id,
  ).toBe(dataverse.id);

  // History: the journey's own changes, with the right actor (user or app), old → new.
  await page.goto('/history');
  await page.getByRole('button', { name: 'Show the history' }).click();
  const entries = page.getByTestId('history-entry');
  const byAdmin = entries.filter({ hasText: 'Adele Admin' });
  await expect(byAdmin.filter({ hasText: 'Policy changed' })).toContainText(
    'Lifetime: 04:00:00 → 02:00:00',
  );
  await expect(byAdmin.filter({ hasText: 'Link added' })).toContainText(cds.displayName);
  await expect(byAdmin.filter({ hasText: 'Policy deleted' })).toContainText('Drift 1h');
  const byAutomation = entries.filter({ hasText: 'demo-automation' });
  await expect(byAutomation.filter({ hasText: 'Policy changed' })).toContainText(
    'Lifetime: 02:00:00 → 04:00:00',
  );
  await expect(byAutomation.filter({ hasText: 'Link removed' })).toContainText(cds.displayName);
  await expect(page.getByText('Entra keeps audit entries for 30 days')).toBeVisible();

  // The same history, per policy.
  await page.goto(`/policies/${contoso.id}`);
  await page.getByRole('link', { name: 'Change history', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Change history of Contoso 2h' })).toBeVisible();
  await expect(entries.filter({ hasText: 'Policy changed' })).toHaveCount(2);
  await expect(entries.filter({ hasText: 'Drift 1h' })).toHaveCount(0);

  // ...and per application: the link removed by the automation, added back by the admin.
  await page.goto(`/applications/${CDS}`);
  await page.getByRole('link', { name: 'Change history', exact: true }).click();
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('Link added');
  await expect(entries.nth(0)).toContainText('Adele Admin');
  await expect(entries.nth(1)).toContainText('Link removed');
  await expect(entries.nth(1)).toContainText('demo-automation');
});

test('a bad baseline: a message per item, nothing applied until each is excluded', async ({
  page,
}) => {
  await signIn(page, 'admin', '/desired-state');
  await loadBaseline(page, '{not json');
  await expect(page.getByTestId('baseline-file-problem')).toContainText('not JSON');
  await loadBaseline(
    page,
    JSON.stringify({ schema: 'token-lifetime-policies-baseline', version: 9, policies: [] }),
  );
  await expect(page.getByTestId('baseline-file-problem')).toContainText('version 9');

  const policy = (displayName: string, extra: Record<string, unknown> = {}) => ({
    displayName,
    description: null,
    accessTokenLifetime: '02:00:00',
    isOrganizationDefault: false,
    links: [],
    ...extra,
  });
  await loadBaseline(
    page,
    JSON.stringify({
      schema: 'token-lifetime-policies-baseline',
      version: 1,
      policies: [
        policy('Contoso 2h'),
        policy('contoso 2h'),
        policy('Too long', { accessTokenLifetime: '1.00:00:00' }),
        policy('Doc style', { accessTokenLifetime: '00:90:00' }),
        policy('Default A', { isOrganizationDefault: true }),
        policy('Default B', { isOrganizationDefault: true }),
        policy('Ghost link', {
          links: [{ appId: '99999999-9999-4999-8999-999999999999', object: 'servicePrincipal' }],
        }),
      ],
    }),
  );
  const problems = page.getByTestId('baseline-problem');
  await expect(problems).toHaveCount(7);
  await expect(problems.filter({ hasText: 'Too long' })).toContainText(
    'Nearest valid value: 23:59:59',
  );
  await expect(problems.filter({ hasText: 'Doc style' })).toContainText('write 01:30:00');
  await expect(problems.filter({ hasText: 'Ghost link' })).toContainText('No service principal');
  await expect(page.getByTestId('plan-steps')).toHaveCount(0);
  for (const where of ['contoso 2h', 'Too long', 'Doc style', 'Default B'])
    await problems
      .filter({ hasText: `Policy '${where}'` })
      .first()
      .getByRole('checkbox')
      // The problem (and its checkbox) goes away once resolved: click, not check().
      .click();
  await problems
    .filter({ hasText: 'Ghost link' })
    .getByRole('checkbox', { name: 'Exclude this link' })
    .click();
  await expect(problems).toHaveCount(0);
  await expect(page.getByTestId('plan-steps')).toBeVisible();
  await expect(
    page.getByTestId('plan-step').filter({ hasText: 'Make “Default A” the organization default' }),
  ).toContainText('tenant-wide');
});

test('history asks for the audit log permissions when first opened, and says what is missing when Graph refuses', async ({
  page,
}) => {
  await signIn(page, 'admin', '/history');
  await expect(page.getByText('AuditLog.Read.All and Directory.Read.All')).toBeVisible();
  await armFault({
    method: 'GET',
    path: '/auditLogs/directoryAudits',
    count: 20,
    outcome: { status: 403, code: 'Authorization_RequestDenied' },
  });
  await page.getByRole('button', { name: 'Show the history' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'refused to read the audit log (403)' }),
  ).toBeVisible();
});

test('apply through the safe paths: a lost create answer makes no duplicate, a failed step is retried', async ({
  page,
}) => {
  await signIn(page, 'admin', '/desired-state');
  const baseline = await downloadText(page, 'Download baseline (JSON)');
  const graph = await graphAsAutomation();
  const policies = await graph.policies();
  const unused = policies.find((p) => p.displayName === 'Unused 30 min')!;
  const contoso = policies.find((p) => p.displayName === 'Contoso 2h')!;
  expect((await graph.delete(`/policies/tokenLifetimePolicies/${unused.id}`)).status).toBe(204);
  await graph.patch(`/policies/tokenLifetimePolicies/${contoso.id}`, {
    definition: definition('03:00:00'),
  });

  await page.reload();
  await loadBaseline(page, baseline);
  await expect(page.getByTestId('plan-step')).toHaveCount(2);
  // The create is carried out but its answer never arrives; the update is refused once.
  await armFault({
    method: 'POST',
    path: '/policies/tokenLifetimePolicies',
    count: 1,
    when: 'after',
    // A status, not "drop": Chromium itself re-sends a request whose reused socket was reset.
    outcome: { status: 504, code: 'GatewayTimeout', message: 'Injected: the answer was lost.' },
  });
  await armFault({
    method: 'PATCH',
    path: '/policies/tokenLifetimePolicies/*',
    count: 1,
    outcome: { status: 400, code: 'Request_BadRequest', message: 'Injected refusal.' },
  });
  await page.getByRole('button', { name: 'Apply 2 changes' }).click();
  const summary = page.getByTestId('apply-summary');
  await expect(summary).toHaveText('1 of 2 applied.');
  const results = page.getByTestId('apply-result');
  await expect(results.filter({ hasText: 'Create policy “Unused 30 min”' })).toContainText(
    'Graph did not confirm, but the policy is there',
  );
  await expect(results.filter({ hasText: 'Change “Contoso 2h”' })).toContainText('Failed');
  expect((await graph.policies()).filter((p) => p.displayName === 'Unused 30 min')).toHaveLength(1);

  await page.getByRole('button', { name: 'Retry the steps not applied' }).click();
  await expect(summary).toHaveText('2 of 2 applied.');
  await expect(page.getByTestId('no-drift')).toBeVisible();
});
