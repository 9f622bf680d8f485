// One targeted failure at each step of the multi-step writes: after each, what the UI says the
// tenant holds is what Graph (read behind the UI's back) holds, and the offered repair works.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  armFault,
  definition,
  graphAsAutomation,
  resetTenant,
  signIn,
  type FaultRule,
} from './fixtures';

const CDS = '00000007-0000-0000-c000-000000000000';
const ORDERS_API = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01';
const POLICY = '/policies/tokenLifetimePolicies/*';
const refused = { status: 400, code: 'Request_BadRequest' };
const broken = { status: 500, code: 'InternalServerError' };

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

async function linkedTo(kind: 'applications' | 'servicePrincipals', appId: string) {
  const graph = await graphAsAutomation();
  const object = (await graph.get(`/${kind}?$filter=appId eq '${appId}'`)).body.value[0];
  return (await graph.get(`/${kind}/${object.id}/tokenLifetimePolicies`)).body.value.map(
    (p: { displayName: string }) => p.displayName,
  );
}

async function repair(scope: Locator, name: string) {
  await scope.getByRole('button', { name, exact: true }).click();
}

test.describe('organization default switch (policy page), “Previous 4h” → “Next 8h”', () => {
  const steps: Array<{
    step: string;
    faults: FaultRule[];
    says: string;
    holds: string[];
    repairWith?: string;
    afterRepair?: { says: string; holds: string[] };
  }> = [
    {
      step: 'unsetting the old default is refused',
      faults: [{ method: 'PATCH', path: POLICY, count: 1, outcome: refused }],
      says: 'Nothing changed: “Previous 4h” is still the organization default. “Next 8h” could not be made the default.',
      holds: ['Previous 4h'],
      repairWith: 'Make “Next 8h” the organization default (replacing “Previous 4h”)',
      afterRepair: { says: '“Next 8h” is now the organization default.', holds: ['Next 8h'] },
    },
    {
      step: 'setting the new default fails, the old one is put back',
      faults: [{ method: 'PATCH', path: POLICY, skip: 1, count: 1, outcome: broken }],
      says: 'Nothing changed: “Previous 4h” is still the organization default. “Next 8h” could not be made the default.',
      holds: ['Previous 4h'],
    },
    {
      step: 'setting the new default and putting the old one back both fail',
      faults: [{ method: 'PATCH', path: POLICY, skip: 1, count: 2, outcome: broken }],
      says: 'The tenant now has NO organization default (was “Previous 4h”). “Next 8h” could not be made the default, and putting “Previous 4h” back failed too.',
      holds: [],
      repairWith: 'Restore “Previous 4h” as the organization default',
      afterRepair: {
        says: '“Previous 4h” is now the organization default.',
        holds: ['Previous 4h'],
      },
    },
    {
      step: 'the set fails and reading the tenant back fails too',
      faults: [
        { method: 'PATCH', path: POLICY, skip: 1, count: 1, outcome: broken },
        {
          method: 'GET',
          path: '/policies/tokenLifetimePolicies',
          skip: 1,
          count: 2,
          outcome: broken,
        },
      ],
      says: 'Outcome unknown: the switch did not finish cleanly and the tenant could not be read back. “Next 8h” may or may not be the organization default; “Previous 4h” was before. Check before changing anything else.',
      holds: ['Previous 4h'],
      repairWith: 'Check what the tenant holds',
      afterRepair: {
        says: 'Nothing changed: “Previous 4h” is still the organization default. “Next 8h” could not be made the default.',
        holds: ['Previous 4h'],
      },
    },
  ];
  for (const s of steps) {
    test(s.step, async ({ page }) => {
      await createPolicy('Previous 4h', '04:00:00', true);
      const id = await createPolicy('Next 8h', '08:00:00');
      await signIn(page, 'admin', `/policies/${id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Next 8h' })).toBeVisible();
      await page.getByRole('button', { name: 'Make organization default' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByTestId('impact-table')).toBeVisible();
      for (const fault of s.faults) await armFault(fault);
      await dialog.getByLabel(/Type .* to confirm/).fill('Next 8h');
      await dialog.getByRole('button', { name: 'Make organization default' }).click();
      const state = page.getByTestId('default-switch-state');
      await expect(state).toHaveText(s.says);
      expect(await defaults()).toEqual(s.holds);
      if (!s.repairWith || !s.afterRepair) return;
      await repair(page.getByTestId('default-switch-report'), s.repairWith);
      await expect(state).toHaveText(s.afterRepair.says);
      expect(await defaults()).toEqual(s.afterRepair.holds);
    });
  }
});

test.describe('create as organization default', () => {
  async function createAsDefault(page: Page, faults: FaultRule[]) {
    await createPolicy('Previous 4h', '04:00:00', true);
    await signIn(page, 'admin', '/policies/new');
    await page.getByLabel('Display name (required)').fill('Created 8h');
    await page.getByLabel(/TimeSpan or short form/).fill('8h');
    await page.getByRole('checkbox', { name: /Make it the organization default/ }).check();
    await page.getByRole('button', { name: 'Review and save' }).click();
    await expect(page.getByRole('dialog').getByTestId('impact-table')).toBeVisible();
    for (const fault of faults) await armFault(fault);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: 'Create as organization default' })
      .click();
  }

  test('the create’s answer is lost: the policy is found, made the default, and opened', async ({
    page,
  }) => {
    await createAsDefault(page, [
      {
        method: 'POST',
        path: '/policies/tokenLifetimePolicies',
        count: 1,
        when: 'after',
        outcome: broken,
      },
    ]);
    await expect(page.getByRole('heading', { level: 1, name: 'Created 8h' })).toBeVisible();
    const graph = await graphAsAutomation();
    expect((await graph.policies()).filter((p) => p.displayName === 'Created 8h')).toHaveLength(1);
    expect(await defaults()).toEqual(['Created 8h']);
  });

  test('unsetting the old default is refused: created, not the default, repaired in one click', async ({
    page,
  }) => {
    await createAsDefault(page, [{ method: 'PATCH', path: POLICY, count: 1, outcome: refused }]);
    const report = page.getByTestId('created-report');
    await expect(report).toContainText('Policy “Created 8h” was created.');
    await expect(report.getByTestId('default-switch-state')).toHaveText(
      'Nothing changed: “Previous 4h” is still the organization default. “Created 8h” could not be made the default.',
    );
    expect(await defaults()).toEqual(['Previous 4h']);
    await expect(page.getByRole('button', { name: 'Review and save' })).toBeDisabled();
    await repair(report, 'Make “Created 8h” the organization default (replacing “Previous 4h”)');
    await expect(report.getByTestId('default-switch-state')).toHaveText(
      '“Created 8h” is now the organization default.',
    );
    expect(await defaults()).toEqual(['Created 8h']);
  });
});

test.describe('single replace on the application page, “Contoso 2h” → “Reporting API 12h”', () => {
  const LINK = '/applications/*/tokenLifetimePolicies/$ref';
  const UNLINK = '/applications/*/tokenLifetimePolicies/*/$ref';
  const steps: Array<{
    step: string;
    fault: FaultRule;
    says: string;
    holds: string[];
    repairWith?: string;
    afterRepair?: { says: string; holds: string[] };
  }> = [
    {
      step: 'the unlink is refused',
      fault: { method: 'DELETE', path: UNLINK, count: 1, outcome: refused },
      says: 'unchanged: still has “Contoso 2h”',
      holds: ['Contoso 2h'],
      repairWith: 'Link “Reporting API 12h” to Contoso Orders API',
      afterRepair: {
        says: 'Repaired: the application object now has “Reporting API 12h”.',
        holds: ['Reporting API 12h'],
      },
    },
    {
      step: 'the link fails and the previous policy is put back',
      fault: { method: 'POST', path: LINK, count: 1, outcome: broken },
      says: 'unchanged: still has “Contoso 2h”',
      holds: ['Contoso 2h'],
    },
    {
      step: 'the link’s answer is lost although it happened',
      fault: { method: 'POST', path: LINK, count: 1, when: 'after', outcome: broken },
      says: 'Replaced “Contoso 2h” with “Reporting API 12h”.',
      holds: ['Reporting API 12h'],
    },
  ];
  for (const s of steps) {
    test(s.step, async ({ page }) => {
      await signIn(page, 'admin', `/applications/${ORDERS_API}`);
      const control = page.getByTestId('control-application');
      await control
        .getByLabel('Token lifetime policy on the application object')
        .selectOption({ label: 'Reporting API 12h' });
      await expect(control.getByTestId('impact-table')).toBeVisible();
      await armFault(s.fault);
      await control
        .getByRole('button', { name: 'Replace “Contoso 2h” with “Reporting API 12h”' })
        .click();
      await expect(control).toContainText(s.says);
      expect(await linkedTo('applications', ORDERS_API)).toEqual(s.holds);
      if (!s.repairWith || !s.afterRepair) return;
      await repair(control.getByTestId('link-change-report'), s.repairWith);
      await expect(control).toContainText(s.afterRepair.says);
      expect(await linkedTo('applications', ORDERS_API)).toEqual(s.afterRepair.holds);
    });
  }
});

test.describe('bulk replace on Common Data Service, “Dataverse integrations (5 h)” → “Bulk 2h”', () => {
  const steps: Array<{ step: string; fault: FaultRule; says: string; holds: string[] }> = [
    {
      step: 'the unlink sub-request is refused (the link depending on it is not sent)',
      fault: {
        method: 'DELETE',
        path: '/servicePrincipals/*/tokenLifetimePolicies/*/$ref',
        count: 1,
        outcome: refused,
      },
      says: 'Common Data Service: unchanged: still has “Dataverse integrations (5 h)”',
      holds: ['Dataverse integrations (5 h)'],
    },
    {
      step: 'the link sub-request fails and the previous policy is put back',
      fault: {
        method: 'POST',
        path: '/servicePrincipals/*/tokenLifetimePolicies/$ref',
        count: 1,
        outcome: broken,
      },
      says: 'Common Data Service: unchanged: still has “Dataverse integrations (5 h)”',
      holds: ['Dataverse integrations (5 h)'],
    },
    {
      step: 'the link sub-request’s answer is lost although it happened',
      fault: {
        method: 'POST',
        path: '/servicePrincipals/*/tokenLifetimePolicies/$ref',
        count: 1,
        when: 'after',
        outcome: broken,
      },
      says: 'Common Data Service: now has “Bulk 2h” (was “Dataverse integrations (5 h)”)',
      holds: ['Bulk 2h'],
    },
  ];
  for (const s of steps) {
    test(s.step, async ({ page }) => {
      const id = await createPolicy('Bulk 2h', '02:00:00');
      await signIn(page, 'admin', `/policies/${id}`);
      await page.getByRole('button', { name: 'Link to…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('tab', { name: 'Microsoft first-party' }).click();
      await dialog.getByRole('checkbox', { name: /Common Data Service/ }).check();
      await dialog.getByRole('button', { name: 'Preview the effect' }).click();
      await expect(dialog.getByTestId('impact-table')).toBeVisible();
      await armFault(s.fault);
      await dialog.getByRole('button', { name: 'Link 1 object' }).click();
      await expect(dialog.getByTestId('bulk-outcome-state')).toHaveText(s.says);
      expect(await linkedTo('servicePrincipals', CDS)).toEqual(s.holds);
    });
  }
});
