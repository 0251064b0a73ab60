import type { Page as ListPage, ZoneRosterPage } from '@antoan/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, devToken } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, PHONE } from './screen-check';

const webUrl = inject('webUrl');
/** Trà Nóc 1: 30 demo firms, some high-risk (half-yearly self-inspections), the others yearly. */
const ZONE = 'zone-tn1';

/** Checks the screen as it is now at both sizes and in both languages, leaving it in Vietnamese at desktop size. */
async function checkEverywhere(page: Page, name: string, ready: () => Promise<unknown>, shots?: string) {
  for (const lang of ['vi', 'en'] as const) {
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      await ready();
      // Charts follow their container's new width on the next animation frames.
      await page.waitForTimeout(300);
      await expectScreenOk(page, `${name} ${lang} ${size.width}`);
      if (shots && lang === 'vi') await screenshot(page, `${shots}-${size.width}`);
    }
    await page.getByTestId('language-toggle').click();
  }
  await ready();
}

describe('zone view and city overview', () => {
  let browser: Browser;
  let roster: ZoneRosterPage;
  let zones: number;

  beforeAll(async () => {
    browser = await launchBrowser();
    const manager = await devToken(webUrl, {
      sub: 'zm-tranoc',
      role: 'zone_manager',
      zoneIds: [ZONE, 'zone-tn2'],
    });
    roster = await apiGet<ZoneRosterPage>(webUrl, manager, `/zones/${ZONE}/firms?limit=200`);
    const authority = await devToken(webUrl, { sub: 'authority-demo', role: 'authority' });
    zones = (await apiGet<ListPage<{ id: string }>>(webUrl, authority, '/zones?limit=200')).items.length;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the demo zone has 30 firms on both schedules', () => {
    expect(roster.total).toBeGreaterThanOrEqual(30);
    expect(roster.items.some((firm) => firm.schedule === 'half')).toBe(true);
    expect(roster.items.some((firm) => firm.schedule === 'year')).toBe(true);
  });

  let page: Page;
  let errors: string[];

  it('a zone manager’s zone list passes the screen checks', { timeout: 240_000 }, async () => {
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    errors = collectPageErrors(page);
    await signIn(page, webUrl, 'zm-tranoc');
    await page.getByTestId('zones').waitFor();
    await checkEverywhere(page, 'zone list', () => page.getByTestId('zones').waitFor());
  });

  it('a zone manager sees the whole zone, finds a firm by tax code, filters, sorts, pages, and sees the trends', {
    timeout: 240_000,
  }, async () => {
    await page.goto(`${webUrl}/zones/${ZONE}`);
    const tile = (key: string) => page.getByTestId(`tile-${key}`).locator('.tile-value');
    // The whole zone, not one schedule's share of it.
    await expect.poll(() => tile('enterprises').textContent()).toBe(String(roster.total));
    expect(await page.getByTestId('schedules').locator('li').count()).toBe(2);
    expect(await page.title()).toContain('TN1');

    // Paging: the first page, then the rest.
    const rows = page.locator('[data-testid="zone-firms"] tbody tr');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByTestId('load-more').click();
    await expect.poll(() => rows.count()).toBe(roster.total);
    expect(await page.getByTestId('load-more').count()).toBe(0);

    // Search by tax code, for a high-risk firm and for a yearly one.
    for (const schedule of ['half', 'year'] as const) {
      const firm = roster.items.find((candidate) => candidate.schedule === schedule);
      if (!firm) throw new Error(`no ${schedule} firm in the demo zone`);
      await page.getByTestId('firm-search').fill(firm.taxCode);
      await page.getByTestId('firm-search-submit').click();
      await expect.poll(() => rows.first().getAttribute('data-testid')).toBe(`firm-${firm.enterpriseId}`);
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain(firm.name);
    }
    await page.getByTestId('firm-search').fill('');
    await page.getByTestId('firm-search-submit').click();

    // Filter by status: exactly the submitted firms, all shown as submitted.
    const submitted = roster.items.filter((firm) => firm.status === 'submitted');
    await page.getByTestId('filter-status').selectOption('submitted');
    await expect.poll(() => rows.count()).toBe(Math.min(25, submitted.length));
    expect(await page.getByTestId('firm-count').textContent()).toContain(String(submitted.length));

    // Sort by score, highest first, with the column header.
    await page.getByTestId('sort-score').click();
    await page.getByTestId('sort-score').click();
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    const best = [...submitted].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
    await expect.poll(() => rows.first().getAttribute('data-testid')).toBe(`firm-${best?.enterpriseId}`);
    await page.getByTestId('filter-status').selectOption('');

    // Trends: a chart per schedule, with its figures as a table.
    await page.locator('[data-testid="trend-half"] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid="trend-year"] svg.recharts-surface').first().waitFor();
    expect(await page.locator('[data-testid="trend-year"] tbody tr').count()).toBeGreaterThan(0);
  });

  it('the zone view passes the screen checks', { timeout: 240_000 }, async () => {
    await checkEverywhere(
      page,
      'zone view',
      () => page.locator('[data-testid="zone-firms"] tbody tr').first().waitFor(),
      'zone_manager-zone',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the authority’s city overview lists every zone, the weakest ones and the links to the reports', {
    timeout: 240_000,
  }, async () => {
    page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    errors = collectPageErrors(page);
    await signIn(page, webUrl, 'authority-demo');
    await page.getByRole('link', { name: 'Thành phố' }).click();
    const zoneRows = page.locator('[data-testid="city-zones"] tbody tr');
    await expect.poll(() => zoneRows.count()).toBe(zones);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tổng quan thành phố');
    expect(await page.getByTestId('city-report-link').getAttribute('href')).toBe('/reports/city');
    expect(await page.locator(`a[href="/zones/${ZONE}/report"]`).count()).toBe(1);
    await page.getByTestId('weakest-rate').locator('li').first().waitFor();
  });

  it('the city overview passes the screen checks', { timeout: 240_000 }, async () => {
    const zoneRows = page.locator('[data-testid="city-zones"] tbody tr');
    await checkEverywhere(page, 'city overview', () => zoneRows.first().waitFor(), 'authority-city');
    expect(errors).toEqual([]);
    await page.close();
  });
});
