import type { DemoUser, Page as ListPage, UserView } from '@antoan/schemas';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentSelfInspectionPeriod } from '../src/period';
import { apiGet, devToken, smallPdf } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, PHONE } from './screen-check';

const webUrl = inject('webUrl');
const stamp = Date.now().toString(36);

/** The page's globals, inside `page.evaluate` (the e2e project has no DOM types). */
declare const document: { activeElement: { id: string; tagName: string } | null; title: string };

async function call<T>(token: string, method: string, path: string, body?: unknown, headers = {}) {
  const response = await fetch(`${webUrl}/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return { body: (await response.json()) as T, etag: response.headers.get('ETag') };
}

/**
 * A fresh firm of its own (so no other test file's demo data is touched), its officer invited through the API,
 * and a submitted self-check of the current period, answered through the API, for the score page.
 */
async function freshFirmWithScore() {
  const users = (await (await fetch(`${webUrl}/v1/dev/users`)).json()) as ListPage<DemoUser>;
  const authorityUser = users.items.find((user) => user.role === 'authority');
  if (!authorityUser) throw new Error('no demo authority');
  const { name: _name, ...claims } = authorityUser;
  const authority = await devToken(webUrl, claims);
  const taxCode = `39${String(Date.now()).slice(-8)}`;
  const { body: firm } = await call<{ id: string; highRisk: boolean }>(authority, 'POST', '/enterprises', {
    taxCode,
    name: `Công ty Kiểm thử Giao diện ${stamp}`,
    zoneId: 'zone-tn1',
    sectorCode: 'M6920',
    headcount: 25,
  });
  const { body: officer } = await call<UserView>(authority, 'POST', '/users', {
    email: `shell-${stamp}@firm.example`,
    role: 'enterprise',
    enterpriseId: firm.id,
  });
  const token = await devToken(webUrl, { sub: officer.id, role: 'enterprise', enterpriseId: firm.id });
  const templates = await apiGet<{ items: Array<{ id: string; version: number }> }>(
    webUrl,
    token,
    '/templates',
  );
  const template = [...templates.items].sort((a, b) => b.version - a.version)[0];
  if (!template) throw new Error('no template');
  const base = `/enterprises/${firm.id}/assessments`;
  const { body: created } = await call<{ id: string }>(token, 'POST', base, {
    templateId: template.id,
    templateVersion: template.version,
    period: currentSelfInspectionPeriod(firm),
  });
  const { body: draft, etag } = await call<{ applicableItemIds: string[] }>(
    token,
    'GET',
    `${base}/${created.id}`,
  );
  const answers = Object.fromEntries(
    draft.applicableItemIds.map((id, index) => [
      id,
      { value: index % 3 === 0 ? 'non_compliant' : 'partial' },
    ]),
  );
  await call(token, 'PATCH', `${base}/${created.id}`, { answers }, { 'If-Match': etag ?? '' });
  await call(token, 'POST', `${base}/${created.id}/submit`);
  return { firmId: firm.id, officerId: officer.id, assessmentId: created.id };
}

/** Switches the app's language with the header's toggle (it is remembered in the browser). */
async function switchLang(page: Page, lang: 'vi' | 'en') {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('language-toggle').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** Opens `path`, waits for its h1 and for every loading placeholder to go, then checks the screen. */
async function visit(page: Page, path: string, name: string) {
  await page.goto(`${webUrl}${path}`);
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.getByTestId('loading').count(), { timeout: 15_000 }).toBe(0);
  await expectScreenOk(page, name);
}

describe('the app shell and the screens it owns, on a phone and a desk, in both languages', () => {
  let browser: Browser;
  let officer: BrowserContext;
  let fixture: Awaited<ReturnType<typeof freshFirmWithScore>>;

  beforeAll(async () => {
    [browser, fixture] = await Promise.all([launchBrowser(), freshFirmWithScore()]);
    officer = await browser.newContext({ viewport: DESKTOP });
    // One sign-in for the officer's context; every test opens its own pages in it.
    const page = await officer.newPage();
    await signIn(page, webUrl, fixture.officerId);
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const enterpriseScreens = () => {
    const home = `/enterprises/${fixture.firmId}`;
    return [
      [home, 'home'],
      [`${home}/evidence`, 'evidence library'],
      [`${home}/assessments/${fixture.assessmentId}`, 'score'],
    ] as const;
  };

  for (const lang of ['vi', 'en'] as const) {
    for (const size of [PHONE, DESKTOP]) {
      it(`enterprise (${lang}, ${size.width} px): home, evidence library and score pass the screen check`, async () => {
        const page = await officer.newPage();
        const errors = collectPageErrors(page);
        await page.setViewportSize(size);
        await page.goto(webUrl);
        await switchLang(page, lang);
        for (const [path, name] of enterpriseScreens())
          await visit(page, path, `${name} ${lang} ${size.width}px`);
        await page.getByTestId('score').waitFor();
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('enterprise home: page title, dates in each language, no raw code; screenshots', async () => {
    const page = await officer.newPage();
    await page.setViewportSize(DESKTOP);
    await page.goto(`${webUrl}/enterprises/${fixture.firmId}`);
    await page.getByTestId('due-on').waitFor();
    await switchLang(page, 'en');
    expect(await page.evaluate(() => document.title)).toMatch(/^Công ty Kiểm thử Giao diện .* · antoan$/);
    // Dates: dd/mm/yyyy in Vietnamese, a month name in English.
    expect(await page.getByTestId('due-on').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    await switchLang(page, 'vi');
    expect(await page.getByTestId('due-on').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getByTestId('submitted-at').first().textContent()).toMatch(
      /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    // No raw code on the home screen: the zone has its name, the period its words, dates their format.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/zone-tn1|\d{4}-H[12]\b|\d{4}-\d{2}-\d{2}/);
    await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
    await page.setViewportSize(PHONE);
    await screenshot(page, 'enterprise-home-360');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'enterprise-home-1366');

    // Print: the score page on A4 without the header, navigation or buttons.
    await page.goto(`${webUrl}/enterprises/${fixture.firmId}/assessments/${fixture.assessmentId}`);
    await page.getByTestId('score').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button').filter({ visible: true }).count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    console.log(`score page prints on ${pages} A4 page(s)`);
    expect(pages).toBeGreaterThan(0);
    // A4 pages (595 × 842 points), as the stylesheet's @page asks.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    await page.close();
  });

  it('the header fits 360 px with sign-out in view, the skip link reaches main, and navigation focuses the h1', async () => {
    const page = await officer.newPage();
    await page.setViewportSize(PHONE);
    await visit(page, `/enterprises/${fixture.firmId}`, 'home at 360');
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    const box = await signOut.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width);
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE.height);
    // Tablet width too.
    await page.setViewportSize({ width: 768, height: 1024 });
    await expectScreenOk(page, 'home at 768');
    // The first Tab reaches the skip link; Enter moves focus to main.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('A');
    await expect.poll(() => page.getByTestId('skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    // An in-app navigation moves focus to the new page's h1.
    await page.getByRole('link', { name: 'Kho minh chứng' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Kho minh chứng' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.close();
  });

  it('evidence library: upload outside the checklist, see a rejection in full, delete it', async () => {
    const page = await officer.newPage();
    const errors = collectPageErrors(page);
    await page.setViewportSize(PHONE);
    await visit(page, `/enterprises/${fixture.firmId}/evidence`, 'library at 360');
    const upload = async (name: string, buffer: Buffer) => {
      const form = page.getByTestId('evidence-upload');
      await form.getByLabel('Loại minh chứng').selectOption('osh_plan');
      await form.getByLabel('Ngày hết hạn').fill('2030-12-31');
      await form.getByTestId('evidence-file').setInputFiles({ name, mimeType: 'application/pdf', buffer });
      await form.getByTestId('evidence-upload-button').click();
      return form.getByTestId('evidence-result');
    };
    // A real PDF is verified and joins the library.
    expect(await (await upload('ke-hoach-atvsld.pdf', smallPdf())).getAttribute('data-status')).toBe(
      'verified',
    );
    await page.locator('tr', { hasText: 'ke-hoach-atvsld.pdf' }).waitFor();
    // A text file named .pdf is rejected; the library says why, in full, without hovering.
    const result = await upload('gia-mao.pdf', Buffer.from('not a pdf at all, just text'));
    expect(await result.getAttribute('data-status')).toBe('rejected');
    const row = page.locator('tr', { hasText: 'gia-mao.pdf' });
    await row.waitFor();
    expect(await row.getByTestId('rejection-reason').textContent()).toContain('Nội dung tệp không đúng loại');
    expect(await row.getByTestId('rejection-reason').isVisible()).toBe(true);
    await expectScreenOk(page, 'library with a rejection at 360');
    await row.getByRole('button', { name: /^Xóa:/ }).click();
    await row.getByTestId('confirm-delete').click();
    await page.getByTestId('evidence-notice').waitFor();
    await expect.poll(() => page.locator('tr', { hasText: 'gia-mao.pdf' }).count()).toBe(0);
    expect(await page.locator('tr', { hasText: 'ke-hoach-atvsld.pdf' }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('authority: the users screen passes the screen check at 360 and 1366 px, vi and en', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, 'authority-demo');
    for (const lang of ['vi', 'en'] as const) {
      await switchLang(page, lang);
      for (const size of [PHONE, DESKTOP]) {
        await page.setViewportSize(size);
        await visit(page, '/users', `users ${lang} ${size.width}px`);
      }
    }
    // Zones are named, never shown by id.
    await page.getByTestId('users').locator('li').first().waitFor();
    expect((await page.getByTestId('users').textContent()) ?? '').not.toMatch(/zone-[a-z0-9]+/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
