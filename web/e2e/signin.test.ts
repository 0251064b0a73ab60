import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser, signIn } from './browser';

const webUrl = inject('webUrl');

interface DemoUser {
  sub: string;
  role: string;
  enterpriseId?: string;
}

/** The page's localStorage, inside `page.evaluate` (the e2e project has no DOM types). */
declare const localStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

/** The stored OpenID user (oidc-client-ts keeps it in localStorage under `oidc.user:<authority>:<client>`). */
const storedUser = (page: Page) =>
  page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith('oidc.user:'));
    return key
      ? { key, user: JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown> }
      : null;
  });

describe('sign-in through the OpenID provider (Authorization Code + PKCE)', () => {
  let browser: Browser;
  let users: DemoUser[];

  beforeAll(async () => {
    browser = await launchBrowser();
    users = ((await (await fetch(`${webUrl}/v1/dev/users`)).json()) as { items: DemoUser[] }).items;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const homeOf = (user: DemoUser) =>
    user.role === 'enterprise' ? `/enterprises/${user.enterpriseId}` : '/zones';

  it.each(['authority', 'inspector', 'zone_manager', 'enterprise'])(
    'signs in as %s, lands on the role’s home, signs out, and back shows nothing protected',
    async (role) => {
      const user = users.find((candidate) => candidate.role === role);
      if (!user) throw new Error(`no demo ${role}`);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = collectPageErrors(page);
      await page.goto(webUrl);
      await page.getByTestId('sign-in').click();
      // The provider's own login page, on its own path: a real redirect, not a token put in storage.
      await page.waitForURL((url) => url.pathname.startsWith('/oidc/interaction/'));
      await page.getByTestId(`login-${user.sub}`).click();
      await page.getByTestId('signed-in').waitFor();
      await page.waitForURL((url) => url.pathname === homeOf(user));
      const protectedContent = role === 'enterprise' ? 'self-inspection-status' : 'zones';
      await page.getByTestId(protectedContent).waitFor();
      expect((await storedUser(page))?.user.id_token).toEqual(expect.any(String));

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await storedUser(page)).toBeNull();

      await page.goBack();
      await page.waitForLoadState();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      expect(await page.getByTestId('signed-in').count()).toBe(0);
      expect(await page.getByTestId(protectedContent).count()).toBe(0);
      // The provider's session ended too: signing in again asks who you are.
      await page.getByTestId('sign-in').click();
      await page.getByTestId(`login-${user.sub}`).waitFor();
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('keeps a second tab signed in, and refreshes the tokens silently before they expire', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await context.newPage();
    await signIn(first, webUrl, 'inspector-demo');
    const second = await context.newPage();
    await second.goto(`${webUrl}/targets`);
    await second.getByTestId('signed-in').waitFor();
    await second.getByTestId('targets').waitFor();

    // Make the stored tokens expire in 30 s: inside the one-minute window, so the client refreshes at once.
    const before = await storedUser(second);
    if (!before) throw new Error('no stored user');
    await second.evaluate(
      ({ key, user }) =>
        localStorage.setItem(
          key,
          JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) + 30 }),
        ),
      before,
    );
    await second.reload();
    await expect
      .poll(async () => (await storedUser(second))?.user.id_token, { timeout: 20_000 })
      .not.toBe(before.user.id_token);
    expect(Number((await storedUser(second))?.user.expires_at)).toBeGreaterThan(Date.now() / 1000 + 600);
    await second.getByTestId('targets').waitFor();
    await context.close();
  });

  it('sends a refused token to sign in, then back to the page the user was on', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, webUrl, 'zm-tranoc');
    await page.goto(`${webUrl}/zones/zone-tn1?period=2026`);
    await page.getByTestId('dashboard').waitFor();

    // A token the API refuses (its signature broken) though the app believes it valid.
    const stored = await storedUser(page);
    if (!stored) throw new Error('no stored user');
    const broken = `${String(stored.user.id_token).slice(0, -4)}AAAA`;
    await page.evaluate(
      ({ key, user, token }) => localStorage.setItem(key, JSON.stringify({ ...user, id_token: token })),
      { ...stored, token: broken },
    );
    await page.reload();
    // 401 → the provider (whose session still lives) → back here with fresh tokens.
    await page.waitForURL((url) => url.pathname === '/zones/zone-tn1' && url.search === '?period=2026', {
      timeout: 30_000,
    });
    await page.getByTestId('dashboard').waitFor();
    expect((await storedUser(page))?.user.id_token).not.toBe(broken);
    await page.close();
  });
});
