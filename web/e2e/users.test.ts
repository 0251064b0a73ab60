import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, devToken } from './api';
import { collectPageErrors, launchBrowser, signIn } from './browser';
import { seriousViolations } from './screen-check';

const webUrl = inject('webUrl');

describe('users screen', () => {
  let browser: Browser;
  let firmId: string;
  let firmName: string;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launchBrowser();
    const users = (await (await fetch(`${webUrl}/v1/dev/users`)).json()) as {
      items: Array<{ role: string; enterpriseId?: string; name: string }>;
    };
    const officer = users.items.find((user) => user.role === 'enterprise');
    firmId = officer?.enterpriseId ?? '';
    const { name: _name, ...claims } = officer ?? { name: '' };
    firmName = (
      await apiGet<{ name: string }>(webUrl, await devToken(webUrl, claims), `/enterprises/${firmId}`)
    ).name;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the authority invites an inspector, who can then sign in through the provider', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, 'authority-demo');
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('heading', { name: 'Người dùng', level: 1 }).waitFor();
    const email = `thanh-tra-${stamp}@sld.example`;
    const form = page.getByTestId('invite-user');
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Vai trò').selectOption('inspector');
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await page.getByTestId(`user-${email}`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The same e-mail again is refused with the API's message.
    await form.getByLabel('E-mail').fill(email.toUpperCase());
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    await page.getByText('Địa chỉ e-mail này đã có tài khoản.').waitFor();

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByTestId('sign-in').click();
    await page.getByText(email).waitFor();
    await page.locator('li', { hasText: email }).getByRole('button').click();
    await page.getByTestId('signed-in').waitFor();
    expect(await page.getByTestId('signed-in').textContent()).toContain('Thanh tra lao động');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a zone manager invites and disables an enterprise user of their firm, at 360 px wide', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, 'zm-tranoc');
    await page.goto(`${webUrl}/users`);
    const form = page.getByTestId('invite-user');
    expect(await form.getByLabel('Vai trò').locator('option').count()).toBe(1);
    const email = `can-bo-${stamp}@firm.example`;
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Mã doanh nghiệp').fill(firmId);
    await form.getByRole('button', { name: 'Gửi lời mời' }).click();
    const row = page.getByTestId(`user-${email}`);
    await row.waitFor();
    // The firm shows by its name, not its id.
    expect(await row.textContent()).toContain(`Doanh nghiệp: ${firmName}`);
    expect(await row.textContent()).not.toContain(firmId);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /Khóa tài khoản/ }).click();
    await row.getByText('Đã khóa').waitFor();
    // A disabled account is no longer offered by the provider's login page.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByTestId('sign-in').click();
    await page.getByTestId('login-zm-tranoc').waitFor();
    expect(await page.getByText(email).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
