import { expect, test } from '@playwright/test';
import {
  authorityUrl,
  DEMO_URL,
  expectNoSeriousA11yViolations,
  resetTenant,
  signIn,
  tenantLabel,
} from './fixtures';

test.beforeEach(() => resetTenant());

test('admin signs in through the real login page, sees the tenant and can sign out @entra', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await expect(page.getByTestId('tenant-label')).toHaveText(tenantLabel());
  await expect(page.getByRole('heading', { name: 'Token lifetime policies' })).toBeVisible();
  await page.getByRole('button', { name: 'Account: Adele Admin' }).click();
  await expect(page.getByTestId('account-username')).toHaveText('admin@contoso.demo');
  await expect(page.getByText('Role: Cloud Application Administrator (can write)')).toBeVisible();
  // At once, while the tenant may still be loading: the sign-out once failed then, refused by MSAL
  // (interaction_in_progress) after the page's own token requests had found the session gone.
  await page.getByRole('button', { name: 'Sign out' }).click();
  // Out through the demo tenant's end-session endpoint and back to the dashboard, signed out.
  await page.waitForURL(`${authorityUrl()}/**`);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(page.url().startsWith(authorityUrl())).toBe(false);
  // Signing out leaves no token behind in the browser.
  const stored = await page.evaluate(
    () => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
  );
  expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
});

test('a wrong password gets a clear message and no session', async ({ page }) => {
  await page.goto('/policies');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill('admin@contoso.demo');
  await page.getByLabel('Password').fill('wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('email or password is incorrect');
});

test('the first response already holds the sign-in page for a signed-out browser, and not once signed in @entra', async ({
  page,
}) => {
  const card = 'Signing in asks only to';
  // No cookie yet: the server sends the card itself, so it paints before any JavaScript runs.
  const signedOut = await (await page.request.get('/policies')).text();
  expect(signedOut).toContain(card);
  await page.goto('/policies');
  // Its button works once MSAL has started.
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled({ timeout: 30_000 });
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Token lifetime policies' })).toBeVisible();
  const hint = (await page.context().cookies()).find((c) => c.name === 'tlp-session-hint');
  expect(hint?.value).toBe('signed-in');
  // The hint holds no account and no token, and dies with the browser session.
  expect(hint?.expires).toBe(-1);
  const signedIn = await (await page.request.get('/policies')).text();
  expect(signedIn).not.toContain(card);
  expect(signedIn).toContain('Starting sign-in…');
  // While MSAL starts, the server has already drawn the navigation and what the page is for.
  expect(signedIn).toContain('aria-label="Main"');
  expect(signedIn).toContain('Every token lifetime policy of the tenant');
});

test('reader signs in read-only @entra', async ({ page }) => {
  await signIn(page, 'reader');
  await page.getByRole('button', { name: 'Account: Reese Reader' }).click();
  await expect(page.getByText('Read-only account')).toBeVisible();
});

test('tokens stay out of localStorage, URLs and the console', async ({ page }) => {
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Token lifetime policies' })).toBeVisible();
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  expect(page.url()).not.toMatch(/eyJ|access_token|code=/);
  expect(consoleLines.join('\n')).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
});

test('an expired access token is renewed silently', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Token lifetime policies' })).toBeVisible();
  // Listen before aging: the page may still be reading the tenant, and renews the moment it next
  // asks MSAL for a token — possibly before the navigation below.
  const tokenRequest = page.waitForRequest(
    (request) =>
      request.url().startsWith(`${DEMO_URL}/token`) &&
      request.method() === 'POST' &&
      (request.postData() ?? '').includes('grant_type=refresh_token'),
  );
  // Age every cached access token as if the session had run past its lifetime.
  const expired = await page.evaluate(() => {
    let count = 0;
    for (const key of Object.keys(sessionStorage)) {
      const raw = sessionStorage.getItem(key);
      if (!raw || !raw.includes('"credentialType":"AccessToken"')) continue;
      const entry = JSON.parse(raw);
      entry.expiresOn = String(Math.floor(Date.now() / 1000) - 60);
      entry.extendedExpiresOn = entry.expiresOn;
      sessionStorage.setItem(key, JSON.stringify(entry));
      count++;
    }
    return count;
  });
  expect(expired).toBeGreaterThan(0);
  await page.goto('/applications');
  await page.goto('/policies');
  await tokenRequest;
  await expect(page.getByText('Dataverse integrations (5 h)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});

test('sign-in page and shell have no serious accessibility violations', async ({ page }) => {
  await page.goto('/policies');
  await expectNoSeriousA11yViolations(page);
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: 'Token lifetime policies' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousA11yViolations(page);
});

test('security headers: CSP limits connections to the authority and Graph @entra', async ({
  request,
}) => {
  const response = await request.get('/policies');
  const csp = response.headers()['content-security-policy'];
  expect(csp).toContain(`connect-src 'self' ${authorityUrl()}`);
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toContain('unsafe-eval');
  // Scripts run by nonce only, a fresh one per response: no 'unsafe-inline' in production.
  const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).not.toContain('unsafe-inline');
  const again = (await request.get('/policies')).headers()['content-security-policy'];
  expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(/'nonce-([^']+)'/.exec(csp)?.[1]);
  // ...and Next's own inline scripts carry it.
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(html).toContain(`nonce="${nonce}"`);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');
});

test('CSP: scripts run only with a per-response nonce (no unsafe-inline), and the dashboard still works', async ({
  page,
  request,
}) => {
  const scriptSrc = async () => {
    const csp = (await request.get('/policies')).headers()['content-security-policy'];
    return csp.split('; ').find((d) => d.startsWith('script-src '))!;
  };
  const first = await scriptSrc();
  expect(first).not.toContain('unsafe-inline');
  expect(first).toMatch(/'nonce-[\w+/=]{16,}'/);
  expect(await scriptSrc()).not.toBe(first);
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await signIn(page, 'admin');
  await expect(page.getByTestId('policy-row').first()).toBeVisible();
  expect(refused).toEqual([]);
});

test('unknown pages get a 404 page with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
