import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, apiSend, devToken } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, horizontalOverflow, PHONE } from './screen-check';

const webUrl = inject('webUrl');

/** A real 1×1 PNG: what a phone camera would hand over, small enough to keep the test quick. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Checks the screen at both sizes in both languages, leaving it at `end` in Vietnamese. */
async function checkBothSizesAndLanguages(page: Page, name: string, ready: () => Promise<unknown>) {
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    for (const lang of ['vi', 'en']) {
      await ready();
      await expectScreenOk(page, `${name} ${size.width}px ${lang}`);
      await page.getByTestId('language-toggle').click();
    }
  }
  await page.setViewportSize(PHONE);
}

describe('inspector', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let firm: { id: string; name: string };
  let answered: { compliant: string; failing: string; observed: string[] };

  beforeAll(async () => {
    browser = await launchBrowser();
    // A firm of its own, with a self-check draft, so no other test file's changes matter.
    const authority = await devToken(webUrl, { sub: 'e2e-authority', role: 'authority' });
    const zones = await apiGet<{ items: Array<{ id: string }> }>(webUrl, authority, '/zones');
    const zoneId = zones.items[0]?.id ?? '';
    const taxCode = `39${String(Date.now()).slice(-8)}`;
    const created = await apiSend<{ id: string; name: string }>(
      webUrl,
      'POST',
      authority,
      '/enterprises',
      {
        taxCode,
        name: 'Cơ khí Kiểm Tra E2E',
        zoneId,
        sectorCode: 'C2511',
        headcount: 60,
        workforce: { women: 10, minors: 0, disabled: 0, elderly: 0, hazardous: 20 },
      },
      { 'Idempotency-Key': `e2e-inspector-${taxCode}` },
    );
    firm = created;
    const owner = await devToken(webUrl, { sub: 'e2e-owner', role: 'enterprise', enterpriseId: firm.id });
    const templates = await apiGet<{ items: Array<{ id: string; version: number }> }>(
      webUrl,
      owner,
      '/templates',
    );
    const template = [...templates.items].sort((a, b) => b.version - a.version)[0];
    const profile = await apiGet<{ selfInspection: { dueOn: string } }>(
      webUrl,
      owner,
      `/enterprises/${firm.id}`,
    );
    // The period of the firm's schedule that falls due next: a half-year for a high-risk firm, else the year.
    const dueOn = profile.selfInspection.dueOn;
    const year = Number(dueOn.slice(0, 4));
    const candidates = [`${year}-H2`, `${year}-H1`, `${year - 1}-H2`, `${year}`, `${year - 1}`];
    let draft: { id: string; version: number; applicableItemIds: string[] } | undefined;
    for (const period of candidates) {
      draft = await apiSend<{ id: string; version: number; applicableItemIds: string[] }>(
        webUrl,
        'POST',
        owner,
        `/enterprises/${firm.id}/assessments`,
        { templateId: template?.id, templateVersion: template?.version, period },
      ).catch(() => undefined);
      if (draft) break;
    }
    if (!draft) throw new Error('no self-check could be started for the test firm');
    const [compliant, failing, third] = draft.applicableItemIds as [string, string, string];
    await apiSend(
      webUrl,
      'PATCH',
      owner,
      `/enterprises/${firm.id}/assessments/${draft.id}`,
      { answers: { [compliant]: { value: 'compliant' }, [failing]: { value: 'non_compliant' } } },
      { 'If-Match': `"${draft.version}"` },
    );
    answered = { compliant, failing, observed: [compliant, failing, third] };
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('pages through the targets beyond the first 30, each with its priority band and reasons in words', async () => {
    // A context of its own: axe opens a helper page in it.
    page = await (await browser.newContext({ viewport: PHONE })).newPage();
    errors = collectPageErrors(page);
    await signIn(page, webUrl, 'inspector-demo');
    await page.goto(`${webUrl}/targets`);
    const targets = page.getByTestId('target');
    await targets.first().waitFor();
    expect(await targets.count()).toBe(30);
    const firstCard = await targets.first().textContent();
    // A priority band and a sentence per reason; no raw code.
    expect(firstCard).toMatch(/Rất cao|Cao|Trung bình|Thấp/);
    expect(firstCard).not.toMatch(/[a-z]+_[a-z]+/);
    await screenshot(page, 'inspector-targets-360');
    await checkBothSizesAndLanguages(page, 'targets', () => targets.first().waitFor());
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'inspector-targets-1366');
    await page.setViewportSize(PHONE);
    await page.getByTestId('targets-more').click();
    // The second page is one API call; on a busy machine it can take longer than the poll's default second.
    await expect.poll(() => targets.count(), { timeout: 15_000 }).toBe(60);
    expect(await page.getByTestId('target-rank').nth(59).textContent()).toBe('60');
    const names = await targets.locator('.target-name a').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 150_000);

  it('records an inspection on a phone with a photo, surviving a reload, and then sees it in the firm’s history', async () => {
    await page.goto(`${webUrl}/enterprises/${firm.id}/inspections/new`);
    if ((await page.locator('html').getAttribute('lang')) === 'en')
      await page.getByTestId('language-toggle').click();
    const [compliant, failing, third] = answered.observed as [string, string, string];
    const first = page.getByTestId(`finding-${compliant}`);
    await first.waitFor();
    // The firm's own answers beside each item.
    expect(await first.locator('.finding-self').textContent()).toContain('Đạt');
    expect(await page.getByTestId(`finding-${failing}`).locator('.finding-self').textContent()).toContain(
      'Không đạt',
    );
    await first.locator('input[value="non_compliant"]').check();
    await first.locator('textarea').fill('Lan can tầng 2 bị gãy, chưa có biển cảnh báo.');
    await page.getByTestId(`photo-${compliant}`).setInputFiles({
      name: 'lan-can.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await page.getByTestId(`photos-${compliant}`).waitFor();
    await page.getByTestId(`finding-${failing}`).locator('input[value="partial"]').check();
    await page.getByTestId(`finding-${third}`).locator('input[value="compliant"]').check();
    await first.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'inspector-inspection-360');

    // The connection drops and the page is reloaded: the draft, photo included, is still there.
    await page.reload();
    await page.getByTestId(`photos-${compliant}`).waitFor();
    expect(await first.locator('input[value="non_compliant"]').isChecked()).toBe(true);
    expect(await first.locator('textarea').inputValue()).toContain('Lan can tầng 2');
    expect(await page.getByTestId('observed-count').textContent()).toContain('3/');

    await checkBothSizesAndLanguages(page, 'inspection', () => first.waitFor());
    await page.setViewportSize(DESKTOP);
    await first.evaluate((element) => element.scrollIntoView());
    await screenshot(page, 'inspector-inspection-1366');
    await page.setViewportSize(PHONE);

    await page.getByTestId('submit-inspection').click();
    await page.getByTestId('inspection-saved').waitFor();
    expect(await page.getByTestId('inspection-saved').textContent()).toMatch(/Điểm thanh tra/);
    await page.getByTestId('see-history').click();
    const inspection = page.getByTestId('inspection').first();
    await inspection.waitFor();
    expect(await inspection.textContent()).toContain('Lan can tầng 2');
    expect(await inspection.getByRole('button', { name: 'Mở ảnh 1' }).count()).toBe(1);
    await checkBothSizesAndLanguages(page, 'history', () => inspection.waitFor());
    // The draft is gone once the inspection is recorded: a new one starts empty.
    await page.goto(`${webUrl}/enterprises/${firm.id}/inspections/new`);
    await first.waitFor();
    expect(await first.locator('input[value="non_compliant"]').isChecked()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);
});
