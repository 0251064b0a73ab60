import { readFile } from 'node:fs/promises';
import type { DemoUser } from '@antoan/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, devToken } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, PHONE } from './screen-check';

const webUrl = inject('webUrl');

/**
 * The year the enterprise test writes: 2024, which neither the demo data (2025 and 2026) nor another test file
 * touches, so its report starts with the form empty whatever ran before.
 */
const YEAR = 2024;

/** Twelve axe passes per screen (two sizes, two languages, three screens) take time on a loaded machine. */
const TIMEOUT = 240_000;

interface ListPage<T> {
  items: T[];
}

/** The page at both sizes and in both languages: no sideways scroll, no serious axe violation, one h1. */
async function checkEverySize(page: Page, name: string, ready: () => Promise<unknown>): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      await page.setViewportSize(viewport);
      await ready();
      await expectScreenOk(page, `${name} (${lang}, ${size})`);
    }
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang === 'vi' ? 'en' : 'vi');
  }
}

describe('reports', () => {
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
    // AxeBuilder opens a page of its own in the context, so the page needs an explicit context.
    const context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    page = await context.newPage();
    errors = collectPageErrors(page);
    return page;
  };

  it(
    'the enterprise fills the annual form, sees the figure from the form and the missing list shrink, and downloads XLSX',
    async () => {
      const users = (await (await fetch(`${webUrl}/v1/dev/users`)).json()) as ListPage<DemoUser>;
      const officer = users.items.filter((user) => user.role === 'enterprise').at(-1);
      if (!officer?.enterpriseId) throw new Error('no demo officer');
      await newPage();
      await signIn(page, webUrl, officer.sub);

      // The header's "Báo cáo" link opens the annual report; the year picker moves to the year under test.
      await page.getByRole('link', { name: 'Báo cáo' }).click();
      await page.waitForURL(/\/annual-report/);
      await page.getByTestId('year-picker').selectOption(String(YEAR));
      await expect.poll(() => page.locator('h1').textContent()).toContain(String(YEAR));
      await page.getByTestId('annual-form').waitFor();

      const missingCount = page.getByTestId('missing-count');
      const before = Number(await missingCount.textContent());
      expect(before).toBeGreaterThan(0);
      const medical = page.getByTestId('source-osh.medicalStaff');
      expect(await medical.textContent()).toBe('Còn thiếu');
      expect(
        await page.locator('[data-testid="missing-list"] li[data-figure="osh.medicalStaff"]').count(),
      ).toBe(1);
      // Figures the records hold are shown with their record.
      expect(await page.getByTestId('source-workforce.total').textContent()).toBe('Hồ sơ doanh nghiệp');
      expect(await page.getByTestId('source-accidents.total').textContent()).toMatch(/^Sổ tai nạn lao động/);
      expect(await page.getByTestId('report-complete').getAttribute('data-complete')).toBe('false');

      const field = page.locator('[data-field="medicalStaff"]');
      const fieldError = page.locator('#field-medicalStaff-error');
      // Not a number: refused in the page, beside the field.
      await field.fill('hai');
      await page.getByTestId('save-annual').click();
      await expect.poll(() => fieldError.textContent()).toContain('số nguyên');
      // Beyond the API's bound: the API's 400 names the field, shown beside it in the page's language (the
      // API's Vietnamese message, with no English in it); nothing is saved.
      await field.fill('2000000');
      await page.getByTestId('save-annual').click();
      await expect.poll(() => fieldError.textContent()).toBe('Số người lao động tối đa là 1.000.000');
      expect(Number(await missingCount.textContent())).toBe(before);

      await field.fill('2');
      await page.getByTestId('save-annual').click();
      await expect.poll(() => page.getByTestId('annual-status').getAttribute('data-state')).toBe('saved');
      await expect.poll(() => missingCount.textContent()).toBe(String(before - 1));
      expect(await medical.textContent()).toBe('Biểu mẫu số liệu năm');
      expect(await page.locator('[data-figure="osh.medicalStaff"] .line-value').textContent()).toContain('2');
      expect(
        await page.locator('[data-testid="missing-list"] li[data-figure="osh.medicalStaff"]').count(),
      ).toBe(0);
      expect(await fieldError.count()).toBe(0);

      // The XLSX download: the API's file name, and a real Office Open XML workbook (a zip with a workbook part).
      const [response, download] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/reports/annual') && r.url().includes('format=xlsx')),
        page.waitForEvent('download'),
        page.getByTestId('download-xlsx').click(),
      ]);
      expect(response.status()).toBe(200);
      const disposition = response.headers()['content-disposition'] ?? '';
      expect(disposition).toMatch(
        new RegExp(`^attachment; filename="[A-Za-z0-9._-]*${YEAR}[A-Za-z0-9._-]*\\.xlsx"$`),
      );
      expect(disposition).toContain(download.suggestedFilename());
      const file = await readFile(await download.path());
      expect(file.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      expect(file.includes('[Content_Types].xml')).toBe(true);
      expect(file.includes('xl/workbook.xml')).toBe(true);

      await checkEverySize(page, 'annual report', () => page.getByTestId('report-lines').waitFor());
      await page.setViewportSize({ width: 360, height: 740 });
      await screenshot(page, 'enterprise-annual-report-360');
      await page.setViewportSize({ width: 1366, height: 900 });
      await screenshot(page, 'enterprise-annual-report-1366');
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'the zone manager sees the zone report: three indicators against their targets, as charts and text',
    async () => {
      await newPage();
      await signIn(page, webUrl, 'zm-tranoc');
      await page.goto(`${webUrl}/zones/zone-tn1/report`);
      const indicators = page.getByTestId('indicators');
      await indicators.waitFor();
      expect(await indicators.locator('article').count()).toBe(3);
      for (const code of ['fatal_accident_rate', 'od_examined_workers', 'monitored_facilities']) {
        const card = page.getByTestId(`indicator-${code}`);
        // A chart drawn by recharts, with its figures as text beside it.
        await card.locator('.recharts-surface').waitFor();
        expect(await card.getByTestId('indicator-value').textContent()).toMatch(/\d|chưa biết/);
        expect(await card.getByTestId('indicator-numerator').textContent()).toMatch(/^\d/);
        expect(await card.getByTestId('indicator-denominator').textContent()).toMatch(/^\d/);
      }
      expect(await page.getByTestId('firms-total').textContent()).toMatch(/^\d/);
      // A zone manager has no city report link in the header.
      expect(await page.getByRole('link', { name: 'Báo cáo' }).count()).toBe(0);
      await checkEverySize(page, 'zone report', () =>
        indicators.locator('.recharts-surface').first().waitFor(),
      );
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'the authority sees the city report with one row per zone',
    async () => {
      const token = await devToken(webUrl, { sub: 'authority-demo', role: 'authority' });
      const zones = await apiGet<ListPage<{ id: string }>>(webUrl, token, '/zones?limit=200');
      await newPage();
      await signIn(page, webUrl, 'authority-demo');
      await page.getByRole('link', { name: 'Báo cáo' }).click();
      await page.waitForURL(/\/reports\/city/);
      const rows = page.locator('[data-testid="zone-rows"] tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(zones.items.length);
      expect(await page.getByTestId('indicators').locator('article').count()).toBe(3);
      // At least one of the demo's targets is met and one missed.
      const cards = await page.locator('[data-testid^="indicator-"][data-met]').all();
      const met = await Promise.all(cards.map((card) => card.getAttribute('data-met')));
      expect(met).toContain('true');
      expect(met).toContain('false');
      await checkEverySize(page, 'city report', () => rows.first().waitFor());
      await page.setViewportSize({ width: 360, height: 740 });
      await screenshot(page, 'authority-city-report-360');
      await page.setViewportSize({ width: 1366, height: 900 });
      await screenshot(page, 'authority-city-report-1366');
      expect(errors).toEqual([]);
      await page.context().close();
    },
    TIMEOUT,
  );
});
