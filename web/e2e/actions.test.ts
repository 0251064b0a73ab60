import { createHash } from 'node:crypto';
import type {
  ActionView as Action,
  AssessmentView as Assessment,
  DemoUser,
  EnterpriseDetail as Enterprise,
  Page as ListPage,
  TemplateSummary,
} from '@antoan/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentSelfInspectionPeriod, vietnamToday } from '../src/period';
import { apiGet, apiSend, devToken, smallPdf } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, PHONE } from './screen-check';

const webUrl = inject('webUrl');
const stamp = Date.now().toString(36);

/** Adds days to an ISO day. */
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Uploads a small real PDF as verified evidence of `kind` the way the browser does: ticket, form post, confirm. */
async function uploadEvidence(token: string, enterpriseId: string, kind: string): Promise<string> {
  const file = smallPdf(`${kind} ${stamp}`);
  const today = vietnamToday();
  const path = `/enterprises/${enterpriseId}/evidence`;
  const ticket = await apiSend<{ id: string; upload: { url: string; fields: Record<string, string> } }>(
    webUrl,
    'POST',
    token,
    path,
    {
      kind,
      fileName: `${kind}.pdf`,
      contentType: 'application/pdf',
      size: file.length,
      sha256: createHash('sha256').update(file).digest('hex'),
      issuedOn: plusDays(today, -30),
      expiresOn: plusDays(today, 700),
      ...(kind === 'training_certificate' ? { trainingGroup: 1 } : {}),
    },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append('file', new Blob([file], { type: 'application/pdf' }), `${kind}.pdf`);
  const stored = await fetch(new URL(ticket.upload.url, webUrl), { method: 'POST', body: form });
  if (!stored.ok) throw new Error(`storage: HTTP ${stored.status} ${await stored.text()}`);
  await apiSend(webUrl, 'POST', token, `${path}/${ticket.id}/confirm`, undefined);
  return ticket.id;
}

/** Switches the app to `lang` (the toggle is marked with the language it switches to). */
async function switchLang(page: Page, lang: 'vi' | 'en'): Promise<void> {
  const toggle = page.getByTestId('language-toggle');
  if ((await toggle.getAttribute('lang')) === lang) await toggle.click();
}

/** The screen check in both languages at both sizes, leaving the page in Vietnamese at desktop size. */
async function checkEverywhere(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    for (const lang of ['vi', 'en'] as const) {
      await switchLang(page, lang);
      await ready();
      await expectScreenOk(page, `${name} ${lang} ${size.width}`);
      // No raw code may show: codes with underscores in either language; in Vietnamese, no English status word.
      const text = ((await page.locator('main').textContent()) ?? '').toLowerCase();
      expect(text, `${name} ${lang}: raw codes`).not.toMatch(
        /(in_progress|self_check|after_incident|non_compliant|not_applicable|action\.[a-z])/,
      );
      if (lang === 'vi')
        expect(text, `${name}: English status words in Vietnamese`).not.toMatch(
          /\b(open|overdue|verified|cancelled|done)\b/,
        );
    }
  }
  await switchLang(page, 'vi');
  await page.setViewportSize(DESKTOP);
}

describe('corrective actions: plan, closure with evidence, verification, reopening, amendment', () => {
  let browser: Browser;
  let manager: DemoUser;
  let managerToken: string;
  let firm: Enterprise;
  let officerId: string;
  let officerToken: string;
  let check: Assessment;
  let plainItem: string;
  let evidenceItem: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh firm in a demo manager's zone, with its own officer, so no other test file's data is touched.
    const users = (await (await fetch(`${webUrl}/v1/dev/users`)).json()) as ListPage<DemoUser>;
    const found = users.items.find((user) => user.role === 'zone_manager' && (user.zoneIds ?? []).length > 0);
    if (!found) throw new Error('no demo zone manager');
    manager = found;
    const { name: _name, ...claims } = manager;
    managerToken = await devToken(webUrl, claims);
    const zoneId = manager.zoneIds?.[0] ?? '';
    const taxCode = String(Date.now()).slice(-10).padStart(10, '3');
    const created = await apiSend<Enterprise>(webUrl, 'POST', managerToken, '/enterprises', {
      taxCode,
      name: `Công ty Khắc phục ${stamp}`,
      zoneId,
      sectorCode: 'C2511',
      headcount: 40,
    });
    const officer = await apiSend<{ id: string }>(webUrl, 'POST', managerToken, '/users', {
      email: `khac-phuc-${stamp}@firm.example`,
      role: 'enterprise',
      enterpriseId: created.id,
    });
    officerId = officer.id;
    officerToken = await devToken(webUrl, { sub: officerId, role: 'enterprise', enterpriseId: created.id });
    firm = await apiGet<Enterprise>(webUrl, officerToken, `/enterprises/${created.id}`);

    // A submitted self-check with two gaps: one item that takes evidence, one that does not.
    const templates = await apiGet<{ items: TemplateSummary[] }>(webUrl, officerToken, '/templates');
    const template = [...templates.items].sort((a, b) => b.version - a.version)[0];
    if (!template) throw new Error('no template');
    const base = `/enterprises/${firm.id}/assessments`;
    // Version 1 of the checklist, as the API's action tests use, so compliant answers with evidence score in full.
    const draft = await apiSend<Assessment>(webUrl, 'POST', officerToken, base, {
      templateId: template.id,
      templateVersion: 1,
      period: currentSelfInspectionPeriod(firm),
    });
    const detail = await apiGet<{
      sections: Array<{
        items: Array<{ id: string; evidenceKinds?: string[]; allowNotApplicable?: boolean }>;
      }>;
    }>(webUrl, officerToken, `/templates/${template.id}/versions/1`);
    const items = new Map(detail.sections.flatMap((section) => section.items.map((item) => [item.id, item])));
    const applicable = draft.applicableItemIds;
    const kindsOf = (id: string) => items.get(id)?.evidenceKinds ?? [];
    evidenceItem = applicable.find((id) => kindsOf(id).length > 0) ?? '';
    plainItem = applicable.find((id) => kindsOf(id).length === 0) ?? '';
    expect(evidenceItem && plainItem).toBeTruthy();
    // Every other item: not applicable where the checklist allows it, else compliant with verified evidence.
    const evidenceOfKind = new Map<string, string>();
    const answers: Record<string, { value: string; note?: string; evidenceIds?: string[] }> = {};
    for (const id of applicable) {
      const kind = kindsOf(id)[0];
      if (id === evidenceItem || id === plainItem) answers[id] = { value: 'non_compliant', note: 'Chưa làm' };
      else if (items.get(id)?.allowNotApplicable)
        answers[id] = { value: 'not_applicable', note: 'Cơ sở này không có hạng mục này.' };
      else if (kind === undefined) answers[id] = { value: 'compliant' };
      else {
        let evidenceId = evidenceOfKind.get(kind);
        if (evidenceId === undefined) {
          evidenceId = await uploadEvidence(officerToken, firm.id, kind);
          evidenceOfKind.set(kind, evidenceId);
        }
        answers[id] = { value: 'compliant', evidenceIds: [evidenceId] };
      }
    }
    await apiSend(
      webUrl,
      'PATCH',
      officerToken,
      `${base}/${draft.id}`,
      { answers },
      { 'If-Match': `"${draft.version}"` },
    );
    const submitted = await apiSend<Assessment & { actions: { created: string[] } }>(
      webUrl,
      'POST',
      officerToken,
      `${base}/${draft.id}/submit`,
      undefined,
    );
    expect(submitted.actions.created, submitted.actions.created.join(', ')).toHaveLength(2);
    check = submitted;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the firm sees its plan, sets an owner and an earlier due date, and closes an action with evidence', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, officerId);
    await page.getByRole('link', { name: 'Khắc phục', exact: true }).click();
    await page.getByRole('heading', { name: 'Kế hoạch khắc phục', level: 1 }).waitFor();
    const cards = page.getByTestId('action-list').locator('li.action-card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await page.getByTestId('count-open').textContent()).toBe('2');
    await checkEverywhere(page, 'action plan', () => cards.first().waitFor());
    await screenshot(page, 'enterprise-actions-1366');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'enterprise-actions-360');
    await page.setViewportSize(DESKTOP);

    // The item that takes evidence: owner, a due date five days from today, a note, and an uploaded document.
    const card = page.getByTestId(`action-${check.id}-${evidenceItem}`);
    expect(await card.getByTestId('action-status').textContent()).toBe('Chưa xử lý');
    await card.getByText('Cập nhật', { exact: true }).click();
    const due = plusDays(vietnamToday(), 5);
    await card.getByTestId('owner-input').fill('Tổ bảo trì');
    await card.getByTestId('due-input').fill(due);
    await card.getByTestId('note-input').fill('Đã huấn luyện lại và lưu hồ sơ.');
    await card.getByText('Tải minh chứng lên', { exact: true }).first().click();
    const upload = card.getByTestId('evidence-upload');
    await upload.locator('input[type="date"]').nth(1).fill(plusDays(vietnamToday(), 365));
    await upload
      .getByTestId('evidence-file')
      .setInputFiles({ name: 'ho-so-khac-phuc.pdf', mimeType: 'application/pdf', buffer: smallPdf() });
    await upload.getByTestId('evidence-upload-button').click();
    const result = upload.getByTestId('evidence-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('verified');
    const evidenceId = (await result.getAttribute('data-evidence-id')) ?? '';
    await expect.poll(() => card.getByTestId(`attach-${evidenceId}`).isChecked()).toBe(true);
    await card.getByTestId('done-action').click();
    // The status, and what the card says went wrong if anything did.
    const outcome = async () =>
      [
        await card.getAttribute('data-status'),
        ...(await card.locator('[role="alert"]').allTextContents()),
      ].join(' ');
    await expect.poll(outcome, { timeout: 15_000 }).toBe('done');
    expect(await card.getByTestId('action-status').textContent()).toBe('Đã hoàn thành, chờ xác nhận');
    expect(await card.getByTestId('action-owner').textContent()).toBe('Tổ bảo trì');
    const [year, month, day] = due.split('-');
    expect(await card.getByTestId('action-due').textContent()).toBe(`${day}/${month}/${year}`);
    await expect
      .poll(() => card.getByTestId('action-evidence').textContent())
      .toContain('ho-so-khac-phuc.pdf');
    await expect.poll(() => page.getByTestId('count-done').textContent()).toBe('1');

    // The status filter asks the API for done actions only.
    await page.getByTestId('status-filter').selectOption('done');
    await expect.poll(() => cards.count()).toBe(1);

    // The score page links each gap to its action.
    await page.goto(`${webUrl}/enterprises/${firm.id}/assessments/${check.id}`);
    await page.getByTestId(`fix-${plainItem}`).click();
    await page.getByTestId(`action-${check.id}-${plainItem}`).waitFor();
    expect(await cards.count()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the zone manager sees the done action, verifies it, and a reopened action is open again', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, manager.sub);
    await page.goto(`${webUrl}/zones/${firm.zoneId}/actions?view=done`);
    await page.getByRole('heading', { name: 'Việc khắc phục của khu', level: 1 }).waitFor();
    const card = page.getByTestId(`action-${check.id}-${evidenceItem}`);
    // Older done actions of the demo come first; load pages until this one shows.
    for (let tries = 0; tries < 10 && !(await card.isVisible()); tries++) {
      const more = page.getByRole('button', { name: 'Tải thêm' });
      if (await more.isVisible()) await more.click();
      else await page.waitForTimeout(300);
    }
    await card.waitFor();
    await expect.poll(() => card.textContent()).toContain(firm.name);
    // The proof shows by its file name (the zone's list carries it), never by its id.
    expect(await card.getByTestId('action-evidence').textContent()).toContain('ho-so-khac-phuc.pdf');
    await checkEverywhere(page, 'zone actions', () => card.waitFor());
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'zone_manager-actions-1366');
    await page.setViewportSize(PHONE);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'zone_manager-actions-360');
    await page.setViewportSize(DESKTOP);

    await card.getByRole('button', { name: 'Xác nhận đã khắc phục' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('verified');
    expect(await card.getByTestId('action-status').textContent()).toBe('Đã xác nhận');
    await card.getByRole('button', { name: 'Mở lại' }).click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('open');
    expect(await card.getByTestId('action-status').textContent()).toBe('Chưa xử lý');

    // The overdue view pages through the zone's pending actions; an authority-free manager sees no buttons there
    // for actions not done.
    await page.getByTestId('zone-view').selectOption('pending');
    await page.getByTestId('action-list').waitFor();
    const reopened = await apiGet<Action>(
      webUrl,
      officerToken,
      `/enterprises/${firm.id}/actions/${check.id}-${evidenceItem}`,
    );
    expect(reopened.status).toBe('open');

    // A manager of several zones reaches each one's actions from the picker.
    const pick = page.getByTestId('zone-pick');
    const offered = await pick
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => (node as unknown as { value: string }).value));
    expect([...offered].sort()).toEqual([...(manager.zoneIds ?? [])].sort());
    const other = offered.find((id) => id !== firm.zoneId) ?? '';
    await pick.selectOption(other);
    await page.waitForURL(`${webUrl}/zones/${other}/actions?view=pending`);
    await expect.poll(() => pick.inputValue()).toBe(other);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the firm amends its check (a draft with the answers copied), reads its history, and starts a thematic check', async () => {
    const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, officerId);
    // The reopened action is open again on the firm's plan.
    await page.goto(`${webUrl}/enterprises/${firm.id}/actions`);
    const card = page.getByTestId(`action-${check.id}-${evidenceItem}`);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('open');

    await page.goto(`${webUrl}/enterprises/${firm.id}/checks`);
    await page.getByRole('heading', { name: 'Lịch sử tự kiểm tra', level: 1 }).waitFor();
    await page.getByTestId('audit-action.verified').waitFor();
    await page.getByTestId('audit-action.reopen').waitFor();
    await checkEverywhere(page, 'history', () => page.getByTestId(`check-${check.id}`).waitFor());

    await page.getByTestId(`amend-${check.id}`).click();
    await page.waitForURL(/\/assessments\/[^/]+$/);
    const amendmentId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(amendmentId).not.toBe(check.id);
    const amendment = await apiGet<Assessment>(
      webUrl,
      officerToken,
      `/enterprises/${firm.id}/assessments/${amendmentId}`,
    );
    expect(amendment).toMatchObject({ status: 'draft', amends: check.id });
    const original = await apiGet<Assessment>(
      webUrl,
      officerToken,
      `/enterprises/${firm.id}/assessments/${check.id}`,
    );
    expect(Object.keys(amendment.answers).length).toBeGreaterThan(2);
    expect(amendment.answers).toEqual(original.answers);
    const total = original.applicableItemIds.length;
    await expect.poll(() => page.getByTestId('progress-text').textContent()).toBe(`${total}/${total}`);

    // The history lists the amendment beside the original; no second amendment is offered while one is open.
    await page.goto(`${webUrl}/enterprises/${firm.id}/checks`);
    await page.getByTestId(`check-${amendmentId}`).waitFor();
    expect(await page.getByTestId(`amend-${check.id}`).count()).toBe(0);
    await page.getByTestId('audit-assessment.amend').waitFor();

    await page.getByTestId('extra-kind').selectOption('thematic');
    await page.getByTestId('start-extra').click();
    await page.waitForURL((url) => !url.pathname.endsWith('/checks'));
    const thematicId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const thematic = await apiGet<Assessment>(
      webUrl,
      officerToken,
      `/enterprises/${firm.id}/assessments/${thematicId}`,
    );
    expect(thematic.kind).toBe('thematic');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});
