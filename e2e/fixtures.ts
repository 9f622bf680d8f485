import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const DEMO_URL = `http://localhost:${process.env.E2E_DEMO_PORT ?? 4110}`;
export const GRAPH = `${DEMO_URL}/v1.0`;
/** The demo tenant's Entra-shaped HTTPS endpoints: authority and Graph of the `entra` project. */
export const ENTRA_URL = `https://localhost:${process.env.E2E_DEMO_HTTPS_PORT ?? Number(process.env.E2E_DEMO_PORT ?? 4110) + 443}`;

/** Where this project signs in: the quick-start endpoints, or the Entra-shaped ones. */
export function authorityUrl(): string {
  return test.info().project.name === 'entra' ? ENTRA_URL : DEMO_URL;
}

/** What the shell calls the tenant: the demo's name, or (real-tenant mode) the tenant id. */
export function tenantLabel(): string {
  return test.info().project.name === 'entra'
    ? '3f0e9e5c-1b2a-4c3d-8e4f-5a6b7c8d9e0f'
    : 'Contoso demo tenant';
}

export const USERS = {
  admin: { email: 'admin@contoso.demo', password: 'Admin-Demo-1', name: 'Adele Admin' },
  reader: { email: 'reader@contoso.demo', password: 'Reader-Demo-1', name: 'Reese Reader' },
} as const;

/** Back to the seed, with faults (random and targeted) and latency off: every spec starts from the same tenant. */
export async function resetTenant(controls: { faultRate?: number; latencyMs?: number } = {}) {
  expect((await fetch(`${DEMO_URL}/_demo/reset`, { method: 'POST' })).ok).toBe(true);
  await setControls({ faultRate: 0, latencyMs: 0, ...controls });
}

export async function setControls(controls: { faultRate?: number; latencyMs?: number }) {
  const response = await fetch(`${DEMO_URL}/_demo/controls`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(controls),
  });
  expect(response.ok).toBe(true);
}

/** A targeted failure rule of the demo tenant (README, "Demo tenant": `POST /_demo/faults`). */
export interface FaultRule {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | '*';
  // Below /v1.0; `*` matches one segment, `**` any rest: `/servicePrincipals/*/tokenLifetimePolicies/$ref`.
  path: string;
  count?: number;
  skip?: number;
  /** before: nothing changes; after: the request is carried out, then its answer is replaced. */
  when?: 'before' | 'after';
  outcome:
    { status: number; code?: string; message?: string; retryAfter?: number } | 'drop' | 'hang';
}

/** Fails the chosen Graph requests until `count` of them failed (or until resetTenant/clearFaults). */
export async function armFault(rule: FaultRule): Promise<{ id: number }> {
  const response = await fetch(`${DEMO_URL}/_demo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: number };
}

export async function clearFaults() {
  expect((await fetch(`${DEMO_URL}/_demo/faults`, { method: 'DELETE' })).ok).toBe(true);
}

/** Signs in through the demo tenant's real login page, as a person would. */
export async function signIn(page: Page, who: keyof typeof USERS, path = '/policies') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${authorityUrl()}/**`);
  await page.getByLabel('Email').fill(USERS[who].email);
  await page.getByLabel('Password').fill(USERS[who].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: `Account: ${USERS[who].name}` })).toBeVisible();
}

export async function clientCredentialsToken(
  scope = 'https://graph.microsoft.com/.default',
  client = 'demo-automation',
) {
  const response = await fetch(`${DEMO_URL}/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client,
      client_secret: `${client}-secret`,
      scope,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { access_token: string; expires_in: number };
}

/** Graph as the automation client: to set up and to check the tenant's state behind the UI's back. */
export async function graphAsAutomation() {
  const { access_token } = await clientCredentialsToken();
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${GRAPH}${path}`, {
      method,
      headers: { Authorization: `Bearer ${access_token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
    delete: (path: string) => call('DELETE', path),
    async policies(): Promise<
      Array<{
        id: string;
        displayName: string;
        isOrganizationDefault: boolean;
        definition: string[];
      }>
    > {
      return (await call('GET', '/policies/tokenLifetimePolicies')).body.value;
    },
    async servicePrincipalByAppId(appId: string): Promise<{ id: string; displayName: string }> {
      return (await call('GET', `/servicePrincipals?$filter=appId eq '${appId}'`)).body.value[0];
    },
  };
}

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  ).toEqual([]);
}

export function definition(lifetime: string) {
  return [JSON.stringify({ TokenLifetimePolicy: { Version: 1, AccessTokenLifetime: lifetime } })];
}
