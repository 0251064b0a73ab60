// test/ does not list @antoan/domain as a dependency yet, so the module is imported by path (see README.md).
import {
  isoWeek,
  rankTargets,
  seededRandom,
  type TargetingFacts,
  type TargetingWeights,
} from '@antoan/domain';

/** What {@link simulate} builds and measures; every default is the one described in README.md. */
export interface SimulationOptions {
  /** Seeds the synthetic world and every random draw in it. */
  seed: string;
  firms?: number;
  /** Inspections a year: the length of every list compared. */
  k?: number;
  /** The share of firms that inflate their self-score by 20–40 points. */
  overReporterShare?: number;
  /** Years simulated: the years before the last one are inspection rounds that reveal credibility gaps. */
  years?: number;
  /** The weights `rankTargets` uses, to try a tuning before changing the defaults. */
  weights?: TargetingWeights;
}

/** For each way of picking k firms: the share of the true top-k harm that its k firms hold (1 is perfect). */
export interface CapturedHarm {
  /** `rankTargets` with no random share, without credibility gaps. */
  targeted: number;
  /** `rankTargets` with a 10 % random share, without credibility gaps. */
  targetedWithRandomShare: number;
  /** `rankTargets` with no random share, with the gaps found by the earlier rounds. */
  targetedWithGaps: number;
  /** `rankTargets` with a 10 % random share, with the gaps found by the earlier rounds. */
  targetedWithGapsAndRandomShare: number;
  /** Lowest self-score first; firms that never submitted come last. */
  selfScoreOnly: number;
  /** Lowest self-score first; firms that never submitted come first. */
  selfScoreNeverSubmittedFirst: number;
  /** The expected share of a uniform random pick of k firms (exact, so no draw noise). */
  random: number;
}

/** The figures of one simulated world. */
export interface SimulationResult {
  seed: string;
  captured: CapturedHarm;
  /** Over-reporters in the world, and how many of them the earlier rounds caught with a gap above 10 points. */
  overReporters: { total: number; caught: number };
  /** Over-reporters among the true top k, and how many of them the targeted list (no random share) holds. */
  overReportersInTopK: { total: number; listed: number; listedWithGaps: number };
  /** Firms that must be listed in the measured year (a fatal accident). */
  mustInclude: number;
}

/** A firm as the simulation knows it: the facts the model sees, and the truth it does not. */
interface SimulatedFirm {
  facts: TargetingFacts;
  trueCompliance: number;
  overReporter: boolean;
  /** (1 − true compliance / 100) × true sector hazard × √exposed workers. */
  harm: number;
}

/** Sectors with a true hazard that is near, not equal to, the model's tier (3 high-risk, 1.5 manufacturing, 1 other). */
const SECTORS = [
  { code: 'B0810', trueHazard: 3.6, share: 0.02 },
  { code: 'F4100', trueHazard: 3.4, share: 0.08 },
  { code: 'F4312', trueHazard: 3.0, share: 0.05 },
  { code: 'C2410', trueHazard: 2.8, share: 0.03 },
  { code: 'D3510', trueHazard: 2.5, share: 0.02 },
  { code: 'C2511', trueHazard: 2.4, share: 0.05 },
  { code: 'H4933', trueHazard: 1.8, share: 0.05 },
  { code: 'C2220', trueHazard: 1.7, share: 0.05 },
  { code: 'C1010', trueHazard: 1.6, share: 0.08 },
  { code: 'A0322', trueHazard: 1.4, share: 0.04 },
  { code: 'C1410', trueHazard: 1.2, share: 0.1 },
  { code: 'I5610', trueHazard: 1.0, share: 0.1 },
  { code: 'G4711', trueHazard: 0.8, share: 0.18 },
  { code: 'M6920', trueHazard: 0.5, share: 0.08 },
  { code: 'J6201', trueHazard: 0.4, share: 0.07 },
] as const;

const HIGH_RISK_PREFIXES = ['B', 'F', 'C24', 'C25', 'D35'];
/** Accidents a year per unit of true harm; with the defaults a year has about 7 firms with a fatal accident. */
const FATAL_RATE = 0.004;
const SERIOUS_RATE = 0.04;
/** How far an inspector's score may be from the truth (standard deviation, points). */
const INSPECTION_NOISE = 5;
const TODAY = '2026-11-23';
const DAY_MS = 86_400_000;

/**
 * Builds a synthetic city, runs `years − 1` yearly inspection rounds with `rankTargets` (10 % random share) that
 * reveal credibility gaps, then ranks the last year every way and measures the true harm each list captures.
 * @example simulate({ seed: '1' }).captured.targeted // ≈ 0.6
 */
export function simulate(options: SimulationOptions): SimulationResult {
  const { seed, firms: firmCount = 1000, k = 50, overReporterShare = 0.2, years = 3, weights } = options;
  const rankOptions = weights === undefined ? {} : { weights };
  const random = seededRandom(`simulation:${seed}`);
  const world = Array.from({ length: firmCount }, (_, i) => createFirm(i, overReporterShare, random));

  const gaps = new Map<string, { credibilityGap: number | null; lastInspectedOn: string }>();
  for (let yearsAgo = years - 1; yearsAgo >= 1; yearsAgo--) {
    // Rounds are 53 weeks apart, so an earlier inspection never gets the recent-inspection cut: the simulation
    // does not model inspections improving compliance, and the cut would only hide firms that are still bad.
    const today = new Date(Date.parse(TODAY) - yearsAgo * 371 * DAY_MS).toISOString().slice(0, 10);
    const facts = world.map((firm) => ({
      ...withAccidents(firm.facts, firm.harm, random),
      ...gaps.get(firm.facts.enterpriseId),
    }));
    const list = rankTargets(facts, {
      ...rankOptions,
      limit: k,
      randomShare: 0.1,
      seed: `${seed}:${isoWeek(today)}`,
      today,
    });
    for (const entry of list) {
      const firm = world.find((candidate) => candidate.facts.enterpriseId === entry.enterpriseId);
      if (firm === undefined) continue;
      const inspected = clamp(firm.trueCompliance + INSPECTION_NOISE * normal(random), 0, 100);
      const selfScore = firm.facts.selfScore;
      gaps.set(entry.enterpriseId, {
        credibilityGap: selfScore === null ? null : selfScore - inspected,
        lastInspectedOn: today,
      });
    }
  }

  const facts = world.map((firm) => withAccidents(firm.facts, firm.harm, random));
  const factsWithGaps = facts.map((firm) => ({ ...firm, ...gaps.get(firm.enterpriseId) }));
  const harmOf = new Map(world.map((firm) => [firm.facts.enterpriseId, firm.harm]));
  const topK = [...world].sort((a, b) => b.harm - a.harm).slice(0, k);
  const bestHarm = sum(topK.map((firm) => firm.harm));
  const captured = (ids: readonly string[]) => sum(ids.map((id) => harmOf.get(id) ?? 0)) / bestHarm;
  const targeted = (list: readonly TargetingFacts[], randomShare: number) =>
    rankTargets(list, {
      ...rankOptions,
      limit: k,
      randomShare,
      seed: `${seed}:${isoWeek(TODAY)}`,
      today: TODAY,
    }).map((entry) => entry.enterpriseId);
  const bySelfScore = (neverSubmitted: number) =>
    [...facts]
      .sort((a, b) => (a.selfScore ?? neverSubmitted) - (b.selfScore ?? neverSubmitted))
      .slice(0, k)
      .map((firm) => firm.enterpriseId);
  const [listed, listedWithGaps] = [targeted(facts, 0), targeted(factsWithGaps, 0)];
  const overReportersInTopK = topK.filter((firm) => firm.overReporter).map((firm) => firm.facts.enterpriseId);
  const countListed = (list: readonly string[]) =>
    overReportersInTopK.filter((id) => list.includes(id)).length;

  return {
    seed,
    captured: {
      targeted: captured(listed),
      targetedWithRandomShare: captured(targeted(facts, 0.1)),
      targetedWithGaps: captured(listedWithGaps),
      targetedWithGapsAndRandomShare: captured(targeted(factsWithGaps, 0.1)),
      selfScoreOnly: captured(bySelfScore(Number.POSITIVE_INFINITY)),
      selfScoreNeverSubmittedFirst: captured(bySelfScore(Number.NEGATIVE_INFINITY)),
      random: (k * sum([...harmOf.values()])) / firmCount / bestHarm,
    },
    overReporters: {
      total: world.filter((firm) => firm.overReporter).length,
      caught: world.filter(
        (firm) => firm.overReporter && (gaps.get(firm.facts.enterpriseId)?.credibilityGap ?? 0) > 10,
      ).length,
    },
    overReportersInTopK: {
      total: overReportersInTopK.length,
      listed: countListed(listed),
      listedWithGaps: countListed(listedWithGaps),
    },
    mustInclude: facts.filter((firm) => firm.fatalAccidentsThisYear > 0).length,
  };
}

/**
 * The facts of a synthetic city as the model sees them (accidents of one year, no inspections), e.g. for a benchmark.
 * @example rankTargets(syntheticFacts({ seed: 'bench', firms: 10_000 }), { limit: 50, seed: '2026-W48', today: '2026-11-23' })
 */
export function syntheticFacts(options: { seed: string; firms: number }): TargetingFacts[] {
  const random = seededRandom(`simulation:${options.seed}`);
  return Array.from({ length: options.firms }, (_, i) => {
    const firm = createFirm(i, 0.2, random);
    return withAccidents(firm.facts, firm.harm, random);
  });
}

function createFirm(index: number, overReporterShare: number, random: () => number): SimulatedFirm {
  const sector = pickSector(random());
  const headcount = Math.round(clamp(Math.exp(Math.log(30) + 1.1 * normal(random)), 3, 5000));
  const hazardousShare =
    sector.trueHazard >= 2
      ? 0.3 + 0.5 * random()
      : sector.trueHazard >= 1.2
        ? 0.1 + 0.3 * random()
        : 0.1 * random();
  const hazardousWorkers = Math.round(headcount * hazardousShare);
  const status = random();
  const selfCheckStatus = status < 0.1 ? 'never' : status < 0.2 ? 'overdue' : status < 0.6 ? 'due' : 'ok';
  // Firms that never self-check tend to be worse, and larger firms tend to have an OSH department.
  const trueCompliance = clamp(
    65 + 18 * normal(random) + 4 * Math.log10(headcount / 30) - (selfCheckStatus === 'never' ? 10 : 0),
    0,
    100,
  );
  const overReporter = random() < overReporterShare;
  const reported = overReporter ? Math.min(100, trueCompliance + 20 + 20 * random()) : trueCompliance;
  const exposed = hazardousWorkers + 0.25 * (headcount - hazardousWorkers);
  return {
    facts: {
      enterpriseId: `F${String(index).padStart(5, '0')}`,
      sectorCode: sector.code,
      highRisk: HIGH_RISK_PREFIXES.some((prefix) => sector.code.startsWith(prefix)),
      headcount,
      hazardousWorkers,
      selfScore: selfCheckStatus === 'never' ? null : Math.round(reported * 10) / 10,
      selfCheckStatus,
      fatalAccidentsThisYear: 0,
      seriousAccidentsLast12Months: 0,
      expiredCriticalEvidence: poisson(2 * (1 - trueCompliance / 100), random),
      credibilityGap: null,
    },
    trueCompliance,
    overReporter,
    harm: (1 - trueCompliance / 100) * sector.trueHazard * Math.sqrt(Math.max(1, exposed)),
  };
}

/** The firm's facts with this year's accidents, drawn from a Poisson law with a rate proportional to true harm. */
function withAccidents(facts: TargetingFacts, harm: number, random: () => number): TargetingFacts {
  return {
    ...facts,
    fatalAccidentsThisYear: poisson(FATAL_RATE * harm, random),
    seriousAccidentsLast12Months: poisson(SERIOUS_RATE * harm, random),
  };
}

function pickSector(draw: number): (typeof SECTORS)[number] {
  let total = 0;
  for (const sector of SECTORS) {
    total += sector.share;
    if (draw < total) return sector;
  }
  return SECTORS[SECTORS.length - 1] as (typeof SECTORS)[number];
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A Poisson draw (Knuth's method, fine for the small rates used here). */
function poisson(rate: number, random: () => number): number {
  const limit = Math.exp(-rate);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
