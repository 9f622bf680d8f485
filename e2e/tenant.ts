// The seeded objects the journeys use, and what the tenant holds, read over Graph behind the UI's
// back (as the automation client): one copy for every spec.
import { expect, type Page } from '@playwright/test';
import { definition, graphAsAutomation } from './fixtures';

/** Common Data Service (Dataverse): a first-party service principal seeded with a 5 h policy. */
export const CDS = '00000007-0000-0000-c000-000000000000';
/** Contoso Orders API: an app registration of the tenant, with its service principal. */
export const ORDERS_API = '2b7a6c1e-4d5f-4a8b-9c0d-1e2f3a4b5c01';

/** Display names of the policies that are the organization default now. */
export async function defaults(): Promise<string[]> {
  const graph = await graphAsAutomation();
  return (await graph.policies()).filter((p) => p.isOrganizationDefault).map((p) => p.displayName);
}

/** Creates a policy over Graph, as another admin would, and returns its id. */
export async function createPolicy(
  name: string,
  lifetime: string,
  isOrganizationDefault = false,
): Promise<string> {
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
export async function linkedTo(
  kind: 'applications' | 'servicePrincipals',
  appId: string,
): Promise<string[]> {
  const graph = await graphAsAutomation();
  const object = (await graph.get(`/${kind}?$filter=appId eq '${appId}'`)).body.value[0];
  return (await graph.get(`/${kind}/${object.id}/tokenLifetimePolicies`)).body.value.map(
    (p: { displayName: string }) => p.displayName,
  );
}

/**
 * On a policy's page, opens "Link to…", picks Common Data Service and previews the effect; returns
 * the dialog once the impact table shows (the tenant's index is loaded by then, so a fault armed
 * afterwards hits the write, not the read).
 */
export async function previewLinkToDataverse(page: Page) {
  await page.getByRole('button', { name: 'Link to…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Microsoft first-party' }).click();
  await dialog.getByRole('checkbox', { name: /Common Data Service/ }).check();
  await dialog.getByRole('button', { name: 'Preview the effect' }).click();
  await expect(dialog.getByTestId('impact-table')).toBeVisible();
  return dialog;
}
