import highRiskSectors from './high-risk-sectors.json' with { type: 'json' };
import { isIsoDate } from './period';
import type { SelfInspectionStatus } from './schedule';
import type { LocalizedText } from './template';

/** What the targeting knows about one firm. The model is explained in `packages/domain/TARGETING.md`. */
export interface TargetingFacts {
  enterpriseId: string;
  /** VSIC 2018 code, e.g. `C2410`. */
  sectorCode: string;
  /** The firm's high-risk flag; it raises the sector hazard even when the code is not in the high-risk list. */
  highRisk: boolean;
  headcount: number;
  /** Workers in heavy, hazardous or dangerous jobs. */
  hazardousWorkers: number;
  /** The total (0–100) of the latest submitted self-assessment; null when none was ever submitted. */
  selfScore: number | null;
  /** The self-inspection schedule status, or `never` when the firm has never self-inspected. */
  selfCheckStatus: SelfInspectionStatus | 'never';
  fatalAccidentsThisYear: number;
  seriousAccidentsLast12Months: number;
  /** Critical evidence (certificates, inspections of strict equipment…) that has expired. */
  expiredCriticalEvidence: number;
  /** Self-score minus the inspection score for the same period; positive means over-reporting; null when never inspected. */
  credibilityGap: number | null;
  /** `YYYY-MM-DD` of the latest inspection. */
  lastInspectedOn?: string;
  /** Corrective actions still pending past their due day (absent: none known). */
  overdueActions?: number;
}

/** Every knob of the targeting model; TARGETING.md says what each one changes and how to tune it. */
export interface TargetingWeights {
  /** The score a firm counts as when its compliance is unknown (never submitted, or its submission is stale). */
  assumedUnknownScore: number;
  /** The smallest lack of compliance (0–1), so that a self-score of 100 is not zero risk. */
  complianceFloor: number;
  /**
   * The score an unvalidated self-score is shrunk toward: about the mean self-score of a sector. A self-score is
   * validated when the firm's latest inspection found it within `credibilityGapFrom` points.
   */
  unvalidatedScorePrior: number;
  /** How much of an unvalidated self-score's distance from the prior counts (1 takes it at face value, 0 ignores it). */
  unvalidatedScoreWeight: number;
  /** Self-scores below this are named as a reason. */
  lowSelfScoreBelow: number;
  /** The hazard of a sector that matches no prefix (services). */
  baseSectorHazard: number;
  /** The hazard of the sectors in `high-risk-sectors.json` and of firms flagged `highRisk`. */
  highRiskSectorHazard: number;
  /** The hazard of other sectors, by VSIC prefix; the longest matching prefix wins, high-risk ones included (they win a tie). */
  sectorHazardByPrefix: Readonly<Record<string, number>>;
  /** How much a worker outside hazardous jobs counts, against 1 for a worker in one. */
  otherWorkerExposure: number;
  /** The exponent on exposed workers: 1 is linear, 0.5 a square root, 0 ignores size. */
  exposureExponent: number;
  /** From this many exposed workers, size is named as a reason. */
  largeExposureFrom: number;
  /** Added to the multiplier per fatal accident this year (up to `accidentCountCap`). */
  fatalAccident: number;
  /** Added to the multiplier per serious accident in the last 12 months (up to `accidentCountCap`). */
  seriousAccident: number;
  /** Accidents beyond this count add nothing more. */
  accidentCountCap: number;
  /** Added to the multiplier when the self-inspection is overdue or was never done. */
  overdueSelfCheck: number;
  /** Added to the multiplier per expired critical evidence (up to `expiredEvidenceCap`). */
  expiredCriticalEvidence: number;
  /** Expired evidence beyond this count adds nothing more. */
  expiredEvidenceCap: number;
  /** Credibility gaps up to this many points are treated as noise. */
  credibilityGapFrom: number;
  /** Added to the multiplier per 10 points of credibility gap above `credibilityGapFrom`. */
  credibilityGapPer10Points: number;
  /** Gaps above this many points count as this many. */
  credibilityGapCap: number;
  /** Added to the multiplier per overdue corrective action (up to `overdueActionsCap`). */
  overdueAction: number;
  /** Overdue actions beyond this count add nothing more, so the multiplier is at most 1 + overdueAction × cap. */
  overdueActionsCap: number;
  /** The cut in priority right after an inspection (0.5 halves it); it fades to none over `recentInspectionDays`. */
  recentInspectionCut: number;
  /** How long a past inspection lowers the priority. */
  recentInspectionDays: number;
}

/** The default weights, documented one by one in TARGETING.md. */
export const DEFAULT_TARGETING_WEIGHTS: TargetingWeights = {
  assumedUnknownScore: 40,
  complianceFloor: 0.05,
  unvalidatedScorePrior: 60,
  unvalidatedScoreWeight: 0.4,
  lowSelfScoreBelow: 70,
  baseSectorHazard: 1,
  highRiskSectorHazard: 3,
  sectorHazardByPrefix: { A: 1.5, C: 1.5, D: 1.5, E: 1.5, H: 1.5 },
  otherWorkerExposure: 0.25,
  exposureExponent: 0.5,
  largeExposureFrom: 100,
  fatalAccident: 1,
  seriousAccident: 0.25,
  accidentCountCap: 3,
  overdueSelfCheck: 0.25,
  expiredCriticalEvidence: 0.15,
  expiredEvidenceCap: 4,
  credibilityGapFrom: 10,
  credibilityGapPer10Points: 0.5,
  credibilityGapCap: 50,
  overdueAction: 0.05,
  overdueActionsCap: 10,
  recentInspectionCut: 0.5,
  recentInspectionDays: 365,
};

/** Why a firm is on the list; the codes are stable, the details are for people. */
export type TargetingReasonCode =
  | 'low_self_score'
  | 'unknown_compliance'
  | 'unvalidated_self_score'
  | 'overdue_self_check'
  | 'high_hazard_sector'
  | 'large_exposed_workforce'
  | 'fatal_accident'
  | 'serious_accidents'
  | 'expired_critical_evidence'
  | 'credibility_gap'
  | 'overdue_actions'
  | 'recently_inspected'
  | 'random_sample';

/** One reason, with its numbers in the detail. */
export interface TargetingReason {
  code: TargetingReasonCode;
  detail: LocalizedText;
}

/** A firm's priority (expected preventable harm, ≥ 0, two decimals) and the reasons behind it. */
export interface TargetPriority {
  priority: number;
  reasons: TargetingReason[];
}

/** One entry of the ranked list; `sampled` marks a random pick. */
export interface RankedTarget extends TargetPriority {
  enterpriseId: string;
  sampled: boolean;
}

/** What {@link rankTargets} needs besides the firms. */
export interface RankTargetsOptions {
  /** How many firms to list (more only when more firms must be included). */
  limit: number;
  /** The text the random draw is seeded by, e.g. the ISO week: the same seed and firms give the same draw. */
  seed: string;
  /** `YYYY-MM-DD`. */
  today: string;
  /** The share of `limit` drawn at random from the firms not ranked in; 0.1 by default. */
  randomShare?: number;
  weights?: TargetingWeights;
}

const DAY_MS = 86_400_000;

/** How urgent a priority is, from the highest band down. */
export type PriorityBand = 'very_high' | 'high' | 'medium' | 'low';

/**
 * The lower bound of each band. A priority has no upper limit (it is a product of factors), so the bands are set
 * against worked cases of the formula (see the test): a steel or construction firm with about 100 exposed workers and
 * a weak or unknown score is 15 or more (very high); a food factory of 200 whose compliance is unknown about 10
 * (high); the same factory scoring 60, or a shop of 40 that never reported, 2–6 (medium); an office of 40 scoring
 * 85 under 1 (low).
 */
export const PRIORITY_BANDS: ReadonlyArray<{ band: PriorityBand; from: number }> = [
  { band: 'very_high', from: 15 },
  { band: 'high', from: 6 },
  { band: 'medium', from: 2 },
  { band: 'low', from: 0 },
];

/**
 * The band of a priority.
 * @example priorityBand(18.11) // 'very_high'
 */
export function priorityBand(priority: number): PriorityBand {
  return PRIORITY_BANDS.find((entry) => priority >= entry.from)?.band ?? 'low';
}

/**
 * The expected preventable harm at a firm: lack of compliance × sector hazard × exposure, times the multipliers
 * for accidents, overdue self-checks, expired critical evidence, credibility gap and a recent inspection.
 * Every factor that moves the priority adds a reason. Throws a RangeError when a date is not `YYYY-MM-DD`.
 * @example priorityOf(facts, { today: '2026-11-23' }).reasons.map((reason) => reason.code) // ['low_self_score', 'high_hazard_sector']
 */
export function priorityOf(
  facts: TargetingFacts,
  options: { today: string; weights?: TargetingWeights },
): TargetPriority {
  const reasons: TargetingReason[] = [];
  const priority = assess(facts, options, (code, detail) => {
    reasons.push({ code, detail: detail() });
  });
  return { priority, reasons };
}

/** Hears each factor that moves a priority; the text is built only when called, as it costs more than the number. */
type Explain = (code: TargetingReasonCode, detail: () => LocalizedText) => void;

/** The priority of {@link priorityOf}, telling `explain` about each factor that moves it. */
function assess(
  facts: TargetingFacts,
  options: { today: string; weights?: TargetingWeights },
  explain: Explain = () => {},
): number {
  const { today, weights = DEFAULT_TARGETING_WEIGHTS } = options;
  assertDate(today, 'today');
  const multiply = (factor: number, code: TargetingReasonCode, detail: () => LocalizedText) => {
    explain(code, () => {
      const [text, times] = [detail(), number(factor)];
      return { vi: `${text.vi} (×${times.vi})`, en: `${text.en} (×${times.en})` };
    });
    return factor;
  };

  const lack = lackOfCompliance(facts, weights, explain);
  const hazard = sectorHazardOf(facts, weights);
  if (hazard.value > weights.baseSectorHazard) {
    explain('high_hazard_sector', () => {
      const name =
        hazard.name === undefined
          ? { vi: '', en: '' }
          : { vi: ` — ${hazard.name.vi}`, en: ` — ${hazard.name.en}` };
      return {
        vi: `Ngành ${facts.sectorCode}${name.vi}: hệ số nguy hiểm ${number(hazard.value).vi}`,
        en: `Sector ${facts.sectorCode}${name.en}: hazard factor ${number(hazard.value).en}`,
      };
    });
  }
  const exposure = exposureOf(facts, weights);
  if (exposure.workers >= weights.largeExposureFrom) {
    explain('large_exposed_workforce', () => {
      const hazardous = number(exposure.hazardous);
      const headcount = number(exposure.headcount);
      const factor = number(exposure.factor);
      return {
        vi: `${hazardous.vi} lao động làm nghề nặng nhọc, độc hại, nguy hiểm trên ${headcount.vi} lao động: hệ số quy mô ${factor.vi}`,
        en: `${hazardous.en} workers in hazardous jobs out of ${headcount.en}: size factor ${factor.en}`,
      };
    });
  }

  let priority = lack * hazard.value * exposure.factor;
  const fatal = count(facts.fatalAccidentsThisYear);
  if (fatal > 0) {
    priority *= multiply(
      1 + weights.fatalAccident * Math.min(fatal, weights.accidentCountCap),
      'fatal_accident',
      () => ({
        vi: `${fatal} vụ tai nạn lao động chết người trong năm nay`,
        en: `${fatal} fatal ${fatal === 1 ? 'accident' : 'accidents'} this year`,
      }),
    );
  }
  const serious = count(facts.seriousAccidentsLast12Months);
  if (serious > 0) {
    priority *= multiply(
      1 + weights.seriousAccident * Math.min(serious, weights.accidentCountCap),
      'serious_accidents',
      () => ({
        vi: `${serious} vụ tai nạn lao động nặng trong 12 tháng qua`,
        en: `${serious} serious ${serious === 1 ? 'accident' : 'accidents'} in the last 12 months`,
      }),
    );
  }
  if (facts.selfCheckStatus === 'overdue' || facts.selfCheckStatus === 'never') {
    priority *= multiply(1 + weights.overdueSelfCheck, 'overdue_self_check', () => ({
      vi: facts.selfCheckStatus === 'never' ? 'Chưa từng tự kiểm tra định kỳ' : 'Quá hạn tự kiểm tra định kỳ',
      en: facts.selfCheckStatus === 'never' ? 'Never self-inspected' : 'Periodic self-inspection overdue',
    }));
  }
  const expired = count(facts.expiredCriticalEvidence);
  if (expired > 0) {
    priority *= multiply(
      1 + weights.expiredCriticalEvidence * Math.min(expired, weights.expiredEvidenceCap),
      'expired_critical_evidence',
      () => ({
        vi: `${expired} minh chứng quan trọng đã hết hạn`,
        en: `${expired} critical evidence ${expired === 1 ? 'item' : 'items'} expired`,
      }),
    );
  }
  const gap = facts.credibilityGap;
  if (gap !== null && gap > weights.credibilityGapFrom) {
    const counted = Math.min(gap, weights.credibilityGapCap) - weights.credibilityGapFrom;
    priority *= multiply(
      1 + (weights.credibilityGapPer10Points * Math.max(0, counted)) / 10,
      'credibility_gap',
      () => ({
        vi: `Tự đánh giá cao hơn kết quả thanh tra ${number(gap).vi} điểm`,
        en: `Self-assessment ${number(gap).en} points above the inspection score`,
      }),
    );
  }
  const overdueActions = count(facts.overdueActions ?? 0);
  if (overdueActions > 0) {
    priority *= multiply(
      1 + weights.overdueAction * Math.min(overdueActions, weights.overdueActionsCap),
      'overdue_actions',
      () => ({
        vi: `${overdueActions} hành động khắc phục quá hạn`,
        en: `${overdueActions} corrective ${overdueActions === 1 ? 'action' : 'actions'} overdue`,
      }),
    );
  }
  if (facts.lastInspectedOn !== undefined) {
    assertDate(facts.lastInspectedOn, 'lastInspectedOn');
    const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(facts.lastInspectedOn)) / DAY_MS));
    if (days < weights.recentInspectionDays) {
      priority *= multiply(
        1 - weights.recentInspectionCut * (1 - days / weights.recentInspectionDays),
        'recently_inspected',
        () => ({
          vi: `Đã thanh tra ngày ${facts.lastInspectedOn}, ${days} ngày trước`,
          en: `Inspected on ${facts.lastInspectedOn}, ${days} days ago`,
        }),
      );
    }
  }
  return Math.max(0, Math.round(priority * 100) / 100);
}

/**
 * Whether a firm must be on the list whatever its priority: a fatal accident this year.
 * @example mustInclude({ ...facts, fatalAccidentsThisYear: 1 }) // true
 */
export function mustInclude(facts: Pick<TargetingFacts, 'fatalAccidentsThisYear'>): boolean {
  return count(facts.fatalAccidentsThisYear) > 0;
}

/**
 * The inspection list: the top `limit − k` firms by priority (ties by `enterpriseId`) with every
 * {@link mustInclude} firm forced in, then k = round(limit × randomShare) firms drawn uniformly from the rest by a
 * PRNG seeded with `seed`, marked `sampled`. Must-include firms take the random slots first when they outnumber
 * the ranked ones, and the list is longer than `limit` only when they outnumber `limit`.
 * @example rankTargets(firms, { limit: 20, seed: isoWeek('2026-11-23'), today: '2026-11-23' })
 */
export function rankTargets(facts: readonly TargetingFacts[], options: RankTargetsOptions): RankedTarget[] {
  const { limit, seed, today, randomShare = 0.1, weights = DEFAULT_TARGETING_WEIGHTS } = options;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`limit is ${limit}; expected a whole number ≥ 0.`);
  }
  if (!(randomShare >= 0 && randomShare <= 1)) {
    throw new RangeError(`randomShare is ${randomShare}; expected a share from 0 to 1, e.g. 0.1.`);
  }
  type Scored = { firm: TargetingFacts; priority: number };
  const byRank = (a: Scored, b: Scored) => b.priority - a.priority || byId(a.firm, b.firm);
  const scored: Scored[] = facts
    .map((firm) => ({ firm, priority: assess(firm, { today, weights }) }))
    .sort(byRank);
  const sampleSize = Math.round(limit * randomShare);
  const chosen = new Set(scored.filter((entry) => mustInclude(entry.firm)));
  for (const entry of scored) {
    if (chosen.size >= limit - sampleSize) break;
    chosen.add(entry);
  }
  const ranked = scored.filter((entry) => chosen.has(entry));
  // The pool is in id order, so the draw depends on the seed and the set of firms, not on the input order.
  const pool = scored.filter((entry) => !chosen.has(entry)).sort((a, b) => byId(a.firm, b.firm));
  const random = seededRandom(seed);
  const drawCount = Math.min(sampleSize, Math.max(0, limit - ranked.length), pool.length);
  for (let i = 0; i < drawCount; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as Scored, pool[i] as Scored];
  }
  const sampled = pool.slice(0, drawCount).sort(byRank);
  const listed = (entry: Scored, isSample: boolean): RankedTarget => {
    const { priority, reasons } = priorityOf(entry.firm, { today, weights });
    if (isSample) {
      reasons.push({
        code: 'random_sample',
        detail: {
          vi: 'Chọn ngẫu nhiên để kiểm chứng tự báo cáo',
          en: 'Random pick that keeps self-reports honest',
        },
      });
    }
    return { enterpriseId: entry.firm.enterpriseId, priority, reasons, sampled: isSample };
  };
  return [...ranked.map((entry) => listed(entry, false)), ...sampled.map((entry) => listed(entry, true))];
}

/**
 * The ISO 8601 week of a `YYYY-MM-DD` date (weeks start on Monday; week 1 holds the year's first Thursday).
 * @example isoWeek('2026-11-23') // '2026-W48'
 */
export function isoWeek(date: string): string {
  assertDate(date, 'date');
  const day = Date.parse(date);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  // setUTCFullYear, not Date.UTC, so that years 0–99 stay themselves.
  const yearStart = new Date(0);
  yearStart.setUTCFullYear(year, 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart.getTime()) / DAY_MS / 7) + 1;
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * A deterministic PRNG (FNV-1a hash of the seed, then mulberry32) giving numbers in [0, 1). Not for secrets.
 * @example seededRandom('2026-W48')() === seededRandom('2026-W48')() // true
 */
export function seededRandom(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lack of compliance (0–1): unknown or stale compliance counts as `assumedUnknownScore`, never below the floor. */
function lackOfCompliance(facts: TargetingFacts, weights: TargetingWeights, explain: Explain): number {
  const score = facts.selfScore === null ? null : Math.min(100, Math.max(0, facts.selfScore));
  const assumed = weights.assumedUnknownScore;
  const stale = facts.selfCheckStatus === 'overdue' || facts.selfCheckStatus === 'never';
  if (score === null) {
    explain('unknown_compliance', () => ({
      vi: `Chưa từng nộp tự đánh giá; tính như ${number(assumed).vi}/100`,
      en: `No self-assessment ever submitted; counted as ${number(assumed).en}/100`,
    }));
  } else if (stale && score > assumed) {
    explain('unknown_compliance', () => ({
      vi: `Tự đánh giá ${number(score).vi}/100 đã cũ; tính như ${number(assumed).vi}/100`,
      en: `Self-assessment score ${number(score).en}/100 is out of date; counted as ${number(assumed).en}/100`,
    }));
  }
  if (score !== null && score < weights.lowSelfScoreBelow) {
    explain('low_self_score', () => ({
      vi: `Tự đánh giá ${number(score).vi}/100`,
      en: `Self-assessment score ${number(score).en}/100`,
    }));
  }
  if (score === null || stale) {
    return Math.max(weights.complianceFloor, (100 - Math.min(score ?? assumed, assumed)) / 100);
  }
  // A self-score nobody has checked moves the priority less: it counts only part of its distance from the prior,
  // so raising it from 40 to 95 no longer divides the priority by 12 (see TARGETING.md, "Over-reporting").
  const validated = facts.credibilityGap !== null && facts.credibilityGap <= weights.credibilityGapFrom;
  let counted = score;
  if (!validated) {
    const prior = weights.unvalidatedScorePrior;
    counted = prior + weights.unvalidatedScoreWeight * (score - prior);
    if (counted !== score) {
      explain('unvalidated_self_score', () => ({
        vi: `Tự đánh giá ${number(score).vi}/100 chưa được thanh tra xác nhận; tính như ${number(counted).vi}/100`,
        en: `Self-assessment score ${number(score).en}/100 not yet confirmed by an inspection; counted as ${number(counted).en}/100`,
      }));
    }
  }
  return Math.max(weights.complianceFloor, (100 - counted) / 100);
}

/** The hazard of the longest matching prefix (high-risk list or weights table), at least the high-risk hazard for a flagged firm. */
function sectorHazardOf(
  facts: Pick<TargetingFacts, 'sectorCode' | 'highRisk'>,
  weights: TargetingWeights,
): { value: number; name?: LocalizedText } {
  let matched = 0;
  let hazard: { value: number; name?: LocalizedText } = { value: weights.baseSectorHazard };
  const consider = (prefix: string, value: number, name?: LocalizedText) => {
    if (facts.sectorCode.startsWith(prefix) && prefix.length > matched) {
      matched = prefix.length;
      hazard = name === undefined ? { value } : { value, name };
    }
  };
  for (const sector of highRiskSectors.prefixes)
    consider(sector.prefix, weights.highRiskSectorHazard, sector.name);
  for (const [prefix, value] of Object.entries(weights.sectorHazardByPrefix)) consider(prefix, value);
  return facts.highRisk && hazard.value < weights.highRiskSectorHazard
    ? { value: weights.highRiskSectorHazard }
    : hazard;
}

/** Exposed workers (hazardous ones in full, the others at `otherWorkerExposure`) and the sub-linear factor from them. */
function exposureOf(facts: TargetingFacts, weights: TargetingWeights) {
  const hazardous = count(facts.hazardousWorkers);
  const headcount = Math.max(count(facts.headcount), hazardous);
  const workers = hazardous + weights.otherWorkerExposure * (headcount - hazardous);
  return { hazardous, headcount, workers, factor: Math.max(1, workers) ** weights.exposureExponent };
}

/** A count from the outside world: anything not a positive finite number counts as 0. */
function count(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/** Built on first use: an `Intl.NumberFormat` costs milliseconds, and most cold starts never explain a priority. */
let numberFormats: { vi: Intl.NumberFormat; en: Intl.NumberFormat } | undefined;

/** A number as each language writes it: `42,5` and `5.000` in Vietnamese, `42.5` and `5,000` in English. */
function number(value: number): LocalizedText {
  numberFormats ??= {
    vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }),
    en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  };
  return { vi: numberFormats.vi.format(value), en: numberFormats.en.format(value) };
}

function byId(a: TargetingFacts, b: TargetingFacts): number {
  return a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0;
}

function assertDate(text: string, name: string): void {
  if (!isIsoDate(text)) throw new RangeError(`${name} is "${text}"; expected a calendar date YYYY-MM-DD.`);
}
