import type {
  AssessmentView as Assessment,
  DemoUser,
  EnterpriseDetail as Enterprise,
  Page as ListPage,
} from '@antoan/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPeriodLabel } from '../src/dates';
import { currentSelfInspectionPeriod } from '../src/period';
import { apiGet, apiPatch, devToken, smallPdf } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';

const webUrl = inject('webUrl');

/** A demo officer whose firm has no self-check for the current period yet, so the test can start one. */
async function officerWithoutCurrentCheck(): Promise<{
  user: DemoUser;
  firm: Enterprise;
  token: string;
  period: string;
}> {
  const users = await (await fetch(`${webUrl}/v1/dev/users`)).json();
  for (const user of (users as ListPage<DemoUser>).items) {
    if (user.role !== 'enterprise' || !user.enterpriseId) continue;
    const { name: _name, ...claims } = user;
    const token = await devToken(webUrl, claims);
    const firm = await apiGet<Enterprise>(webUrl, token, `/enterprises/${user.enterpriseId}`);
    const period = currentSelfInspectionPeriod(firm);
    const checks = await apiGet<ListPage<{ period: string }>>(
      webUrl,
      token,
      `/enterprises/${user.enterpriseId}/assessments`,
    );
    if (!checks.items.some((check) => check.period === period)) return { user, firm, token, period };
  }
  throw new Error('every demo officer already has a self-check for the current period');
}

/** Waits until the autosave indicator says everything is saved (its text tells why when it does not). */
async function saved(page: Page): Promise<void> {
  const indicator = page.getByTestId('save-state');
  await expect
    .poll(async () => `${await indicator.getAttribute('data-state')}: ${await indicator.textContent()}`, {
      timeout: 15_000,
    })
    .toMatch(/^saved:/);
}

describe('enterprise officer: a self-check from start to score', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    errors = collectPageErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, starts the period, autosaves, uploads evidence, submits and explains the score', async () => {
    const { user, firm, token, period } = await officerWithoutCurrentCheck();
    await signIn(page, webUrl, user.sub);

    // The profile shows the firm and its self-inspection status with the explanation.
    await expect.poll(() => page.locator('h1').textContent()).toBe(firm.name);
    const status = page.getByTestId('self-inspection-status');
    await expect.poll(() => status.textContent()).toMatch(/Đã hoàn thành|Đến hạn|Quá hạn|Đã bỏ lỡ kỳ trước/);
    await expect
      .poll(() => page.getByTestId('signed-in').textContent())
      .toContain('Cán bộ ATVSLĐ doanh nghiệp');

    await page
      .getByRole('button', { name: `Bắt đầu tự kiểm tra (${formatPeriodLabel(period, 'vi')})` })
      .click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    const assessmentPath = new URL(page.url()).pathname;
    const progress = page.getByTestId('progress-text');
    await expect.poll(() => progress.textContent()).toMatch(/^0\/\d+$/);
    const total = Number((await progress.textContent())?.split('/')[1]);
    expect(total).toBeGreaterThan(10);

    // Answer the first item: the indicator goes through "saving" to "saved", the progress moves.
    const items = page.locator('li[data-testid^="item-"]');
    await items.first().locator('button[data-value="compliant"]').click();
    await saved(page);
    await expect.poll(() => progress.textContent()).toBe(`1/${total}`);
    await screenshot(page, 'checklist');

    // A real PDF as evidence: the bar reaches 100 %, the server verifies it, and it is linked to the answer.
    const withEvidence = items.filter({ has: page.locator('.evidence-box') });
    const evidenceItem = withEvidence.first();
    await evidenceItem.locator('button[data-value="compliant"]').click();
    await evidenceItem.getByRole('button', { name: 'Tải minh chứng lên' }).click();
    await evidenceItem
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'chung-nhan.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    await evidenceItem.getByTestId('evidence-upload-button').click();
    const result = evidenceItem.getByTestId('evidence-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('verified');
    expect(await evidenceItem.getByTestId('upload-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await evidenceItem.getByTestId('upload-percent').textContent()).toBe('100 %');
    const evidenceId = await result.getAttribute('data-evidence-id');
    await expect.poll(() => evidenceItem.getByTestId(`link-${evidenceId}`).isChecked()).toBe(true);
    await saved(page);
    const evidenceItemId = (await evidenceItem.getAttribute('data-testid'))?.replace('item-', '') ?? '';
    await screenshot(page, 'evidence-verified');

    // A file that is not what it claims to be (text sent as a PDF) is rejected, with the reason in words.
    const otherEvidenceItem = withEvidence.nth(1);
    await otherEvidenceItem.getByRole('button', { name: 'Tải minh chứng lên' }).click();
    // Kinds without a legal validity period must carry their own expiry (scoring v2), so give one.
    await otherEvidenceItem
      .getByTestId('evidence-upload')
      .locator('input[type="date"]')
      .nth(1)
      .fill('2027-12-31');
    await otherEvidenceItem.getByTestId('evidence-file').setInputFiles({
      name: 'gia-mao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('This is a plain text file pretending to be a PDF.'),
    });
    await otherEvidenceItem.getByTestId('evidence-upload-button').click();
    const rejected = otherEvidenceItem.getByTestId('evidence-result');
    await rejected.waitFor();
    expect(await rejected.getAttribute('data-status')).toBe('rejected');
    expect(await rejected.textContent()).toContain('Nội dung tệp không đúng loại đã khai');

    // Submitting too early lists the unanswered items as links to them.
    await page.getByTestId('submit').click();
    const unanswered = page.getByTestId('unanswered');
    await unanswered.waitFor();
    expect(await unanswered.locator('a').count()).toBe(total - 2);

    // Someone changes the draft elsewhere: the next autosave gets 412, the page reloads it and says so.
    const draft = await apiGet<Assessment>(webUrl, token, assessmentPath);
    const lastItemId = draft.applicableItemIds.at(-1) ?? '';
    await apiPatch(
      webUrl,
      token,
      assessmentPath,
      { answers: { [lastItemId]: { value: 'partial' } } },
      `"${draft.version}"`,
    );
    await items.nth(2).locator('button[data-value="non_compliant"]').click();
    await page.getByTestId('save-conflict').waitFor();
    const lastItem = page.getByTestId(`item-${lastItemId}`);
    await expect
      .poll(() => lastItem.locator('button[data-value="partial"]').getAttribute('aria-pressed'))
      .toBe('true');

    // Answer everything still open (one partially), then submit.
    const count = await items.count();
    for (let index = 0; index < count; index++) {
      const item = items.nth(index);
      if ((await item.locator('button[aria-pressed="true"]').count()) > 0) continue;
      await item.locator(`button[data-value="${index === 3 ? 'partial' : 'compliant'}"]`).click();
    }
    await expect.poll(() => progress.textContent()).toBe(`${total}/${total}`);
    await saved(page);
    await page.getByTestId('submit').click();

    // The score explains itself: total, band, and each item's outcome in words.
    await page.getByTestId('score').waitFor();
    expect(await page.getByTestId('score-total').textContent()).toMatch(/^\d+(,\d)?$/);
    expect(await page.getByTestId('score-rating').textContent()).toMatch(/^[ABCD]$/);
    expect(await page.getByTestId(`explain-${evidenceItemId}`).first().textContent()).toContain(
      'Đạt: được đủ điểm',
    );
    const toFix = page.getByTestId('to-fix');
    expect(await toFix.textContent()).toContain('Thiếu minh chứng hợp lệ');
    await screenshot(page, 'score');

    // Switching the language changes the labels and the explanations.
    await page.getByTestId('language-toggle').click();
    await expect
      .poll(() => page.locator('[data-testid="score"] h1').textContent())
      .toContain('Self-inspection result');
    expect(await toFix.textContent()).toContain('No valid evidence linked');
    expect(await page.getByTestId('signed-in').textContent()).toContain('Enterprise OSH officer');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'score-en');
    await page.getByTestId('language-toggle').click();

    // Back on the profile, the evidence list shows the verified file and the checklist shows as submitted.
    await page.getByRole('link', { name: '← Quay lại' }).click();
    const evidenceList = page.getByTestId('evidence-list');
    await evidenceList.waitFor();
    expect(await evidenceList.textContent()).toContain('chung-nhan.pdf');
    await screenshot(page, 'profile');
    expect(errors).toEqual([]);
  });
});
