// The demo tenant's admin signs in through the real MSAL redirect, in a Puppeteer page (the
// Lighthouse and repeat-visit benches drive Chromium through Puppeteer).
import type { Page } from 'puppeteer-core';
import { APP_URL } from './bench-servers';

export const SIGNED_IN = '[aria-label^="Account:"]';

export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${APP_URL}/policies`);
  await page.locator('button::-p-text(Sign in)').click();
  await page.waitForSelector('#email');
  await page.type('#email', 'admin@contoso.demo');
  await page.type('#password', 'Admin-Demo-1');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector(SIGNED_IN, { timeout: 30_000 });
}
