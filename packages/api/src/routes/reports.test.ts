import { createEvidence, createZone, getZoneReportCounters, listNotifications } from '@antoan/db';
import { samplePdf, sha256Hex } from '@antoan/storage/local';
import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runReminders } from '../jobs/reminders';
import type { TokenRequest } from '../local-issuer';
import { officerOf, registerThroughApi, submitThroughApi } from '../oversight-test-support';
import { callers, createTestApi, putEvidenceRecord, type TestApi } from '../test-support';

let api: TestApi;
const now = '2026-11-28T03:00:00.000Z';
const firms: Record<'a1' | 'a2' | 'b1', string> = { a1: '', a2: '', b1: '' };
const a1Name = 'Công ty Cơ khí Đồng Tháp';
let shaCount = 0;
let a2Rating: 'A' | 'B' | 'C' | 'D' = 'A';
const sha = () => String(++shaCount).padStart(64, '0');

const declare = async (eid: string, occurredAt: string, fatalities: number) => {
  const response = await api.call('POST', `/v1/enterprises/${eid}/accidents`, {
    as: officerOf(eid),
    body: {
      occurredAt,
      severity: fatalities > 0 ? 'fatal' : 'minor',
      victims: Math.max(fatalities, 1) + 1,
      fatalities,
      cause: 'Máy cuốn',
      description: 'Tai nạn khi vận hành máy.',
    },
  });
  expect(response.status).toBe(201);
};
const evidence = (eid: string, zoneId: string, kind: string, issuedOn: string, workersCovered = 0) =>
  putEvidenceRecord(api.db, {
    enterpriseId: eid,
    zoneId,
    id: `v${++shaCount}`,
    kind,
    issuedOn,
    workersCovered,
    sha256: sha(),
  });
const putAnnual = (eid: string, year: number, data: unknown, ifMatch?: string) =>
  api.call('PUT', `/v1/enterprises/${eid}/annual-data/${year}`, {
    as: officerOf(eid),
    body: { data },
    ...(ifMatch === undefined ? {} : { headers: { 'If-Match': ifMatch } }),
  });

/**
 * Three firms in two zones, with accidents, occupational-disease exams and monitoring in 2025 and 2026:
 * - a1 (zone-a): 1,000 workers (200 hazardous); its 2026 form says 1,500 (250 hazardous).
 * - a2 (zone-a): 500 workers, hazardous unknown (0), so its headcount caps its examinations.
 * - b1 (zone-b): 2,500 workers (300 hazardous).
 */
beforeAll(async () => {
  api = await createTestApi({ now: () => new Date(now) });
  await createZone(api.db, { id: 'zone-a', code: 'ZA', name: 'Trà Nóc 1', createdAt: now }, 'seed');
  await createZone(api.db, { id: 'zone-b', code: 'ZB', name: 'Hưng Phú 1', createdAt: now }, 'seed');
  const register = (n: number, name: string, zoneId: string, headcount: number, hazardous: number) =>
    registerThroughApi(api, {
      taxCode: `18000020${n}`,
      name,
      zoneId,
      sectorCode: 'C1010',
      headcount,
      hazardous,
    });
  firms.a1 = await register(10, a1Name, 'zone-a', 1000, 200);
  firms.a2 = await register(11, 'Thực phẩm Ánh Dương', 'zone-a', 500, 0);
  firms.b1 = await register(12, 'Dệt may Hưng Phú', 'zone-b', 2500, 300);

  // Fatalities: 2025 a1 1, b1 1; 2026 a1 2 (one accident). A minor accident counts no death.
  await declare(firms.a1, '2025-03-10T02:00:00.000Z', 1);
  await declare(firms.b1, '2025-08-10T02:00:00.000Z', 1);
  await declare(firms.a1, '2026-04-02T02:00:00.000Z', 2);
  await declare(firms.a2, '2026-05-02T02:00:00.000Z', 0);

  // Occupational-disease exams: 2025 a1 150, b1 100; 2026 a1 120 + 120, a2 30 (and one exam of 2024).
  await evidence(firms.a1, 'zone-a', 'occupational_disease_exam', '2025-05-01', 150);
  await evidence(firms.b1, 'zone-b', 'occupational_disease_exam', '2025-06-01', 100);
  await evidence(firms.a1, 'zone-a', 'occupational_disease_exam', '2026-02-01', 120);
  await evidence(firms.a1, 'zone-a', 'occupational_disease_exam', '2026-08-01', 120);
  await evidence(firms.a2, 'zone-a', 'occupational_disease_exam', '2026-03-01', 30);
  await evidence(firms.b1, 'zone-b', 'occupational_disease_exam', '2024-06-01', 999);

  // Monitoring: 2025 all three firms; 2026 a1 (twice) and b1.
  for (const eid of [firms.a1, firms.a2])
    await evidence(eid, 'zone-a', 'environment_monitoring_report', '2025-09-01');
  await evidence(firms.b1, 'zone-b', 'environment_monitoring_report', '2025-09-01');
  await evidence(firms.a1, 'zone-a', 'environment_monitoring_report', '2026-03-01');
  await evidence(firms.a1, 'zone-a', 'environment_monitoring_report', '2026-09-01');
  await evidence(firms.b1, 'zone-b', 'environment_monitoring_report', '2026-09-01');
  await evidence(firms.a1, 'zone-a', 'training_certificate', '2026-01-15', 2000);

  const saved = await putAnnual(
    firms.a1,
    2026,
    { workforce: { total: 1500, women: 600, minors: 0, disabled: 3, elderly: 10, hazardous: 250 } },
    '"0"',
  );
  expect(saved.status).toBe(200);
  a2Rating = (await submitThroughApi(api, officerOf(firms.a2), firms.a2, '2026', () => 'compliant')).rating;
}, 120_000);

type Json = Record<string, unknown>;
const indicators = async (query: string, as: TokenRequest = callers.authority) => {
  const response = await api.call('GET', `/v1/reports/annual?${query}`, { as });
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  const byCode = Object.fromEntries(
    (body.indicators as Array<Json & { code: string }>).map((indicator) => [indicator.code, indicator]),
  );
  return { body, byCode };
};

describe('GET /v1/reports/annual', () => {
  it('gives the city’s three indicators against the targets, worked out by hand', async () => {
    const { body, byCode } = await indicators('year=2026');
    // Workers: 2025 1,000 + 500 + 2,500 = 4,000; 2026 a1's form says 1,500 → 4,500.
    // Fatal rate 2025: 2 / 4,000 × 100,000 = 50; 2026: 2 / 4,500 × 100,000 = 44.444… → 44.44.
    // Change 44.444… / 50 − 1 = −0.1111 ≤ −0.04: met.
    expect(byCode.fatal_accident_rate).toMatchObject({
      value: 44.44,
      previous: 50,
      change: -0.1111,
      met: true,
      numerator: 2,
      denominator: 4500,
      target: { change: -0.04, direction: 'at_most' },
    });
    // Examined 2025: 150 + 100 = 250; 2026: a1 min(240, 250) + a2 min(30, 500) = 270; 270 / 250 − 1 = 0.08 ≥ 0.05.
    // Hazardous workers 2026: 250 (a1's form) + 0 + 300 = 550.
    expect(byCode.od_examined_workers).toMatchObject({
      value: 270,
      previous: 250,
      change: 0.08,
      met: true,
      numerator: 270,
      denominator: 550,
    });
    // Monitored 2025: 3 firms; 2026: a1 (counted once) and b1 = 2; 2 / 3 − 1 = −0.3333: missed.
    expect(byCode.monitored_facilities).toMatchObject({
      value: 2,
      previous: 3,
      change: -0.3333,
      met: false,
      numerator: 2,
      denominator: 3,
    });
    expect(body).toMatchObject({
      scope: 'city',
      year: 2026,
      previousYear: 2025,
      asOf: '2026-11-28',
      toDate: true,
      dueOn: '2026-11-15',
      firms: { total: 3, highRisk: 0, submitted: 1 },
    });
    // One firm submitted; its latest rating is counted once.
    expect(body.firms).toMatchObject({ ratingCounts: { A: 0, B: 0, C: 0, D: 0, [a2Rating]: 1 } });
    const zones = body.zones as Array<Json & { zoneId: string; indicators: Json[] }>;
    expect(zones.map((zone) => zone.zoneId)).toEqual(['zone-a', 'zone-b']);
    // Zone B: 1 death in 2025 over 2,500 workers = 40; none in 2026 → 0, change −1: met.
    expect(zones[1]?.indicators[0]).toMatchObject({ value: 0, previous: 40, change: -1, met: true });
  });

  it('gives one zone to its manager: 2 deaths over 2,000 workers = 100 against 66.67', async () => {
    const { body, byCode } = await indicators('year=2026&zoneId=zone-a', callers.managerA);
    expect(body).toMatchObject({ scope: 'zone', zoneId: 'zone-a', firms: { total: 2 } });
    expect(body.zones).toBeUndefined();
    expect(byCode.fatal_accident_rate).toMatchObject({
      value: 100,
      previous: 66.67,
      change: 0.5,
      met: false,
    });
    expect(byCode.od_examined_workers).toMatchObject({ value: 270, previous: 150, change: 0.8, met: true });
    expect(byCode.monitored_facilities).toMatchObject({ value: 1, previous: 2, change: -0.5, met: false });
  });

  it('refuses what is outside the caller’s scope', async () => {
    const zoneB = await api.call('GET', '/v1/reports/annual?year=2026&zoneId=zone-b', {
      as: callers.managerA,
    });
    expect(zoneB.status).toBe(404);
    const city = await api.call('GET', '/v1/reports/annual?year=2026', { as: callers.managerA });
    expect(city.status).toBe(403);
    const firm = await api.call('GET', '/v1/reports/annual?year=2026', { as: officerOf(firms.a1) });
    expect(firm.status).toBe(403);
    const other = await api.call('GET', `/v1/enterprises/${firms.a2}/reports/annual?year=2026`, {
      as: officerOf(firms.a1),
    });
    expect(other.status).toBe(404);
    const otherForm = await api.call('GET', `/v1/enterprises/${firms.a2}/annual-data/2026`, {
      as: officerOf(firms.a1),
    });
    expect(otherForm.status).toBe(404);
    const otherZoneFirm = await api.call('GET', `/v1/enterprises/${firms.b1}/reports/annual?year=2026`, {
      as: callers.managerA,
    });
    expect(otherZoneFirm.status).toBe(404);
  });

  it('refuses a year before 2000 or after next year, an unknown format and unknown parameters', async () => {
    for (const query of [
      'year=1999',
      'year=2028',
      'year=26',
      'year=2026&format=docx',
      'year=2026&lang=fr',
      'year=2026&x=1',
    ]) {
      const response = await api.call('GET', `/v1/reports/annual?${query}`, { as: callers.authority });
      expect(response.status, query).toBe(400);
      expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    }
    expect((await api.call('GET', '/v1/reports/annual?year=2027', { as: callers.authority })).status).toBe(
      200,
    );
    const badPeriod = await api.call('GET', `/v1/enterprises/${firms.a1}/reports/accidents?period=2026-Q1`, {
      as: officerOf(firms.a1),
    });
    expect(badPeriod.status).toBe(400);
  });
});

describe('formats', () => {
  it('XLSX holds the JSON’s numbers as numbers, a summary sheet and one sheet per zone', async () => {
    const { byCode } = await indicators('year=2026');
    const response = await api.call('GET', '/v1/reports/annual?year=2026&format=xlsx&lang=en', {
      as: callers.inspector,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="bao-cao-thanh-pho-2026.xlsx"',
    );
    const workbook = XLSX.read(new Uint8Array(await response.arrayBuffer()), { type: 'array' });
    expect(workbook.SheetNames).toEqual(['Summary', 'ZA Trà Nóc 1', 'ZB Hưng Phú 1']);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets.Summary as XLSX.WorkSheet, {
      header: 1,
    });
    const row = (label: string) => rows.find((cells) => cells[0] === label) as unknown[];
    const fatal = row('Fatal-accident rate');
    expect(fatal.slice(1, 5)).toEqual([44.44, 50, -0.1111, -0.04]);
    expect(fatal.slice(6, 8)).toEqual([2, 4500]);
    expect(row('Workers examined for occupational disease').slice(1, 4)).toEqual([
      byCode.od_examined_workers?.value,
      byCode.od_examined_workers?.previous,
      byCode.od_examined_workers?.change,
    ]);
    expect(row('Firms')[1]).toBe(3);
    const sheet = workbook.Sheets.Summary as XLSX.WorkSheet;
    const numberCell = Object.entries(sheet).find(([, cell]) => (cell as XLSX.CellObject).v === 4500);
    expect(numberCell).toBeDefined();
    expect((numberCell as [string, XLSX.CellObject])[1].t).toBe('n');
  });

  it('the PDF keeps the firm’s Vietnamese name with its diacritics, and the same totals', async () => {
    const json = (await (
      await api.call('GET', `/v1/enterprises/${firms.a1}/reports/annual?year=2026`, {
        as: officerOf(firms.a1),
      })
    ).json()) as Json & { figures: { workforce: Json; accidents: Json; health: Json } };
    const response = await api.call(
      'GET',
      `/v1/enterprises/${firms.a1}/reports/annual?year=2026&format=pdf`,
      {
        as: officerOf(firms.a1),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="bao-cao-atvsld-2026-Cong-ty-Co-khi-Dong-Thap.pdf"',
    );
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    let text = '';
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      text += `${content.items.map((item) => ('str' in item ? item.str : '')).join(' ')}\n`;
    }
    expect(text.normalize('NFC')).toContain(a1Name);
    expect(text).toContain('Báo cáo công tác an toàn, vệ sinh lao động năm 2026');
    expect(text).toMatch(new RegExp(`Tổng số lao động\\s+người\\s+${json.figures.workforce.total}`));
    expect(text).toMatch(
      new RegExp(`Số người chết vì tai nạn lao động\\s+người\\s+${json.figures.accidents.fatalities}`),
    );
    expect(text).toMatch(/Số người được khám phát hiện bệnh nghề nghiệp\s+người\s+240/);
  });
});

describe('the enterprise annual report (Appendix II)', () => {
  it('fills figures from the records first, then the form, and lists what is missing', async () => {
    const response = await api.call('GET', `/v1/enterprises/${firms.a1}/reports/annual?year=2026`, {
      as: callers.managerA,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Json & {
      figures: Record<string, Json>;
      sources: Record<string, Json>;
      missing: string[];
    };
    expect(report).toMatchObject({ year: 2026, dueOn: '2027-01-10', complete: false });
    expect(report.figures.workforce).toMatchObject({ total: 1500, women: 600, hazardous: 250 });
    expect(report.sources['workforce.total']).toEqual({ kind: 'form', from: 'annual-data' });
    expect(report.figures.accidents).toMatchObject({ total: 1, fatal: 1, fatalities: 2, victims: 3 });
    expect(report.sources['accidents.fatalities']).toMatchObject({
      kind: 'record',
      from: 'accidents',
      count: 1,
    });
    expect(report.figures.health).toMatchObject({ odExamined: 240, examined: null });
    // Group 3 training (the test helper's group) covers 2,000 workers on paper; never more than the headcount.
    expect(report.figures.training).toMatchObject({ group3: 1500, group1: null });
    expect(report.figures.monitoring).toMatchObject({ done: true, samples: null });
    expect(report.missing).toEqual(
      expect.arrayContaining(['health.examined', 'spending.total', 'training.group1']),
    );
    expect(report.missing).not.toContain('workforce.total');
  });

  it('is complete once the form gives everything the records do not', async () => {
    const data = {
      oshStaff: { fullTime: 0, partTime: 1 },
      medicalStaff: 1,
      oshCouncil: false,
      healthClasses: { I: 200, II: 200, III: 50, IV: 0, V: 0 },
      healthExams: { examined: 450, odExamined: 0 },
      occupationalDisease: { newCases: 0, totalCases: 0, daysLost: 0, earlyRetirement: 0, cost: 0 },
      accidentCosts: { daysLost: 12, cost: 15_000_000, propertyDamage: 0 },
      overtime: { workers: 100, totalHours: 8000, maxHoursPerMonth: 40 },
      inKindAllowance: { workers: 0, cost: 0 },
      monitoring: { samples: 20, failing: 1 },
      equipment: { inUse: 4, declared: 4 },
      training: { group1: 2, group2: 1, group3: 10, group4: 480, group5: 1, group6: 5 },
      spending: {
        technical: 1_000_000,
        hygiene: 0,
        ppe: 2_000_000,
        healthCare: 3_000_000,
        training: 0,
        monitoring: 500_000,
        riskAssessment: 0,
        other: 0,
      },
      riskAssessmentOn: '2026-03-01',
    };
    expect((await putAnnual(firms.a2, 2026, data, '"0"')).status).toBe(200);
    const report = (await (
      await api.call('GET', `/v1/enterprises/${firms.a2}/reports/annual?year=2026&lang=en`, {
        as: officerOf(firms.a2),
      })
    ).json()) as Json & { figures: Record<string, Json> };
    expect(report.missing).toEqual([]);
    expect(report.complete).toBe(true);
    expect(report.figures.spending).toMatchObject({ total: 6_500_000 });
    expect(report.figures.equipment).toMatchObject({ strict: { total: 4, inspected: 0, declared: 4 } });

    // The zone dashboard counts the complete report; the reminder on 1 December goes to the others only.
    const dashboard = (await (
      await api.call('GET', '/v1/zones/zone-a/dashboard?period=2026', { as: callers.managerA })
    ).json()) as Json;
    expect(dashboard.annualReports).toEqual({ year: '2026', complete: 1, firms: 2 });
    await runReminders(api.deps, '2026-11-30');
    await runReminders(api.deps, '2026-12-01');
    const reminded = async (eid: string) =>
      (await listNotifications(api.db, { enterpriseId: eid, limit: 50 })).items.filter(
        (notification) => notification.type === 'annual_report_due',
      );
    expect(await reminded(firms.a2)).toEqual([]);
    const [reminder, ...more] = await reminded(firms.a1);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ day: '2026-12-01', dedupe: 'annual_report_due#2026' });
    expect(reminder?.message.en).toContain('due on 2027-01-10');
  });

  it('gives the accident report of a half-year and of a year', async () => {
    const h1 = (await (
      await api.call('GET', `/v1/enterprises/${firms.a1}/reports/accidents?period=2026-H1`, {
        as: officerOf(firms.a1),
      })
    ).json()) as Json;
    expect(h1).toMatchObject({
      period: '2026-H1',
      from: '2026-01-01',
      to: '2026-06-30',
      totals: { accidents: 1, fatalities: 2 },
    });
    const h2 = (await (
      await api.call('GET', `/v1/enterprises/${firms.a1}/reports/accidents?period=2026-H2`, {
        as: officerOf(firms.a1),
      })
    ).json()) as Json;
    expect(h2).toMatchObject({ totals: { accidents: 0, fatalities: 0 } });
    const xlsx = await api.call(
      'GET',
      `/v1/enterprises/${firms.a2}/reports/accidents?period=2026&format=xlsx`,
      {
        as: officerOf(firms.a2),
      },
    );
    const rows = XLSX.utils.sheet_to_json<unknown[]>(
      XLSX.read(new Uint8Array(await xlsx.arrayBuffer()), { type: 'array' }).Sheets[
        'Tai nan'
      ] as XLSX.WorkSheet,
      { header: 1 },
    );
    expect(rows.at(-1)).toEqual(['Tổng cộng', 1, 2, 0, undefined, 12]);
  });
});

describe('PUT /v1/enterprises/{eid}/annual-data/{year}', () => {
  const read = async (eid: string) =>
    (await (
      await api.call('GET', `/v1/enterprises/${eid}/annual-data/2026`, { as: officerOf(eid) })
    ).json()) as Json;

  it('refuses bad figures and stale versions with a clear 4xx and changes nothing', async () => {
    const before = await read(firms.a1);
    const [countersBefore] = await getZoneReportCounters(api.db, ['zone-a'], ['2026']);
    const cases: Array<[unknown, string | undefined, number, string?]> = [
      [
        { overtime: { workers: -1, totalHours: 0, maxHoursPerMonth: 0 } },
        '"1"',
        400,
        'data.overtime.workers',
      ],
      [
        { overtime: { workers: 1, totalHours: 0, maxHoursPerMonth: 1000 } },
        '"1"',
        400,
        'data.overtime.maxHoursPerMonth',
      ],
      [
        {
          spending: {
            technical: 1e18,
            hygiene: 0,
            ppe: 0,
            healthCare: 0,
            training: 0,
            monitoring: 0,
            riskAssessment: 0,
            other: 0,
          },
        },
        '"1"',
        400,
        'data.spending.technical',
      ],
      [
        { overtime: { workers: 1.5, totalHours: 0, maxHoursPerMonth: 0 } },
        '"1"',
        400,
        'data.overtime.workers',
      ],
      [{ inKindAllowance: { workers: 1501, cost: 0 } }, '"1"', 400, 'data.inKindAllowance.workers'],
      [
        { workforce: { total: 100, women: 101, minors: 0, disabled: 0, elderly: 0, hazardous: 0 } },
        '"1"',
        400,
        'data.workforce.women',
      ],
      [{ unknownFigure: 1 }, '"1"', 400, 'data.unknownFigure'],
      [
        { workforce: { total: 9000, women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 } },
        '"0"',
        412,
      ],
      [
        { workforce: { total: 9000, women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 } },
        undefined,
        428,
      ],
    ];
    type FieldMessage = { path: string; message: string; localized?: { vi: string; en: string } };
    const messages = new Map<string, string>();
    for (const [data, ifMatch, status, path] of cases) {
      const response = await putAnnual(firms.a1, 2026, data, ifMatch);
      expect(response.status, JSON.stringify(data)).toBe(status);
      if (path) {
        const problem = (await response.json()) as { errors: FieldMessage[] };
        expect(problem.errors.map((error) => error.path)).toContain(path);
        // Every field message also comes in Vietnamese, beside the English `message` of the shared contract.
        for (const error of problem.errors) {
          expect(error.localized?.en, error.path).toBe(error.message);
          expect(error.localized?.vi, error.path).not.toBe(error.message);
          expect(error.localized?.vi, error.path).toMatch(/\p{L}/u);
        }
        messages.set(path, problem.errors.find((error) => error.path === path)?.localized?.vi ?? '');
      }
    }
    expect(messages.get('data.overtime.workers')).toBe('Số người lao động phải là số nguyên');
    expect(messages.get('data.workforce.women')).toBe(
      '101 người là nhiều hơn tổng số lao động của năm (100)',
    );
    expect(messages.get('data.unknownFigure')).toBe('Trường không được chấp nhận: hãy bỏ đi');
    expect(messages.get('data.spending.technical')).toBe('Số nằm ngoài khoảng cho phép');
    expect(messages.get('data.overtime.maxHoursPerMonth')).toBe(
      'Số giờ làm thêm trong một tháng tối đa là 744',
    );
    expect(await read(firms.a1)).toEqual(before);
    const [countersAfter] = await getZoneReportCounters(api.db, ['zone-a'], ['2026']);
    expect(countersAfter).toEqual(countersBefore);
    const wrongYear = await putAnnual(firms.a1, 1999, {}, '"1"');
    expect(wrongYear.status).toBe(400);
    expect(((await wrongYear.json()) as { errors: FieldMessage[] }).errors[0]?.localized?.vi).toMatch(
      /^Năm phải từ 2000 đến \d{4}$/,
    );
    const notOwn = await api.call('PUT', `/v1/enterprises/${firms.a1}/annual-data/2026`, {
      as: callers.managerA,
      body: { data: {} },
      headers: { 'If-Match': '"1"' },
    });
    expect(notOwn.status).toBe(403);
  });

  it('answers version 0 and no data for a year nothing was entered, with its ETag', async () => {
    const response = await api.call('GET', `/v1/enterprises/${firms.b1}/annual-data/2025`, {
      as: callers.inspector,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe('"0"');
    expect(await response.json()).toEqual({ year: 2025, version: 0, data: {} });
  });
});

describe('completeness follows the records', () => {
  /** A pending upload of real PDF bytes in the bucket, as a firm's upload leaves it before `confirm`. */
  const pendingUpload = async (eid: string, kind: string, issuedOn: string, workersCovered: number) => {
    const id = `c${++shaCount}`;
    // A length of its own, so each file has its own SHA-256 (the same document counts once).
    const bytes = samplePdf(1000 + shaCount);
    const objectKey = `enterprises/${eid}/evidence/${id}`;
    await createEvidence(api.db, {
      id,
      enterpriseId: eid,
      zoneId: 'zone-a',
      kind,
      fileName: `${id}.pdf`,
      contentType: 'application/pdf',
      size: bytes.length,
      sha256: sha256Hex(bytes),
      issuedOn,
      expiresOn: '2027-12-31',
      workersCovered,
      objectKey,
      status: 'pending_upload',
      createdAt: now,
      createdBy: officerOf(eid).sub,
    });
    await api.storeObject(objectKey, bytes, 'application/pdf');
    return id;
  };
  const confirm = async (eid: string, id: string) => {
    const response = await api.call('POST', `/v1/enterprises/${eid}/evidence/${id}/confirm`, {
      as: officerOf(eid),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Json).status).toBe('verified');
  };
  const report2025 = async (eid: string) =>
    (await (
      await api.call('GET', `/v1/enterprises/${eid}/reports/annual?year=2025`, { as: officerOf(eid) })
    ).json()) as { complete: boolean; missing: string[] };
  const completeIn2025 = async () => {
    const dashboard = (await (
      await api.call('GET', '/v1/zones/zone-a/dashboard?period=2025', { as: callers.managerA })
    ).json()) as { annualReports: { complete: number } };
    return dashboard.annualReports.complete;
  };

  it('marks the report complete, and the zone counts it, when verified evidence fills the last missing figures', async () => {
    // a2's 2025 form has everything but the health exams, which the records must give.
    const data = {
      oshStaff: { fullTime: 0, partTime: 1 },
      medicalStaff: 1,
      oshCouncil: true,
      healthClasses: { I: 200, II: 200, III: 50, IV: 0, V: 0 },
      occupationalDisease: { newCases: 0, totalCases: 0, daysLost: 0, earlyRetirement: 0, cost: 0 },
      accidentCosts: { daysLost: 0, cost: 0, propertyDamage: 0 },
      overtime: { workers: 10, totalHours: 800, maxHoursPerMonth: 20 },
      inKindAllowance: { workers: 0, cost: 0 },
      monitoring: { samples: 5, failing: 0 },
      equipment: { inUse: 2, declared: 2 },
      training: { group1: 1, group2: 1, group3: 2, group4: 400, group5: 1, group6: 2 },
      spending: {
        technical: 1,
        hygiene: 0,
        ppe: 0,
        healthCare: 0,
        training: 0,
        monitoring: 0,
        riskAssessment: 0,
        other: 0,
      },
      riskAssessmentOn: '2025-03-01',
    };
    const before = await completeIn2025();
    expect((await putAnnual(firms.a2, 2025, data, '"0"')).status).toBe(200);
    expect((await report2025(firms.a2)).missing).toEqual(['health.examined', 'health.odExamined']);
    expect(await completeIn2025()).toBe(before);

    await confirm(firms.a2, await pendingUpload(firms.a2, 'health_exam_record', '2025-10-01', 450));
    expect(await report2025(firms.a2)).toMatchObject({ complete: false, missing: ['health.odExamined'] });
    expect(await completeIn2025()).toBe(before);

    await confirm(firms.a2, await pendingUpload(firms.a2, 'occupational_disease_exam', '2025-10-02', 40));
    expect(await report2025(firms.a2)).toMatchObject({ complete: true, missing: [] });
    // The zone's count moved with the evidence, without another save of the form.
    expect(await completeIn2025()).toBe(before + 1);
  });

  it('marks it incomplete again, and the zone stops counting it, when a reviewer rejects evidence a figure reads', async () => {
    const before = await completeIn2025();
    const odExamined2025 = async () =>
      (await getZoneReportCounters(api.db, ['zone-a'], ['2025']))[0]?.years['2025']?.odExamined;
    const examinedBefore = await odExamined2025();
    const exam = await pendingUpload(firms.a2, 'occupational_disease_exam', '2025-10-03', 30);
    await confirm(firms.a2, exam);
    expect(await odExamined2025()).toBe((examinedBefore ?? 0) + 30);
    expect((await report2025(firms.a2)).complete).toBe(true);
    const verdict = (id: string) =>
      api.call('POST', `/v1/enterprises/${firms.a2}/evidence/${id}/review`, {
        as: callers.managerA,
        body: { decision: 'rejected', reason: 'Không đúng doanh nghiệp' },
      });
    // Another exam still fills the figure when this one is rejected: the report stays complete and counted.
    expect((await verdict(exam)).status).toBe(200);
    expect(await completeIn2025()).toBe(before);
    expect(await odExamined2025()).toBe(examinedBefore);
    expect((await report2025(firms.a2)).complete).toBe(true);

    // Rejecting the last exam the figure reads empties it: the report is incomplete and the zone counts one fewer,
    // with no save of the form.
    const { items } = (await (
      await api.call('GET', `/v1/enterprises/${firms.a2}/evidence?limit=200`, { as: officerOf(firms.a2) })
    ).json()) as {
      items: Array<{ id: string; kind: string; issuedOn: string; status: string; review?: unknown }>;
    };
    const lastExam = items.find(
      (item) =>
        item.kind === 'occupational_disease_exam' &&
        item.issuedOn.startsWith('2025') &&
        item.status === 'verified' &&
        item.review === undefined,
    );
    expect(lastExam).toBeDefined();
    expect((await verdict(lastExam?.id ?? '')).status).toBe(200);
    expect(await report2025(firms.a2)).toMatchObject({ complete: false, missing: ['health.odExamined'] });
    expect(await completeIn2025()).toBe(before - 1);
    expect(await odExamined2025()).toBe((examinedBefore ?? 0) - 40);
  });

  it('marks it incomplete again when the firm deletes the only file a figure reads', async () => {
    const before = await completeIn2025();
    await confirm(firms.a2, await pendingUpload(firms.a2, 'occupational_disease_exam', '2025-10-04', 25));
    expect(await report2025(firms.a2)).toMatchObject({ complete: true, missing: [] });
    expect(await completeIn2025()).toBe(before + 1);
    // The health exam record is the one document behind health.examined, verified and linked to nothing.
    const { items } = (await (
      await api.call('GET', `/v1/enterprises/${firms.a2}/evidence?limit=200`, { as: officerOf(firms.a2) })
    ).json()) as { items: Array<{ id: string; kind: string; issuedOn: string; status: string }> };
    const record = items.find(
      (item) => item.kind === 'health_exam_record' && item.issuedOn.startsWith('2025'),
    );
    expect(record?.status).toBe('verified');
    const deleted = await api.call('DELETE', `/v1/enterprises/${firms.a2}/evidence/${record?.id}`, {
      as: officerOf(firms.a2),
    });
    expect(deleted.status).toBe(204);
    expect(await report2025(firms.a2)).toMatchObject({ complete: false, missing: ['health.examined'] });
    expect(await completeIn2025()).toBe(before);
  });
});
