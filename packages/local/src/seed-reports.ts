import { type AppDeps, saveAnnualData } from '@antoan/api';
import { createAccident, hasMarker, setMarker } from '@antoan/db';
import { accidentDay, investigationOf, mustDeclareImmediately } from '@antoan/domain';
import { demoEnterprises, demoUsers } from './demo-data';
import { uploadDemoEvidence } from './seed-evidence';

/** Bump when the reports demo changes. */
const REPORTS_MARKER = 'demo-reports-v1';

/**
 * Two years of report figures, so the zone and city reports show real year-on-year change: fatal accidents in
 * 2025 (more deaths than this year's, so the fatal-rate target is met), occupational-disease exams in both
 * years (more firms examined in 2026: met), monitoring reports in 2026 for fewer firms than the 2025 ones the
 * evidence demo uploads (missed), and the 2025 annual form of the first demo officer's firm, filled in full so
 * its Appendix II report is complete, while the second officer's stays incomplete (and gets reminders).
 */
export async function seedDemoReports(deps: AppDeps): Promise<{ seeded: boolean; files: number }> {
  if (await hasMarker(deps.db, REPORTS_MARKER)) return { seeded: false, files: 0 };
  const enterprises = demoEnterprises();
  const officers = demoUsers(enterprises).flatMap((user) => user.enterpriseId ?? []);
  let files = 0;
  const uploads: Array<() => Promise<void>> = [];
  enterprises.forEach((firm, index) => {
    const hazardous = Math.max(1, firm.workforce.hazardous);
    if (index % 10 === 3)
      uploads.push(() =>
        uploadDemoEvidence(deps, firm, {
          kind: 'occupational_disease_exam',
          issuedOn: '2025-06-10',
          workersCovered: Math.ceil(hazardous * 0.6),
          variant: 2000 + index,
        }),
      );
    if (index % 8 === 3)
      uploads.push(() =>
        uploadDemoEvidence(deps, firm, {
          kind: 'occupational_disease_exam',
          issuedOn: '2026-06-10',
          workersCovered: Math.ceil(hazardous * 0.7),
          variant: 3000 + index,
        }),
      );
    if (index % 30 === 5)
      uploads.push(() =>
        uploadDemoEvidence(deps, firm, {
          kind: 'environment_monitoring_report',
          issuedOn: '2026-04-20',
          expiresOn: '2027-04-20',
          variant: 4000 + index,
        }),
      );
  });
  for (let start = 0; start < uploads.length; start += 6) {
    await Promise.all(uploads.slice(start, start + 6).map((upload) => upload()));
    files += Math.min(6, uploads.length - start);
  }

  // 2025: six fatal accidents in as many firms, one death each.
  for (const [n, index] of [7, 31, 64, 98, 141, 205].entries()) {
    const firm = enterprises[index];
    if (!firm) continue;
    const at = `2025-0${(n % 9) + 1}-1${n}T02:30:00.000Z`;
    const facts = { severity: 'fatal' as const, victims: 1, fatalities: 1, cause: 'Ngã từ trên cao' };
    await createAccident(deps.db, {
      id: `demo-accident-2025-${n}`,
      enterpriseId: firm.id,
      zoneId: firm.zoneId,
      occurredAt: at,
      occurredOn: accidentDay(at),
      ...facts,
      description: 'Ngã từ giàn giáo (dữ liệu minh họa).',
      declareImmediately: mustDeclareImmediately(facts),
      investigation: investigationOf({ ...facts, occurredAt: at }),
      reportedAt: at,
      reportedBy: 'seed',
    }).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'ConflictError')) throw error;
    });
  }

  const complete = enterprises.find((firm) => firm.id === officers[0]);
  if (complete) {
    const headcount = complete.headcount;
    const share = (part: number) => Math.floor(headcount * part);
    const saved = await saveAnnualData(deps, {
      enterprise: complete,
      year: 2025,
      expectedVersion: 0,
      actor: 'seed',
      figures: {
        oshStaff: { fullTime: headcount >= 300 ? 1 : 0, partTime: 1 },
        medicalStaff: 1,
        oshCouncil: headcount >= 300,
        healthClasses: { I: share(0.4), II: share(0.4), III: share(0.15), IV: share(0.03), V: 0 },
        healthExams: { examined: share(0.95), odExamined: complete.workforce.hazardous },
        occupationalDisease: { newCases: 0, totalCases: 1, daysLost: 4, earlyRetirement: 0, cost: 6_000_000 },
        accidentCosts: { daysLost: 0, cost: 0, propertyDamage: 0 },
        overtime: { workers: share(0.3), totalHours: share(0.3) * 120, maxHoursPerMonth: 36 },
        inKindAllowance: {
          workers: complete.workforce.hazardous,
          cost: complete.workforce.hazardous * 1_200_000,
        },
        monitoring: { samples: 24, failing: 2 },
        equipment: {
          inUse: complete.strictEquipmentCount ?? 2,
          declared: complete.strictEquipmentCount ?? 2,
        },
        training: {
          group1: 3,
          group2: 2,
          group3: share(0.1),
          group4: share(0.8),
          group5: 1,
          group6: Math.max(1, share(0.02)),
        },
        spending: {
          technical: 120_000_000,
          hygiene: 40_000_000,
          ppe: 85_000_000,
          healthCare: 60_000_000,
          training: 30_000_000,
          monitoring: 25_000_000,
          riskAssessment: 15_000_000,
          other: 5_000_000,
        },
        riskAssessmentOn: '2025-09-15',
      },
    });
    if (!saved.ok && saved.error.kind === 'invalid')
      throw new Error(`demo annual figures refused: ${JSON.stringify(saved.error.errors)}`);
  }
  await setMarker(deps.db, REPORTS_MARKER, deps.now().toISOString());
  return { seeded: true, files };
}
