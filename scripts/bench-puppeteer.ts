// Debian's Chromium driven through Puppeteer, as the Lighthouse and repeat-visit benches use it,
// and the demo tenant's admin signing in through the real MSAL redirect.
import puppeteer, { type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS } from './chromium-path.mjs';
import { APP_URL } from './bench-servers';

export const SIGNED_IN = '[aria-label^="Account:"]';

/** Runs `measure` with a fresh headless Chromium and its first page; closes it whatever happens. */
export async function withChromiumPage<T>(
  executablePath: string,
  measure: (page: Page) => Promise<T>,
): Promise<T> {
  const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    return await measure(await browser.newPage());
  } finally {
    await browser.close();
  }
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${APP_URL}/policies`);
  await page.locator('button::-p-text(Sign in)').click();
  await page.waitForSelector('#email');
  await page.type('#email', 'admin@contoso.demo');
  await page.type('#password', 'Admin-Demo-1');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.waitForSelector(SIGNED_IN, { timeout: 30_000 });
}
