import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAccident } from './accidents';
import { getAnnualData, listAnnualData, putAnnualData } from './annual-data';
import { createAssessment, submitAssessment } from './assessments';
import type { DbContext } from './client';
import { createEnterprise, type Enterprise } from './enterprises';
import { ConflictError } from './errors';
import { createEvidence, type Evidence, settleEvidence } from './evidence';
import {
  evidenceYearFacts,
  firmYearWrites,
  getFirmYearFacts,
  getZoneReportCounters,
  listFirmYearFacts,
  listZoneYearTallies,
  noFirmYearFacts,
  putFirmYearFacts,
  putZoneYearTallies,
  zoneYearTotals,
} from './firm-years';
import { createTestDb } from './local';
import { rebuildZoneEnterpriseCounts } from './oversight';
import { transactWrite } from './transact';
import { createZone } from './zones';

let ctx: DbContext;
const at = '2026-02-01T00:00:00.000Z';
const firm = (id: string, headcount: number, hazardous: number, highRisk = false): Enterprise => ({
  id,
  taxCode: `90000000${id.slice(-2)}`,
  name: `Firm ${id}`,
  zoneId: 'zy',
  sectorCode: highRisk ? 'F4100' : 'C1010',
  highRisk,
  headcount,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous },
  createdAt: at,
});

let evidenceCount = 0;
async function verifiedEvidence(
  enterpriseId: string,
  kind: string,
  issuedOn: string,
  workersCovered: number,
  sha = String(++evidenceCount).padStart(64, '0'),
): Promise<Evidence> {
  const evidence: Evidence = {
    id: `v${++evidenceCount}`,
    enterpriseId,
    zoneId: 'zy',
    kind,
    fileName: 'x.pdf',
    contentType: 'application/pdf',
    size: 10,
    sha256: sha,
    issuedOn,
    workersCovered,
    objectKey: `k/${evidenceCount}`,
    status: 'pending_upload',
    createdAt: at,
    createdBy: 'u',
  };
  await createEvidence(ctx, evidence);
  return evidence;
}
const settle = (evidence: Evidence) =>
  settleEvidence(ctx, {
    evidence,
    outcome: { status: 'verified', objectKey: `verified/${evidence.objectKey}` },
    actor: 'u',
    at,
  });

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createZone(ctx, { id: 'zy', code: 'ZY', name: 'Zone Y', createdAt: at }, 'seed');
  await createEnterprise(ctx, firm('f01', 100, 30, true), 'seed');
  await createEnterprise(ctx, firm('f02', 50, 0), 'seed');
});

describe('zone report counters', () => {
  it('count registered firms, their headcount and hazardous-job workers with the registration', async () => {
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone).toMatchObject({ zoneId: 'zy', firms: 2, highRisk: 1, headcount: 150, hazardous: 30 });
    expect(zone?.years['2026']).toMatchObject({ odExamined: 0, monitored: 0, headcountAdjust: 0 });
  });

  it('cap occupational-disease exams per firm at its hazardous workers (headcount when 0), a document once', async () => {
    await settle(await verifiedEvidence('f01', 'occupational_disease_exam', '2026-03-01', 20));
    // The same file uploaded again as a second record counts nothing more.
    await settle(
      await verifiedEvidence('f01', 'occupational_disease_exam', '2026-03-02', 20, '1'.padStart(64, '0')),
    );
    const twice = await verifiedEvidence(
      'f01',
      'occupational_disease_exam',
      '2026-04-01',
      25,
      'ab'.repeat(32),
    );
    await settle(twice);
    await settle(
      await verifiedEvidence('f01', 'occupational_disease_exam', '2026-05-01', 5, 'ab'.repeat(32)),
    );
    // f02 declares no hazardous workers, so its headcount caps it.
    await settle(await verifiedEvidence('f02', 'occupational_disease_exam', '2026-05-01', 70));
    // Another year is counted in that year.
    await settle(await verifiedEvidence('f02', 'occupational_disease_exam', '2025-05-01', 10));
    const facts = await getFirmYearFacts(ctx, 'f01', '2026');
    expect(facts.odExamined).toBe(45);
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2025', '2026']);
    expect(zone?.years['2026']?.odExamined).toBe(30 + 50);
    expect(zone?.years['2025']?.odExamined).toBe(10);
  });

  it('count a monitored firm once a year however many reports it has, also when they settle at once', async () => {
    const reports = await Promise.all([
      verifiedEvidence('f02', 'environment_monitoring_report', '2026-06-01', 0),
      verifiedEvidence('f02', 'environment_monitoring_report', '2026-07-01', 0),
      verifiedEvidence('f01', 'environment_monitoring_report', '2026-07-01', 0),
    ]);
    await Promise.all(reports.map(settle));
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone?.years['2026']?.monitored).toBe(2);
  });

  it('count concurrent examinations of one firm without losing one', async () => {
    const exams = await Promise.all(
      [1, 2, 3].map((n) => verifiedEvidence('f02', 'occupational_disease_exam', `2024-01-0${n}`, n)),
    );
    await Promise.all(exams.map(settle));
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2024']);
    expect(zone?.years['2024']?.odExamined).toBe(6);
  });

  it('move by the difference when the annual form changes the year’s headcount, and refuse a stale version', async () => {
    const first = await putAnnualData(ctx, {
      enterpriseId: 'f01',
      year: '2026',
      expectedVersion: 0,
      data: { workforce: { total: 120 } },
      headcount: 120,
      hazardous: 40,
      reportComplete: true,
      actor: 'u',
      at,
    });
    expect(first.version).toBe(1);
    let [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone?.years['2026']).toMatchObject({
      headcountAdjust: 20,
      hazardousAdjust: 10,
      odExamined: 40 + 50,
    });
    await putAnnualData(ctx, {
      enterpriseId: 'f01',
      year: '2026',
      expectedVersion: 1,
      data: {},
      headcount: 90,
      hazardous: null,
      reportComplete: false,
      actor: 'u',
      at,
    });
    [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone?.years['2026']).toMatchObject({
      headcountAdjust: -10,
      hazardousAdjust: 0,
      odExamined: 30 + 50,
    });
    await expect(
      putAnnualData(ctx, {
        enterpriseId: 'f01',
        year: '2026',
        expectedVersion: 1,
        data: { stale: true },
        headcount: 500,
        hazardous: null,
        reportComplete: true,
        actor: 'u',
        at,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await getAnnualData(ctx, 'f01', '2026')).version).toBe(2);
    [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone?.years['2026']?.headcountAdjust).toBe(-10);
  });

  it('count a firm submitted once a year with the rating of its latest self-check', async () => {
    for (const [period, rating] of [
      ['2026-H1', 'D'],
      ['2026-H2', 'B'],
    ] as const) {
      const assessment = await createAssessment(ctx, {
        id: `a-${period}`,
        enterpriseId: 'f01',
        zoneId: 'zy',
        templateId: 't',
        templateVersion: 1,
        period,
        status: 'draft',
        version: 1,
        applicableItemIds: [],
        answers: {},
        createdAt: at,
        createdBy: 'u',
        updatedAt: at,
      });
      await submitAssessment(ctx, {
        assessment,
        score: { total: 60, rating, sections: [] },
        facts: { enterpriseName: 'f01', sectorCode: 'F4100', headcount: 100, highRisk: true },
        nextDueOn: '2026-12-31',
        actor: 'u',
        at,
      });
    }
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone?.years['2026']).toMatchObject({ submitted: 1, ratings: { A: 0, B: 1, C: 0, D: 0 } });
  });

  it('read fatalities from the accident counters, and a rebuild keeps headcounts', async () => {
    await createAccident(ctx, {
      id: 'acc1',
      enterpriseId: 'f02',
      zoneId: 'zy',
      occurredAt: '2026-03-01T03:00:00.000Z',
      occurredOn: '2026-03-01',
      severity: 'fatal',
      victims: 2,
      fatalities: 1,
      cause: 'x',
      description: 'x',
      declareImmediately: true,
      investigation: { days: 30, dueOn: '2026-03-31', basis: { vi: 'x', en: 'x' } },
      reportedAt: at,
      reportedBy: 'u',
    });
    await rebuildZoneEnterpriseCounts(ctx, 'zy');
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2026']);
    expect(zone).toMatchObject({ firms: 2, headcount: 150, hazardous: 30 });
    expect(zone?.years['2026']).toMatchObject({ accidents: 1, fatalAccidents: 1, victims: 2, fatalities: 1 });
  });
});

describe('year facts for callers with their own transaction, and the backfill', () => {
  it('firmYearWrites moves the facts and the zone by the difference, once, under the version read', async () => {
    const before = await getFirmYearFacts(ctx, 'f02', '2031');
    expect(before.version).toBe(0);
    const writes = await firmYearWrites(ctx, { enterpriseId: 'f02', year: '2031' }, (facts) => ({
      ...facts,
      monitored: true,
      reportComplete: true,
    }));
    expect(writes).toHaveLength(2);
    // Another writer moves the year first: the planned writes are refused whole.
    await putAnnualData(ctx, {
      enterpriseId: 'f02',
      year: '2031',
      expectedVersion: 0,
      data: {},
      headcount: null,
      hazardous: null,
      reportComplete: false,
      actor: 'u',
      at,
    });
    await expect(transactWrite(ctx, writes, () => new ConflictError('moved', 'moved'))).rejects.toThrow(
      ConflictError,
    );
    const again = await firmYearWrites(ctx, { enterpriseId: 'f02', year: '2031' }, (facts) => ({
      ...facts,
      monitored: true,
      reportComplete: true,
    }));
    await transactWrite(ctx, again, () => new ConflictError('moved', 'moved'));
    expect(await getFirmYearFacts(ctx, 'f02', '2031')).toMatchObject({
      monitored: true,
      reportComplete: true,
    });
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2031']);
    expect(zone?.years['2031']).toMatchObject({ monitored: 1, reportsComplete: 1 });
  });

  it('lists and replaces firm year items and zone year counters, and derives evidence facts as settling does', async () => {
    const years = await listFirmYearFacts(ctx, 'f02');
    expect([...years.keys()]).toContain('2031');
    await putFirmYearFacts(
      ctx,
      { enterpriseId: 'f02', zoneId: 'zy', year: '2031' },
      { ...noFirmYearFacts, submitted: true, rating: 'B', version: 9 },
    );
    expect(await getFirmYearFacts(ctx, 'f02', '2031')).toMatchObject({
      submitted: true,
      rating: 'B',
      version: 9,
    });
    const totals = zoneYearTotals([
      {
        profile: { zoneId: 'zy', headcount: 50, hazardous: 0 },
        facts: { ...noFirmYearFacts, submitted: true, rating: 'B', annualHeadcount: 60, version: 9 },
      },
    ]);
    expect(totals).toMatchObject({ submitted: 1, 'rating#B': 1, 'rating#A': 0, headcountAdjust: 10 });
    await putZoneYearTallies(ctx, 'zy', '2031', totals);
    expect((await listZoneYearTallies(ctx, 'zy')).get('2031')).toEqual(totals);
    const [zone] = await getZoneReportCounters(ctx, ['zy'], ['2031']);
    expect(zone?.years['2031']).toMatchObject({ submitted: 1, monitored: 0, ratings: { B: 1 } });
    expect(
      evidenceYearFacts([
        { kind: 'occupational_disease_exam', sha256: 'AA', workersCovered: 4 },
        { kind: 'occupational_disease_exam', sha256: 'aa', workersCovered: 9 },
        { kind: 'training_certificate', sha256: 'bb', workersCovered: 3 },
        { kind: 'environment_monitoring_report', sha256: 'cc' },
      ]),
    ).toEqual({ odExamined: 4, monitored: true, documents: ['aa', 'cc'] });
    expect((await listAnnualData(ctx, 'f02')).map((form) => form.year)).toContain('2031');
  });
});
