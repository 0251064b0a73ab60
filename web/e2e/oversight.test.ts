import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';

const webUrl = inject('webUrl');

describe('zone manager and inspector', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const newPage = async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(page);
    return page;
  };

  it('the sign-in page switches language, and the local provider lists a user of every role', async () => {
    await newPage();
    await page.goto(webUrl);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByTestId('language-toggle').click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByTestId('language-toggle').click();
    await page.getByTestId('sign-in').click();
    await page.getByTestId('login-zm-tranoc').waitFor();
    const users = await page.locator('main ul').textContent();
    for (const role of ['Doanh nghiệp', 'Ban quản lý KCN', 'Thanh tra', 'Cơ quan quản lý']) {
      expect(users).toContain(role);
    }
    await page.close();
  });

  it('a zone manager sees their zones, a dashboard with explanations, firms page by page, a read-only profile', async () => {
    await newPage();
    await signIn(page, webUrl, 'zm-tranoc');
    const zones = page.getByTestId('zones');
    await zones.waitFor();
    expect(await zones.locator('li').count()).toBe(2);

    await zones.locator('a').first().click();
    const dashboard = page.getByTestId('dashboard');
    await dashboard.waitFor();
    const enterprises = Number(
      await page.getByTestId('tile-enterprises').locator('.tile-value').textContent(),
    );
    const submitted = Number(await page.getByTestId('tile-submitted').locator('.tile-value').textContent());
    const draft = Number(await page.getByTestId('tile-draft').locator('.tile-value').textContent());
    const notStarted = Number(await page.getByTestId('tile-notStarted').locator('.tile-value').textContent());
    expect(submitted + draft + notStarted).toBe(enterprises);
    expect(await page.getByTestId('tile-overdue').locator('.tile-explain').textContent()).toContain(
      'Bỏ lỡ kỳ trước',
    );
    expect(await page.getByTestId('rating-bars').locator('li').count()).toBe(4);

    // The firm list pages with "load more".
    const rows = page.locator('[data-testid="zone-firms"] tbody tr');
    await rows.first().waitFor();
    const firstPage = await rows.count();
    const loadMore = page.getByTestId('load-more');
    if (await loadMore.isVisible()) {
      await loadMore.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(firstPage);
    }
    await screenshot(page, 'zone-dashboard');

    await page.getByTestId('language-toggle').click();
    await expect
      .poll(() => page.getByTestId('tile-overdue').locator('.tile-explain').textContent())
      .toContain('Missed the previous period');
    await page.getByTestId('language-toggle').click();

    // A firm's profile is read-only for a manager: no start button.
    await rows.first().locator('a').click();
    await page.getByTestId('self-inspection-status').waitFor();
    await page.getByText('Chỉ xem: chỉ cán bộ của doanh nghiệp mới được sửa.').waitFor();
    expect(await page.getByRole('button', { name: /Bắt đầu tự kiểm tra/ }).count()).toBe(0);

    // A reload keeps the session; signing out ends it.
    await page.reload();
    await page.getByTestId('self-inspection-status').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an inspector gets a ranked target list, each entry with its reasons in the chosen language', async () => {
    await newPage();
    await signIn(page, webUrl, 'inspector-demo');
    await page.getByRole('link', { name: 'Danh sách đề xuất thanh tra' }).click();
    const targets = page.getByTestId('targets');
    await targets.locator('li.target').first().waitFor();
    const first = targets.locator('li.target').first();
    expect(await first.locator('.reasons li').count()).toBeGreaterThan(0);
    const reasonVi = await first.locator('.reasons').textContent();
    await screenshot(page, 'targets');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => first.locator('.reasons').textContent()).not.toBe(reasonVi);
    expect(await page.locator('h1').textContent()).toBe('Inspection targets');
    expect(errors).toEqual([]);
    await page.close();
  });
});
