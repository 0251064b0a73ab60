import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TARGETING_WEIGHTS,
  isoWeek,
  mustInclude,
  PRIORITY_BANDS,
  priorityBand,
  priorityOf,
  rankTargets,
  seededRandom,
  type TargetingFacts,
  type TargetingReasonCode,
} from './targeting';

const today = '2026-11-23';

/** A steel workshop: 300 workers, 120 of them in hazardous jobs, self-score 42.5, nothing else on record. */
const steelWorks: TargetingFacts = {
  enterpriseId: 'E-STEEL',
  sectorCode: 'C2410',
  highRisk: true,
  headcount: 300,
  hazardousWorkers: 120,
  selfScore: 42.5,
  selfCheckStatus: 'ok',
  fatalAccidentsThisYear: 0,
  seriousAccidentsLast12Months: 0,
  expiredCriticalEvidence: 0,
  credibilityGap: null,
};

/** An accounting office with a good score: nothing stands out. */
const office: TargetingFacts = {
  ...steelWorks,
  enterpriseId: 'E-OFFICE',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 40,
  hazardousWorkers: 0,
  selfScore: 85,
};

/** The golden numbers below take self-scores at face value; the shrinking of unvalidated ones has its own tests. */
const faceValue = { ...DEFAULT_TARGETING_WEIGHTS, unvalidatedScoreWeight: 1 };
const priority = (facts: TargetingFacts, day = today) =>
  priorityOf(facts, { today: day, weights: faceValue }).priority;
const codes = (facts: TargetingFacts) =>
  priorityOf(facts, { today, weights: faceValue }).reasons.map((reason) => reason.code);
const reason = (facts: TargetingFacts, code: TargetingReasonCode) =>
  priorityOf(facts, { today, weights: faceValue }).reasons.find((r) => r.code === code)?.detail;

describe('unvalidated self-scores', () => {
  const at = (selfScore: number, credibilityGap: number | null = null) =>
    priorityOf({ ...steelWorks, selfScore, credibilityGap }, { today }).priority;

  it('moves priority far less when a firm raises an unchecked self-score from 40 to 95', () => {
    // Face value: (100 − 40) / (100 − 95) = 12×. Shrunk toward 60 by 0.4: 52 and 74 → 48 / 26 ≈ 1.85×.
    expect(priorityOf({ ...steelWorks, selfScore: 40 }, { today, weights: faceValue }).priority).toBeCloseTo(
      12 * priorityOf({ ...steelWorks, selfScore: 95 }, { today, weights: faceValue }).priority,
      0,
    );
    expect(at(40) / at(95)).toBeCloseTo(48 / 26, 2);
  });

  it('takes a self-score at face value once an inspection found it within the noise, and says when it did not', () => {
    expect(at(95, 3)).toBeCloseTo(
      priorityOf({ ...steelWorks, selfScore: 95 }, { today, weights: faceValue }).priority,
      5,
    );
    expect(priorityOf({ ...steelWorks, selfScore: 95 }, { today }).reasons.map((r) => r.code)).toContain(
      'unvalidated_self_score',
    );
    // A gap above the noise leaves the score unvalidated, and the gap multiplies on top.
    expect(at(95, 30)).toBeGreaterThan(at(95));
  });
});

const factsArbitrary: fc.Arbitrary<TargetingFacts> = fc
  .record({
    enterpriseId: fc.string({ minLength: 1, maxLength: 6 }),
    sectorCode: fc.constantFrom('C2410', 'F4100', 'B0810', 'C1010', 'A0111', 'H4933', 'M6920', 'G4711'),
    highRisk: fc.boolean(),
    headcount: fc.integer({ min: 0, max: 20_000 }),
    hazardousWorkers: fc.integer({ min: 0, max: 20_000 }),
    selfScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
    selfCheckStatus: fc.constantFrom('ok', 'due', 'overdue', 'never'),
    fatalAccidentsThisYear: fc.nat(5),
    seriousAccidentsLast12Months: fc.nat(10),
    expiredCriticalEvidence: fc.nat(10),
    credibilityGap: fc.option(fc.double({ min: -100, max: 100, noNaN: true })),
    lastInspectedOn: fc.option(
      fc.date({ min: new Date('2020-01-01'), max: new Date(today), noInvalidDate: true }),
      {
        nil: undefined,
      },
    ),
  })
  .map(({ lastInspectedOn, ...facts }) =>
    lastInspectedOn === undefined
      ? facts
      : { ...facts, lastInspectedOn: lastInspectedOn.toISOString().slice(0, 10) },
  );

describe('priorityOf', () => {
  it('is lack of compliance × sector hazard × the square root of exposed workers', () => {
    // (100 − 42.5)/100 × 3 × √(120 + 0.25 × 180) = 0.575 × 3 × √165 ≈ 22.158
    expect(priority(steelWorks)).toBe(22.16);
    expect(codes(steelWorks)).toEqual(['low_self_score', 'high_hazard_sector', 'large_exposed_workforce']);
    expect(reason(steelWorks, 'low_self_score')).toEqual({
      vi: 'Tự đánh giá 42,5/100',
      en: 'Self-assessment score 42.5/100',
    });
    expect(reason(steelWorks, 'high_hazard_sector')).toEqual({
      vi: 'Ngành C2410 — Sản xuất kim loại: hệ số nguy hiểm 3',
      en: 'Sector C2410 — Manufacture of basic metals: hazard factor 3',
    });
    expect(reason(steelWorks, 'large_exposed_workforce')?.en).toBe(
      '120 workers in hazardous jobs out of 300: size factor 12.85',
    );
  });

  it('gives a firm with a good score and nothing on record no reasons', () => {
    // 0.15 × 1 × √10
    expect(priority(office)).toBe(0.47);
    expect(codes(office)).toEqual([]);
  });

  it('counts a firm that never submitted as 40/100, above the same firm with a good score', () => {
    const neverSubmitted = { ...office, selfScore: null, selfCheckStatus: 'never' } as const;
    expect(priority(neverSubmitted)).toBeGreaterThan(priority(office));
    expect(codes(neverSubmitted)).toEqual(['unknown_compliance', 'overdue_self_check']);
    expect(reason(neverSubmitted, 'unknown_compliance')).toEqual({
      vi: 'Chưa từng nộp tự đánh giá; tính như 40/100',
      en: 'No self-assessment ever submitted; counted as 40/100',
    });
    const newFirm = { ...office, selfScore: null, selfCheckStatus: 'due' } as const;
    expect(priority(newFirm)).toBeGreaterThan(priority(office));
    expect(codes(newFirm)).toEqual(['unknown_compliance']);
  });

  it('does not trust a stale score above the assumed one, and raises an overdue firm', () => {
    const stale = { ...office, selfScore: 90, selfCheckStatus: 'overdue' } as const;
    // 0.6 × 1 × √10 × 1.25
    expect(priority(stale)).toBe(2.37);
    expect(reason(stale, 'unknown_compliance')?.en).toBe(
      'Self-assessment score 90/100 is out of date; counted as 40/100',
    );
    expect(reason(stale, 'overdue_self_check')).toEqual({
      vi: 'Quá hạn tự kiểm tra định kỳ (×1,25)',
      en: 'Periodic self-inspection overdue (×1.25)',
    });
    const staleAndLow = { ...stale, selfScore: 20 };
    expect(codes(staleAndLow)).toEqual(['low_self_score', 'overdue_self_check']);
  });

  it('keeps a floor, so that a perfect score is not zero risk', () => {
    // 0.05 × 1 × √10
    expect(priority({ ...office, selfScore: 100 })).toBe(0.16);
  });

  it('takes the sector hazard from the longest matching VSIC prefix', () => {
    const weights = {
      ...faceValue,
      sectorHazardByPrefix: { C: 1.5, C10: 2, C241: 4 },
    };
    const hazard = (sectorCode: string, highRisk = false) =>
      priorityOf({ ...office, sectorCode, highRisk, selfScore: 0 }, { today, weights }).priority /
      Math.sqrt(10);
    expect(hazard('C1010')).toBeCloseTo(2, 2);
    expect(hazard('C1311')).toBeCloseTo(1.5, 2);
    expect(hazard('C2420')).toBeCloseTo(3, 2);
    expect(hazard('C2410')).toBeCloseTo(4, 2);
    expect(hazard('M6920')).toBeCloseTo(1, 2);
    expect(hazard('M6920', true)).toBeCloseTo(3, 2);
  });

  it('names a manufacturing sector without a name, and a flagged high-risk firm', () => {
    expect(reason({ ...office, sectorCode: 'C1010' }, 'high_hazard_sector')?.vi).toBe(
      'Ngành C1010: hệ số nguy hiểm 1,5',
    );
    expect(reason({ ...office, highRisk: true }, 'high_hazard_sector')?.en).toBe(
      'Sector M6920: hazard factor 3',
    );
  });

  it('grows with the square root of exposed workers, so 100× the workers is 10× the priority', () => {
    const small = { ...steelWorks, headcount: 50, hazardousWorkers: 50 };
    const large = { ...steelWorks, headcount: 5000, hazardousWorkers: 5000 };
    expect(priority(large) / priority(small)).toBeCloseTo(10, 1);
  });

  it('multiplies by accidents, expired critical evidence and a credibility gap, each with its reason', () => {
    const troubled: TargetingFacts = {
      ...office,
      fatalAccidentsThisYear: 1,
      seriousAccidentsLast12Months: 2,
      expiredCriticalEvidence: 3,
      credibilityGap: 30,
    };
    // 0.47... × 2 × 1.5 × 1.45 × 2
    expect(priority(troubled)).toBeCloseTo(0.15 * Math.sqrt(10) * 2 * 1.5 * 1.45 * 2, 2);
    expect(reason(troubled, 'fatal_accident')).toEqual({
      vi: '1 vụ tai nạn lao động chết người trong năm nay (×2)',
      en: '1 fatal accident this year (×2)',
    });
    expect(reason(troubled, 'serious_accidents')).toEqual({
      vi: '2 vụ tai nạn lao động nặng trong 12 tháng qua (×1,5)',
      en: '2 serious accidents in the last 12 months (×1.5)',
    });
    expect(reason(troubled, 'expired_critical_evidence')).toEqual({
      vi: '3 minh chứng quan trọng đã hết hạn (×1,45)',
      en: '3 critical evidence items expired (×1.45)',
    });
    expect(reason(troubled, 'credibility_gap')).toEqual({
      vi: 'Tự đánh giá cao hơn kết quả thanh tra 30 điểm (×2)',
      en: 'Self-assessment 30 points above the inspection score (×2)',
    });
  });

  it('caps accident and evidence counts', () => {
    const many = { ...office, fatalAccidentsThisYear: 9, expiredCriticalEvidence: 9 };
    const capped = { ...office, fatalAccidentsThisYear: 3, expiredCriticalEvidence: 4 };
    expect(priority(many)).toBe(priority(capped));
  });

  it('ignores a credibility gap up to 10 points and caps it at 50', () => {
    expect(codes({ ...office, credibilityGap: 10 })).toEqual([]);
    expect(codes({ ...office, credibilityGap: -25 })).toEqual([]);
    expect(priority({ ...office, credibilityGap: 80 })).toBe(priority({ ...office, credibilityGap: 50 }));
  });

  it('halves the priority right after an inspection, fading to nothing over a year', () => {
    const inspected = (lastInspectedOn: string) => ({ ...steelWorks, lastInspectedOn });
    expect(priority(inspected(today))).toBe(Math.round(priority(steelWorks) * 50) / 100);
    expect(priority(inspected('2026-05-25'))).toBeCloseTo(
      priority(steelWorks) * (1 - 0.5 * (1 - 182 / 365)),
      1,
    );
    expect(reason(inspected('2026-05-25'), 'recently_inspected')).toEqual({
      vi: 'Đã thanh tra ngày 2026-05-25, 182 ngày trước (×0,75)',
      en: 'Inspected on 2026-05-25, 182 days ago (×0.75)',
    });
    expect(priority(inspected('2025-11-23'))).toBe(priority(steelWorks));
    expect(codes(inspected('2025-11-23'))).not.toContain('recently_inspected');
  });

  it('throws a RangeError for a date that is not YYYY-MM-DD', () => {
    expect(() => priority(steelWorks, '23/11/2026')).toThrow(RangeError);
    expect(() => priority({ ...steelWorks, lastInspectedOn: '2026-02-30' })).toThrow(/lastInspectedOn/);
  });

  it('is finite and ≥ 0, with distinct reason codes that each say something in vi and en', () => {
    fc.assert(
      fc.property(factsArbitrary, (facts) => {
        const { priority: value, reasons } = priorityOf(facts, { today });
        expect(Number.isFinite(value) && value >= 0).toBe(true);
        expect(new Set(reasons.map((r) => r.code)).size).toBe(reasons.length);
        for (const r of reasons) expect(r.detail.vi.length > 0 && r.detail.en.length > 0).toBe(true);
      }),
    );
  });

  it('never falls when the self-score is lower', () => {
    fc.assert(
      fc.property(
        factsArbitrary,
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (facts, a, b) => {
          expect(priority({ ...facts, selfScore: Math.min(a, b) })).toBeGreaterThanOrEqual(
            priority({ ...facts, selfScore: Math.max(a, b) }),
          );
        },
      ),
    );
  });

  it('never falls with more hazardous workers', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.nat(5000), (facts, more) => {
        expect(
          priority({ ...facts, hazardousWorkers: facts.hazardousWorkers + more }),
        ).toBeGreaterThanOrEqual(priority(facts));
      }),
    );
  });

  it('never falls with a fatal accident, and always has its reason then', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.integer({ min: 1, max: 5 }), (facts, fatal) => {
        const withFatal = { ...facts, fatalAccidentsThisYear: facts.fatalAccidentsThisYear + fatal };
        expect(priority(withFatal)).toBeGreaterThanOrEqual(priority(facts));
        expect(codes(withFatal)).toContain('fatal_accident');
      }),
    );
  });

  it('never rises with a recent inspection', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.nat(800), (facts, daysAgo) => {
        const { lastInspectedOn: _, ...neverInspected } = facts;
        const lastInspectedOn = new Date(Date.parse(today) - daysAgo * 86_400_000).toISOString().slice(0, 10);
        expect(priority({ ...neverInspected, lastInspectedOn })).toBeLessThanOrEqual(
          priority(neverInspected),
        );
      }),
    );
  });

  it('adds a reason for each factor that applies', () => {
    const everything: TargetingFacts = {
      ...steelWorks,
      selfScore: 30,
      selfCheckStatus: 'overdue',
      fatalAccidentsThisYear: 1,
      seriousAccidentsLast12Months: 1,
      expiredCriticalEvidence: 1,
      credibilityGap: 25,
      lastInspectedOn: '2026-10-01',
    };
    expect(new Set(codes(everything))).toEqual(
      new Set<TargetingReasonCode>([
        'low_self_score',
        'overdue_self_check',
        'high_hazard_sector',
        'large_exposed_workforce',
        'fatal_accident',
        'serious_accidents',
        'expired_critical_evidence',
        'credibility_gap',
        'recently_inspected',
      ]),
    );
  });
});

describe('mustInclude', () => {
  it('is true exactly when there was a fatal accident this year', () => {
    expect(mustInclude({ fatalAccidentsThisYear: 1 })).toBe(true);
    expect(mustInclude({ fatalAccidentsThisYear: 0 })).toBe(false);
  });
});

/** 60 firms: self-scores 0–59 points apart, ids E00…E59, in one sector and size. */
const firms: TargetingFacts[] = Array.from({ length: 60 }, (_, i) => ({
  ...steelWorks,
  enterpriseId: `E${String(i).padStart(2, '0')}`,
  selfScore: 40 + i / 2,
}));

describe('rankTargets', () => {
  const rank = (
    facts: readonly TargetingFacts[],
    options: { limit?: number; randomShare?: number; seed?: string },
  ) => rankTargets(facts, { limit: 10, seed: '2026-W48', today, ...options });

  it('lists the top firms by priority when there is no random share', () => {
    const list = rank(firms, { randomShare: 0 });
    expect(list.map((entry) => entry.enterpriseId)).toEqual(firms.slice(0, 10).map((f) => f.enterpriseId));
    expect(list.every((entry) => !entry.sampled)).toBe(true);
    expect(list[0]?.reasons.map((r) => r.code)).toContain('low_self_score');
  });

  it('breaks ties by enterpriseId', () => {
    const twins = ['B', 'C', 'A'].map((enterpriseId) => ({ ...steelWorks, enterpriseId }));
    expect(rank(twins, { randomShare: 0 }).map((entry) => entry.enterpriseId)).toEqual(['A', 'B', 'C']);
  });

  it('draws round(limit × randomShare) firms from the rest, marked with their reason', () => {
    const list = rank(firms, { limit: 10, randomShare: 0.2 });
    expect(list).toHaveLength(10);
    const ranked = list.filter((entry) => !entry.sampled);
    const sampled = list.filter((entry) => entry.sampled);
    expect(ranked.map((entry) => entry.enterpriseId)).toEqual(firms.slice(0, 8).map((f) => f.enterpriseId));
    expect(sampled).toHaveLength(2);
    for (const entry of sampled) {
      expect(ranked.map((r) => r.enterpriseId)).not.toContain(entry.enterpriseId);
      expect(entry.reasons.at(-1)).toEqual({
        code: 'random_sample',
        detail: {
          vi: 'Chọn ngẫu nhiên để kiểm chứng tự báo cáo',
          en: 'Random pick that keeps self-reports honest',
        },
      });
    }
  });

  it('draws the same firms for the same week, whatever the input order, and others another week', () => {
    const drawn = (facts: readonly TargetingFacts[], seed: string) =>
      rank(facts, { limit: 20, randomShare: 0.5, seed })
        .filter((entry) => entry.sampled)
        .map((entry) => entry.enterpriseId);
    const week48 = drawn(firms, '2026-W48');
    expect(drawn([...firms].reverse(), '2026-W48')).toEqual(week48);
    expect(drawn(firms, '2026-W49')).not.toEqual(week48);
    expect(week48).toHaveLength(10);
  });

  it('always includes firms with a fatal accident, even beyond the limit', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(factsArbitrary, { selector: (facts) => facts.enterpriseId, maxLength: 40 }),
        fc.nat(15),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (facts, limit, randomShare) => {
          const list = rank(facts, { limit, randomShare });
          const listed = new Set(list.map((entry) => entry.enterpriseId));
          const required = facts.filter(mustInclude);
          for (const firm of required) expect(listed.has(firm.enterpriseId)).toBe(true);
          expect(listed.size).toBe(list.length);
          expect(list.length).toBe(Math.min(facts.length, Math.max(limit, required.length)));
        },
      ),
    );
  });

  it('lets fatal-accident firms take the random slots first', () => {
    const fatal = firms.slice(50).map((f) => ({ ...f, fatalAccidentsThisYear: 1, selfScore: 100 }));
    const list = rank([...firms.slice(0, 50), ...fatal], { limit: 10, randomShare: 0.2 });
    expect(list.filter((entry) => entry.sampled)).toEqual([]);
    expect(list.map((entry) => entry.enterpriseId)).toEqual(
      expect.arrayContaining(fatal.map((f) => f.enterpriseId)),
    );
    expect(list).toHaveLength(10);
  });

  it('rejects a limit or random share that makes no sense', () => {
    expect(() => rank(firms, { limit: -1 })).toThrow(RangeError);
    expect(() => rank(firms, { limit: 2.5 })).toThrow(RangeError);
    expect(() => rank(firms, { randomShare: 1.5 })).toThrow(/randomShare/);
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23', '2026-W48'],
    ['2026-11-29', '2026-W48'],
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
    ['2024-12-29', '2024-W52'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('gives the seven days from a Monday the same week, and the next Monday the next one', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-05'), max: new Date('2200-01-01'), noInvalidDate: true }),
        (d) => {
          const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
          const day = (offset: number) =>
            new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
          const week = isoWeek(day(0));
          for (let offset = 1; offset < 7; offset++) expect(isoWeek(day(offset))).toBe(week);
          expect(isoWeek(day(7))).not.toBe(week);
          expect(Number(week.slice(6))).toBeGreaterThanOrEqual(1);
          expect(Number(week.slice(6))).toBeLessThanOrEqual(53);
        },
      ),
    );
  });

  it('throws a RangeError for a date that is not YYYY-MM-DD', () => {
    expect(() => isoWeek('2026-W48')).toThrow(RangeError);
  });
});

describe('seededRandom', () => {
  it('repeats for a seed, differs between seeds and stays in [0, 1)', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw('2026-W48')).toEqual(draw('2026-W48'));
    expect(draw('2026-W48')).not.toEqual(draw('2026-W49'));
    for (const value of draw('x')) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('overdue corrective actions', () => {
  it('raise the priority by ×0.05 each, named as overdue_actions, bounded at ×1.5', () => {
    const base = priorityOf(steelWorks, { today }).priority;
    const three = priorityOf({ ...steelWorks, overdueActions: 3 }, { today });
    expect(three.priority).toBeCloseTo(base * 1.15, 1);
    expect(three.reasons.map((reason) => reason.code)).toContain('overdue_actions');
    const many = priorityOf({ ...steelWorks, overdueActions: 500 }, { today }).priority;
    expect(many).toBeCloseTo(base * 1.5, 1);
    expect(
      priorityOf({ ...steelWorks, overdueActions: 0 }, { today }).reasons.map((r) => r.code),
    ).not.toContain('overdue_actions');
  });
});

describe('priority bands', () => {
  const firm = (facts: Partial<TargetingFacts>): TargetingFacts => ({
    ...steelWorks,
    highRisk: false,
    selfCheckStatus: 'ok',
    ...facts,
  });
  const never = { selfScore: null, selfCheckStatus: 'never' as const };
  const bandOf = (facts: TargetingFacts) => priorityBand(priorityOf(facts, { today }).priority);

  it('places the worked cases of the model in the bands the documentation gives them', () => {
    expect(
      bandOf(firm({ sectorCode: 'C2410', headcount: 300, hazardousWorkers: 120, selfScore: 42.5 })),
    ).toBe('very_high');
    expect(bandOf(firm({ sectorCode: 'F4100', headcount: 100, hazardousWorkers: 60, ...never }))).toBe(
      'very_high',
    );
    expect(bandOf(firm({ sectorCode: 'C1010', headcount: 200, hazardousWorkers: 50, ...never }))).toBe(
      'high',
    );
    expect(bandOf(firm({ sectorCode: 'C1010', headcount: 200, hazardousWorkers: 50, selfScore: 60 }))).toBe(
      'medium',
    );
    expect(bandOf(firm({ sectorCode: 'G4663', headcount: 40, hazardousWorkers: 0, ...never }))).toBe(
      'medium',
    );
    expect(bandOf(firm({ sectorCode: 'M6920', headcount: 40, hazardousWorkers: 0, selfScore: 85 }))).toBe(
      'low',
    );
  });

  it('puts each bound in its own band and everything below the lowest bound in the lowest band', () => {
    for (const { band, from } of PRIORITY_BANDS) expect(priorityBand(from)).toBe(band);
    expect(priorityBand(14.99)).toBe('high');
    expect(priorityBand(0)).toBe('low');
  });
});
