import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { buildPolicyContext, resolveEffectiveLifetime } from '../lib/policy/resolve';
import {
  definition,
  expectNoSeriousA11yViolations,
  graphAsAutomation,
  resetTenant,
  signIn,
} from './fixtures';
import { CDS } from './tenant';

const GRAPH_APP = '00000003-0000-0000-c000-000000000000';

test.beforeEach(() => resetTenant());

test('the seeded Dataverse policy wins for Common Data Service, explained step by step @entra', async ({
  page,
}) => {
  await signIn(page, 'admin', `/applications?q=Common Data`);
  const row = page.getByTestId('app-row').filter({ hasText: 'Common Data Service' });
  await expect(row).toContainText('5 h');
  await expect(row).toContainText('Policy on the service principal');
  await row.getByRole('link', { name: 'Common Data Service' }).click();
  await expect(page.getByTestId('effective-lifetime')).toHaveText('5 h');
  await expect(page.getByTestId('effective-source')).toContainText('Dataverse integrations (5 h)');
  await expect(page.getByTestId('explanation-step').first()).toContainText('won');
  await expectNoSeriousA11yViolations(page);
});

test('an organization default changes the winners exactly as lib/policy says, and flags disagreements', async ({
  page,
}) => {
  const graph = await graphAsAutomation();
  expect(
    (
      await graph.post('/policies/tokenLifetimePolicies', {
        displayName: 'Org default 4h',
        definition: definition('04:00:00'),
        isOrganizationDefault: true,
      })
    ).status,
  ).toBe(201);
  // What lib/policy says, from the tenant read over Graph.
  const policies = await graph.policies();
  const context = buildPolicyContext(policies);
  const cdsSp = await graph.servicePrincipalByAppId(CDS);
  const cdsPolicy = (await graph.get(`/servicePrincipals/${cdsSp.id}/tokenLifetimePolicies`)).body
    .value[0].id;
  const expectedCds = resolveEffectiveLifetime(
    {
      appId: CDS,
      displayName: 'Common Data Service',
      servicePrincipal: { ...cdsSp, appId: CDS },
      servicePrincipalPolicyId: cdsPolicy,
    },
    context,
  );
  const graphSp = await graph.servicePrincipalByAppId(GRAPH_APP);
  const expectedGraph = resolveEffectiveLifetime(
    {
      appId: GRAPH_APP,
      displayName: 'Microsoft Graph',
      servicePrincipal: { ...graphSp, appId: GRAPH_APP },
    },
    context,
  );
  expect(expectedGraph.seconds).toBe(4 * 3600);
  expect(expectedCds.rulesDisagree).toBe(true);

  await signIn(page, 'admin', '/applications?q=Microsoft Graph');
  await expect(page.getByTestId('app-row').filter({ hasText: 'Microsoft Graph' })).toContainText(
    '4 h',
  );
  await expect(page.getByTestId('app-row').filter({ hasText: 'Microsoft Graph' })).toContainText(
    'Organization default',
  );
  await page.goto('/applications?disagree=1');
  const cdsRow = page.getByTestId('app-row').filter({ hasText: 'Common Data Service' });
  await expect(cdsRow).toContainText(expectedCds.seconds === 18000 ? '5 h' : '?');
  await expect(cdsRow.getByTestId('disagree-flag')).toBeVisible();
  await cdsRow.getByRole('link', { name: 'Common Data Service' }).click();
  await expect(page.getByTestId('rules-disagree')).toContainText('4 h');
  await page.getByLabel('Precedence rule').selectOption('current-article');
  await expect(page.getByTestId('effective-lifetime')).toHaveText('4 h');
});

test('CSV export has the right rows and neutralises a display name starting with =', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications?q=HYPERLINK');
  await expect(page.getByTestId('row-count')).toHaveText(/^1 of /);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split('\r\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('displayName');
  expect(lines[1].startsWith(`"'=HYPERLINK(""http://example.invalid"",""click"")"`)).toBe(true);
});

test('the applications view keeps the DOM small at tenant scale and has no serious a11y violations', async ({
  page,
}) => {
  await signIn(page, 'admin', '/applications');
  await expect(page.getByTestId('app-row').first()).toBeVisible();
  const total = Number(
    (await page.getByTestId('row-count').innerText())
      .split(' of ')[1]
      .split(' ')[0]
      .replace(/,/g, ''),
  );
  expect(total).toBeGreaterThan(200);
  expect(await page.getByTestId('app-row').count()).toBeLessThan(100);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
});
