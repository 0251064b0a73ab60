import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Template } from '@antoan/domain';
import type {
  AssessmentView as Assessment,
  DemoUser,
  EnterpriseDetail as Enterprise,
  EvidenceListItem,
  Page as ListPage,
} from '@antoan/schemas';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiGet, devToken, smallPdf } from './api';
import { collectPageErrors, launchBrowser, screenshot, signIn } from './browser';
import { DESKTOP, expectScreenOk, PHONE } from './screen-check';

const webUrl = inject('webUrl');
/** Progress notes, so a slow or stuck step shows in the log. */
const step = (note: string) => console.log(`[checklist e2e] ${new Date().toISOString()} ${note}`);

/** The page's globals, inside `page.evaluate` (the e2e project has no DOM types). */
declare const window: { innerHeight: number; scrollTo(x: number, y: number): void };

/** A real PNG of `width` × `height` with coloured bands, so the viewer has something to show. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = y * (width * 3 + 1) + 1 + x * 3;
      const band = Math.floor(y / 20) % 2;
      raw.set(band ? [11, 110, 79] : [240, 244, 248], offset);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const response = await fetch(`${webUrl}/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Uploads a verified PNG of `kind` for the firm the way the app does: declare, post to storage, confirm. */
async function uploadEvidence(
  token: string,
  eid: string,
  kind: string,
  fileName: string,
  file: { bytes: Buffer; contentType: string } = { bytes: png(240, 160), contentType: 'image/png' },
): Promise<string> {
  const { bytes, contentType } = file;
  const declared = await call<{ id: string; upload: { url: string; fields: Record<string, string> } }>(
    'POST',
    `/enterprises/${eid}/evidence`,
    token,
    {
      kind,
      fileName,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      issuedOn: '2026-06-01',
      expiresOn: '2030-12-31',
      ...(kind === 'training_certificate' ? { trainingGroup: 1 } : {}),
    },
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(declared.upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: contentType }), fileName);
  const stored = await fetch(declared.upload.url, { method: 'POST', body: form });
  expect(stored.ok, `storage answered ${stored.status}`).toBe(true);
  await call('POST', `/enterprises/${eid}/evidence/${declared.id}/confirm`, token);
  return declared.id;
}

/** Waits until the autosave indicator says everything is saved. */
async function saved(page: Page): Promise<void> {
  const indicator = page.getByTestId('save-state');
  await expect
    .poll(async () => `${await indicator.getAttribute('data-state')}: ${await indicator.textContent()}`, {
      timeout: 15_000,
    })
    .toMatch(/^saved:/);
}

async function setLanguage(page: Page, lang: 'vi' | 'en'): Promise<void> {
  if ((await page.locator('html').getAttribute('lang')) !== lang)
    await page.getByTestId('language-toggle').click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
}

/** The screen check at both sizes in both languages, leaving the page at DESKTOP in Vietnamese. */
async function checkEverywhere(page: Page, name: string): Promise<void> {
  for (const lang of ['vi', 'en'] as const) {
    await setLanguage(page, lang);
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      step(`${name} ${lang} ${size.width}px: checking`);
      await expectScreenOk(page, `${name} ${lang} ${size.width}px`);
    }
  }
  await setLanguage(page, 'vi');
}

/** Pages the review queue until the evidence's entry shows (the newest files may sit on a later page), and opens it. */
async function openInQueue(page: Page, evidenceId: string) {
  const entry = page.getByTestId(`review-${evidenceId}`);
  for (let pages = 0; (await entry.count()) === 0 && pages < 50; pages++) {
    const more = page.getByTestId('review-more');
    if ((await more.count()) === 0) break;
    await more.click();
    await expect.poll(() => page.getByTestId('loading').count()).toBe(0);
  }
  step(`queue paged, entry ${evidenceId} present: ${await entry.count()}`);
  await entry.scrollIntoViewIfNeeded({ timeout: 15_000 });
  await entry.getByTestId(`review-open-${evidenceId}`).click();
  return entry;
}

interface Fixture {
  officer: DemoUser;
  reviewer: DemoUser;
  firm: Enterprise;
  token: string;
  assessment: Assessment;
  template: Template;
  /** The first applicable item that takes evidence, its section, and the kind it takes. */
  evidenceItem: { id: string; sectionId: string; kind: string };
  linkedEvidenceId: string;
  rejectedEvidenceId: string;
  /** A PDF for the reviewer to read in the queue's PDF viewer, and its bytes. */
  pdfEvidenceId: string;
  pdf: Buffer;
}

async function prepare(): Promise<Fixture> {
  const users = (await (await fetch(`${webUrl}/v1/dev/users`)).json()) as ListPage<DemoUser>;
  const officer = users.items.find((user) => user.role === 'enterprise' && user.enterpriseId);
  if (!officer?.enterpriseId) throw new Error('no demo enterprise officer');
  const { name: _name, ...claims } = officer;
  const token = await devToken(webUrl, claims);
  const firm = await apiGet<Enterprise>(webUrl, token, `/enterprises/${officer.enterpriseId}`);
  const reviewer =
    users.items.find((user) => user.role === 'zone_manager' && user.zoneIds?.includes(firm.zoneId)) ??
    users.items.find((user) => user.role === 'inspector');
  if (!reviewer) throw new Error('no demo reviewer');
  // A thematic check of a past year: any number may exist, so this one is the test's own and disturbs no other file.
  const assessment = await call<Assessment>('POST', `/enterprises/${firm.id}/assessments`, token, {
    templateId: 'osh-self-inspection',
    period: '2025',
    kind: 'thematic',
  });
  const template = await apiGet<Template>(
    webUrl,
    token,
    `/templates/${assessment.templateId}/versions/${assessment.templateVersion}`,
  );
  const applicable = new Set(assessment.applicableItemIds);
  const evidenceItem = template.sections
    .flatMap((section) => section.items.map((item) => ({ item, sectionId: section.id })))
    .find(({ item }) => applicable.has(item.id) && (item.evidenceKinds?.length ?? 0) > 0);
  const kind = evidenceItem?.item.evidenceKinds?.[0];
  if (!evidenceItem || !kind) throw new Error('no applicable item takes evidence');
  const stamp = Date.now().toString(36);
  const pdf = smallPdf(`bien ban ${stamp}`);
  return {
    officer,
    reviewer,
    firm,
    token,
    assessment,
    template,
    evidenceItem: { id: evidenceItem.item.id, sectionId: evidenceItem.sectionId, kind },
    linkedEvidenceId: await uploadEvidence(token, firm.id, kind, `chung-nhan-${stamp}.png`),
    rejectedEvidenceId: await uploadEvidence(token, firm.id, kind, `ban-sao-mo-${stamp}.png`),
    pdfEvidenceId: await uploadEvidence(token, firm.id, kind, `bien-ban-${stamp}.pdf`, {
      bytes: pdf,
      contentType: 'application/pdf',
    }),
    pdf,
  };
}

describe('checklist: quick answering, evidence warning, review queue', () => {
  let browser: Browser;
  let fixture: Fixture;

  beforeAll(async () => {
    browser = await launchBrowser();
    fixture = await prepare();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps the sticky header small, marks sections, filters unanswered, links evidence from the warning, and the item earns its points', async () => {
    const { firm, assessment, evidenceItem, linkedEvidenceId } = fixture;
    // A context of its own: axe needs one, and the officer's session stays apart from the reviewer's.
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, fixture.officer.sub);
    await page.goto(`${webUrl}/enterprises/${firm.id}/assessments/${assessment.id}`);
    const progress = page.getByTestId('progress-text');
    const total = assessment.applicableItemIds.length;
    await expect.poll(() => progress.textContent()).toBe(`0/${total}`);
    step('checklist shown');

    // (d) At 360 × 740 the sticky bar stays under 15 % of the height, and stays in view when the list scrolls.
    const head = page.getByTestId('checklist-head');
    const box = await head.boundingBox();
    expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThan(0.15 * PHONE.height);
    await page.evaluate(() => window.scrollTo(0, 3000));
    await expect
      .poll(async () => {
        const scrolled = await head.boundingBox();
        return scrolled !== null && scrolled.y >= 0 && scrolled.y + scrolled.height <= PHONE.height;
      })
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'enterprise-checklist-360');

    // (c) The checklist passes the screen check at both sizes, in both languages.
    step('sticky bar measured');
    await checkEverywhere(page, 'checklist');
    step('screen checks done');

    // Desktop keys: n goes to the first unanswered item, 1 answers it "compliant".
    await page.setViewportSize(DESKTOP);
    await expect.poll(() => page.getByTestId('shortcut-help').isVisible()).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('n');
    const firstId = assessment.applicableItemIds[0] ?? '';
    const firstItem = page.getByTestId(`item-${firstId}`);
    await page.keyboard.press('1');
    await expect
      .poll(() => firstItem.locator('button[data-value="compliant"]').getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => progress.textContent()).toBe(`1/${total}`);

    // (b) "Unanswered only" hides what is answered.
    const items = page.locator('li[data-testid^="item-"]');
    await page.getByTestId('unanswered-only').check();
    await expect.poll(() => items.count()).toBe(total - 1);
    expect(await firstItem.count()).toBe(0);

    // (b) Mark the evidence item's section compliant: it asks first, then answers every unanswered item of it.
    const section = evidenceItem.sectionId;
    const sectionItems = assessment.applicableItemIds.filter((id) =>
      fixture.template.sections.find((s) => s.id === section)?.items.some((item) => item.id === id),
    );
    const openInSection = sectionItems.filter((id) => id !== firstId).length;
    await page.getByTestId(`mark-value-${section}`).selectOption('compliant');
    await page.getByTestId(`mark-button-${section}`).click();
    expect(await page.getByTestId(`mark-question-${section}`).textContent()).toContain(
      `${openInSection} mục chưa trả lời`,
    );
    const provisional = page.getByTestId('provisional-score');
    const totalBefore = Number(await provisional.getAttribute('data-total'));
    await page.getByTestId(`mark-confirm-${section}`).click();
    await expect
      .poll(() => page.getByTestId(`section-count-${section}`).textContent())
      .toBe(`${sectionItems.length}/${sectionItems.length}`);
    // The focus moves on to the next unanswered item after the section, and the live region says so.
    const order = assessment.applicableItemIds;
    const answeredNow = new Set([firstId, ...sectionItems]);
    const lastOfSection = order.indexOf(sectionItems[sectionItems.length - 1] ?? '');
    const expectedNext = [...order.slice(lastOfSection + 1), ...order.slice(0, lastOfSection + 1)].find(
      (id) => !answeredNow.has(id),
    );
    await expect
      .poll(() =>
        page.evaluate(
          "document.activeElement?.closest('li[data-testid^=\"item-\"]')?.getAttribute('data-testid') ?? null",
        ),
      )
      .toBe(`item-${expectedNext}`);
    expect(await page.getByTestId('jump-note').textContent()).toBe(
      `Đã trả lời ${openInSection} mục của phần ${section}. ${
        fixture.template.sections.find((s) => s.id === section)?.title.vi
      } là "Đạt". Chuyển đến mục chưa trả lời tiếp theo: ${expectedNext}.`,
    );
    expect(await page.getByTestId(`section-progress-${section}`).getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => progress.textContent()).toBe(`${1 + openInSection}/${total}`);

    // (a) "Compliant" without evidence warns that it scores 0 and offers the firm's valid evidence: one click links it.
    const item = page.getByTestId(`item-${evidenceItem.id}`);
    const warning = page.getByTestId(`evidence-warning-${evidenceItem.id}`);
    await expect.poll(() => warning.textContent()).toMatch(/0 điểm/);
    await screenshot(page, 'enterprise-checklist-1366');
    await page.getByTestId(`quick-link-${evidenceItem.id}-${linkedEvidenceId}`).click();
    await expect.poll(() => warning.count()).toBe(0);
    expect(await item.getByTestId(`link-${linkedEvidenceId}`).isChecked()).toBe(true);
    // The provisional score counts the verified evidence just linked: the item now earns its points.
    await expect
      .poll(async () => Number(await provisional.getAttribute('data-total')))
      .toBeGreaterThan(totalBefore);
    expect(await provisional.locator('h2').textContent()).toBe('Điểm tạm tính');

    step('evidence linked from the warning');
    // Every other section marked "non-compliant" in two clicks each; then nothing is left unanswered.
    for (;;) {
      const button = page.locator('[data-testid^="mark-button-"]').first();
      if ((await button.count()) === 0) break;
      const id = ((await button.getAttribute('data-testid')) ?? '').replace('mark-button-', '');
      await page.getByTestId(`mark-value-${id}`).selectOption('non_compliant');
      await button.click();
      await page.getByTestId(`mark-confirm-${id}`).click();
      await expect.poll(() => page.getByTestId(`mark-button-${id}`).count()).toBe(0);
    }
    await expect.poll(() => progress.textContent()).toBe(`${total}/${total}`);
    await page.getByTestId('unanswered-only').uncheck();
    await page.getByTestId('unanswered-only').check();
    await page.getByTestId('none-unanswered').waitFor();
    await saved(page);

    step('all answered');
    // What the checklist showed as provisional is what the server scores on submit.
    const shown = {
      total: Number(await provisional.getAttribute('data-total')),
      rating: await provisional.getAttribute('data-rating'),
      text: await page.getByTestId('provisional-total').textContent(),
    };
    // Submitted, the item linked from the warning earns its full points.
    await page.getByTestId('submit').click();
    await page.getByTestId('score').waitFor();
    expect(await page.getByTestId(`explain-${evidenceItem.id}`).first().textContent()).toContain(
      'Đạt: được đủ điểm',
    );
    const scored = await apiGet<Assessment>(
      webUrl,
      fixture.token,
      `/enterprises/${firm.id}/assessments/${assessment.id}`,
    );
    expect({ total: scored.score?.total, rating: scored.score?.rating }).toEqual({
      total: shown.total,
      rating: shown.rating,
    });
    expect(await page.getByTestId('score-total').textContent()).toBe(shown.text);
    const points = scored.score?.items.find((entry) => entry.id === evidenceItem.id);
    expect(points?.points).toBeGreaterThan(0);
    expect(points?.points).toBe(points?.maxPoints);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);

  it('lets a reviewer see the document and reject it with a reason, which is recorded', async () => {
    const { firm, rejectedEvidenceId } = fixture;
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signIn(page, webUrl, fixture.reviewer.sub);
    step('reviewer signed in');
    await page.getByRole('link', { name: 'Thẩm tra minh chứng' }).click({ timeout: 15_000 });
    await page.waitForURL(/\/review/, { timeout: 15_000 });
    await page.goto(`${webUrl}/review?zone=${encodeURIComponent(firm.zoneId)}`);
    await page.getByTestId('review-list').waitFor({ timeout: 15_000 });
    expect(await page.title()).toContain('Thẩm tra minh chứng');

    const entry = await openInQueue(page, rejectedEvidenceId);
    const image = page.getByTestId(`review-image-${rejectedEvidenceId}`);
    await image.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => image.evaluate((node) => (node as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(240);
    expect(await image.getAttribute('alt')).toContain('ban-sao-mo-');

    step('document shown');
    // (c) The queue, with the document open, passes the screen check at both sizes in both languages.
    await checkEverywhere(page, 'review queue');
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'zone-manager-review-queue-1366');
    await page.setViewportSize(PHONE);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'zone-manager-review-queue-360');
    await page.setViewportSize(DESKTOP);

    step('screen checks done');
    // A rejection needs a reason; with one it is recorded and shown.
    await entry.getByTestId(`review-reject-${rejectedEvidenceId}`).click();
    await expect.poll(() => entry.getByRole('alert').textContent()).toContain('ít nhất 10 ký tự');
    const reason = 'Ảnh chụp không rõ số chứng nhận và con dấu.';
    await entry.getByTestId(`review-reason-${rejectedEvidenceId}`).fill(reason);
    await entry.getByTestId(`review-reject-${rejectedEvidenceId}`).click();
    const done = entry.getByTestId(`review-done-${rejectedEvidenceId}`);
    await expect.poll(() => done.textContent()).toBe(`Đã từ chối, lý do: ${reason}`);

    const list = await apiGet<ListPage<EvidenceListItem>>(
      webUrl,
      fixture.token,
      `/enterprises/${firm.id}/evidence?limit=200`,
    );
    expect(list.items.find((evidence) => evidence.id === rejectedEvidenceId)?.review).toMatchObject({
      decision: 'rejected',
      reason,
      by: fixture.reviewer.sub,
    });

    // A PDF is framed from the bytes the storage holds (a download URL alone would be saved, not shown).
    step('PDF review');
    const pdfEntry = await openInQueue(page, fixture.pdfEvidenceId);
    const frame = pdfEntry.locator('iframe');
    await frame.waitFor({ timeout: 15_000 });
    expect(await frame.getAttribute('title')).toContain('bien-ban-');
    const src = (await frame.getAttribute('src')) ?? '';
    expect(src).toMatch(/^blob:/);
    const framed = await page.evaluate(
      `fetch(${JSON.stringify(src)}).then((r) => r.arrayBuffer()).then((b) => [b.byteLength, new TextDecoder('latin1').decode(b.slice(0, 5))])`,
    );
    expect(framed).toEqual([fixture.pdf.length, '%PDF-']);
    await page.setViewportSize(PHONE);
    await expectScreenOk(page, 'review queue PDF 360px');
    await page.setViewportSize(DESKTOP);
    await pdfEntry.getByTestId(`review-accept-${fixture.pdfEvidenceId}`).click();
    await pdfEntry.getByTestId(`review-done-${fixture.pdfEvidenceId}`).waitFor();
    const afterPdf = await apiGet<ListPage<EvidenceListItem>>(
      webUrl,
      fixture.token,
      `/enterprises/${firm.id}/evidence?limit=200`,
    );
    expect(afterPdf.items.find((evidence) => evidence.id === fixture.pdfEvidenceId)?.review?.decision).toBe(
      'accepted',
    );
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
