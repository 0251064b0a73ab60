import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); `CHROMIUM_PATH` points elsewhere. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless Chromium with nothing running in the background that could slow a test or reach the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the app and signs in as the user `sub` the real way: Authorization Code + PKCE through the local
 * OpenID provider, whose login page lists every account (one click, no password).
 */
export async function signIn(page: Page, webUrl: string, sub: string): Promise<void> {
  await page.goto(webUrl);
  await page.getByTestId('sign-in').click();
  await page.getByTestId(`login-${sub}`).click();
  await page.getByTestId('signed-in').waitFor();
}

/** Saves a screenshot when `ANTOAN_SCREENSHOT_DIR` is set (to look at the layout; never committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const directory = process.env.ANTOAN_SCREENSHOT_DIR;
  if (directory) await page.screenshot({ path: join(directory, `${name}.png`), fullPage: false });
}

/** Fails the test on any error the page logs, so a broken screen cannot pass quietly. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
