import { expiryOf, neverExpires, type WorkerCategory } from './evidence-validity';
import type { EvidenceKind, Template, TemplateItem } from './template';

/** The versions of the scoring rules. A stored score keeps the version that computed it; an assessment pins one. */
export const scoringVersions = ['1', '2'] as const;
export type ScoringVersion = (typeof scoringVersions)[number];

/** The first version of the rules: the one `scoreAssessment` applies when no version is named (old assessments). */
export const SCORING_VERSION: ScoringVersion = '1';

/** The version new assessments and inspections pin. */
export const CURRENT_SCORING_VERSION: ScoringVersion = '2';

/** The shortest note that justifies `not_applicable` on a critical item under scoring version 2. */
export const CRITICAL_NOT_APPLICABLE_NOTE_MIN = 20;

/** A compliance answer to one checklist item. */
export type AnswerValue = 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';

/** The rating band: A ≥ 85, B ≥ 70, C ≥ 50, D < 50, capped at C by a critical failure. */
export type Rating = 'A' | 'B' | 'C' | 'D';

/**
 * Why an item earned nothing although it was not answered `non_compliant`. Version 2 adds `evidence_rejected` (a
 * reviewer rejected the content) and `evidence_undated` (a kind with no legal period that carries no `expiresOn`).
 */
export type ScoreReason =
  | 'evidence_missing'
  | 'evidence_expired'
  | 'evidence_rejected'
  | 'evidence_undated'
  | 'unanswered';

/** What reviewers should look at on an item (version 2): a critical item claimed not applicable, or doubtful evidence. */
export type ScoreFlag = 'claimed_not_applicable' | 'unlicensed_provider' | 'duplicate_certificate';

/** How one applicable item was scored. `outcome` is what counted, so a `compliant` answer without evidence shows as `non_compliant`. */
export interface ScoreItem {
  id: string;
  outcome: AnswerValue;
  reason?: ScoreReason;
  points: number;
  maxPoints: number;
  /** Version 2 only, and only when there is something to flag. */
  flags?: ScoreFlag[];
}

/** Why the rating is lower than the total's band (version 2): which rule, the rating it caps at and the items behind it. */
export interface RatingCap {
  rule: 'critical_failure' | 'critical_partial';
  capsAt: 'B' | 'C';
  itemIds: string[];
}

/** A section's score out of 100, or null when none of its items could be scored. */
export interface SectionScore {
  id: string;
  score: number | null;
}

/** The score of an assessment or inspection, explained item by item (see the API's Score object). */
export interface Score {
  total: number;
  rating: Rating;
  scoringVersion: string;
  sections: SectionScore[];
  criticalFailures: string[];
  items: ScoreItem[];
  /** Version 2: critical items answered `not_applicable`, for reviewers to check the justification. */
  claimedNotApplicable?: string[];
  /** Version 2: every cap applied to the rating (empty when none). */
  caps?: RatingCap[];
}

/** One answer as the scoring reads it. */
export interface ScoredAnswer {
  value: AnswerValue;
  note?: string | undefined;
  evidenceIds?: readonly string[] | undefined;
}

/** One piece of evidence as the scoring reads it; only `verified` evidence counts. Dates are `YYYY-MM-DD`. */
export interface ScoredEvidence {
  kind: EvidenceKind;
  status: 'verified' | (string & {});
  issuedOn: string;
  expiresOn?: string | undefined;
  /** A reviewer's decision on the content (version 2 scores rejected evidence 0). */
  review?: 'accepted' | 'rejected' | undefined;
  /** Doubts recorded when the evidence was declared (version 2 shows them on the item). */
  flags?: readonly ('unlicensed_provider' | 'duplicate_certificate')[] | undefined;
  trainingGroup?: number | undefined;
  workerCategory?: WorkerCategory | undefined;
}

/** Everything a score depends on; `on` (`YYYY-MM-DD`) is the day evidence must be valid, e.g. the submission day. */
export interface ScoreInput {
  template: Template;
  applicableItemIds: readonly string[];
  answers: Readonly<Record<string, ScoredAnswer>>;
  evidence: Readonly<Record<string, ScoredEvidence>>;
  on: string;
  /** The rules to apply; `'1'` when absent, so scores of old assessments are recomputed exactly. */
  scoringVersion?: ScoringVersion | undefined;
}

/**
 * The rating for a total, capped at C when a critical item failed (A and B become C; D stays D).
 * @example ratingFor(90, true) // 'C'
 */
export function ratingFor(total: number, hasCriticalFailure: boolean): Rating {
  const band: Rating = total >= 85 ? 'A' : total >= 70 ? 'B' : total >= 50 ? 'C' : 'D';
  return hasCriticalFailure && (band === 'A' || band === 'B') ? 'C' : band;
}

/** The rating of version 2: the total's band, lowered to the lowest cap (a cap never raises a rating). */
function cappedRating(total: number, caps: readonly RatingCap[]): Rating {
  const order: Rating[] = ['A', 'B', 'C', 'D'];
  const band = ratingFor(total, false);
  return caps.reduce<Rating>(
    (rating, cap) => (order.indexOf(cap.capsAt) > order.indexOf(rating) ? cap.capsAt : rating),
    band,
  );
}

/**
 * Errors in answers that version 2 refuses: `not_applicable` on a critical item needs a note of at least
 * {@link CRITICAL_NOT_APPLICABLE_NOTE_MIN} characters (trimmed). Version 1 refuses nothing here.
 * @example notApplicableJustificationErrors(template, { 'I-1-1': { value: 'not_applicable' } }, '2') // [{ itemId: 'I-1-1', … }]
 */
export function notApplicableJustificationErrors(
  template: Template,
  answers: Readonly<Record<string, ScoredAnswer>>,
  scoringVersion: ScoringVersion,
): Array<{ itemId: string; message: string }> {
  if (scoringVersion === '1') return [];
  const critical = new Set(
    template.sections.flatMap((section) =>
      section.items.filter((item) => item.severity === 'critical').map((item) => item.id),
    ),
  );
  return Object.entries(answers)
    .filter(
      ([itemId, answer]) =>
        critical.has(itemId) &&
        answer.value === 'not_applicable' &&
        (answer.note ?? '').trim().length < CRITICAL_NOT_APPLICABLE_NOTE_MIN,
    )
    .map(([itemId]) => ({
      itemId,
      message: `item ${itemId} is critical: not_applicable needs a note of at least ${CRITICAL_NOT_APPLICABLE_NOTE_MIN} characters saying why`,
    }));
}

/**
 * Scores the applicable items: compliant earns the weight, partial half of it, non-compliant and unanswered
 * nothing; not-applicable answers are left out. An item with `evidenceKinds` earns points only with a linked,
 * verified evidence of an allowed kind, issued on or before `on` and not expired before `on`. Totals are out of
 * 100, rounded half up to one decimal. When nothing can be scored the total is 100 (nothing applicable, nothing
 * failed) and the rating follows the usual bands. Critical items at 0 points are critical failures.
 */
export function scoreAssessment(input: ScoreInput): Score {
  const version = input.scoringVersion ?? SCORING_VERSION;
  const applicable = new Set(input.applicableItemIds);
  const items: ScoreItem[] = [];
  const sections: SectionScore[] = [];
  const criticalFailures: string[] = [];
  const criticalPartials: string[] = [];
  const claimedNotApplicable: string[] = [];
  // Sums in half-points: every item earns a multiple of half a point, so integer weights give exact sums.
  let earned = 0;
  let possible = 0;
  for (const section of input.template.sections) {
    let sectionEarned = 0;
    let sectionPossible = 0;
    for (const item of section.items) {
      if (!applicable.has(item.id)) continue;
      const scored = scoreItem(item, input, version);
      items.push(scored);
      if (item.severity === 'critical' && scored.outcome !== 'not_applicable' && scored.points === 0) {
        criticalFailures.push(item.id);
      }
      if (item.severity === 'critical' && scored.points > 0 && scored.points < scored.maxPoints) {
        criticalPartials.push(item.id);
      }
      if (item.severity === 'critical' && scored.outcome === 'not_applicable')
        claimedNotApplicable.push(item.id);
      sectionEarned += scored.points * 2;
      sectionPossible += scored.maxPoints * 2;
    }
    sections.push({ id: section.id, score: percent(sectionEarned, sectionPossible) });
    earned += sectionEarned;
    possible += sectionPossible;
  }
  const total = percent(earned, possible) ?? 100;
  if (version === '1') {
    return {
      total,
      rating: ratingFor(total, criticalFailures.length > 0),
      scoringVersion: '1',
      sections,
      criticalFailures,
      items,
    };
  }
  const caps: RatingCap[] = [
    ...(criticalFailures.length > 0
      ? [{ rule: 'critical_failure' as const, capsAt: 'C' as const, itemIds: criticalFailures }]
      : []),
    ...(criticalPartials.length > 0
      ? [{ rule: 'critical_partial' as const, capsAt: 'B' as const, itemIds: criticalPartials }]
      : []),
  ];
  return {
    total,
    rating: cappedRating(total, caps),
    scoringVersion: version,
    sections,
    criticalFailures,
    items,
    claimedNotApplicable,
    caps,
  };
}

function scoreItem(item: TemplateItem, input: ScoreInput, version: ScoringVersion): ScoreItem {
  const answer = ownValue(input.answers, item.id);
  const failed = (reason?: ScoreReason, flags: ScoreFlag[] = []): ScoreItem => ({
    id: item.id,
    outcome: 'non_compliant',
    ...(reason === undefined ? {} : { reason }),
    points: 0,
    maxPoints: item.weight,
    ...(flags.length > 0 ? { flags } : {}),
  });
  if (answer === undefined) return failed('unanswered');
  if (answer.value === 'not_applicable') {
    const claimed = version !== '1' && item.severity === 'critical';
    return {
      id: item.id,
      outcome: 'not_applicable',
      points: 0,
      maxPoints: 0,
      ...(claimed ? { flags: ['claimed_not_applicable' as const] } : {}),
    };
  }
  if (answer.value === 'non_compliant') return failed();
  const check = item.evidenceKinds?.length
    ? (version === '1' ? evidenceCheckV1 : evidenceCheckV2)(
        item.evidenceKinds,
        answer.evidenceIds ?? [],
        input,
      )
    : { flags: [] };
  if (check.problem !== undefined) return failed(check.problem, check.flags);
  return {
    id: item.id,
    outcome: answer.value,
    points: answer.value === 'compliant' ? item.weight : item.weight / 2,
    maxPoints: item.weight,
    ...(check.flags.length > 0 ? { flags: check.flags } : {}),
  };
}

interface EvidenceCheck {
  problem?: ScoreReason;
  flags: ScoreFlag[];
}

/** Version 1: valid when some linked evidence is verified, of an allowed kind, issued by the day and not expired. */
function evidenceCheckV1(
  kinds: readonly EvidenceKind[],
  evidenceIds: readonly string[],
  input: ScoreInput,
): EvidenceCheck {
  let expired = false;
  for (const id of evidenceIds) {
    const evidence = ownValue(input.evidence, id);
    if (evidence === undefined || evidence.status !== 'verified' || !kinds.includes(evidence.kind)) continue;
    if (evidence.expiresOn !== undefined && evidence.expiresOn < input.on) expired = true;
    else if (evidence.issuedOn <= input.on) return { flags: [] };
  }
  return { problem: expired ? 'evidence_expired' : 'evidence_missing', flags: [] };
}

/**
 * Version 2: as version 1, but a rejected document never counts, evidence without `expiresOn` gets the legal
 * validity of its kind (a kind with no legal period and no `expiresOn` does not count), and the doubts recorded on
 * the evidence that counted (or, when none counts, on every linked piece) are shown as flags. The reason when none
 * counts is the most telling one: rejected, then expired, then undated, then missing.
 */
function evidenceCheckV2(
  kinds: readonly EvidenceKind[],
  evidenceIds: readonly string[],
  input: ScoreInput,
): EvidenceCheck {
  const seen = new Set<ScoreReason>();
  const doubts = new Set<ScoreFlag>();
  for (const id of evidenceIds) {
    const evidence = ownValue(input.evidence, id);
    if (evidence === undefined || evidence.status !== 'verified' || !kinds.includes(evidence.kind)) continue;
    for (const flag of evidence.flags ?? []) doubts.add(flag);
    if (evidence.review === 'rejected') {
      seen.add('evidence_rejected');
      continue;
    }
    const expiresOn = evidence.expiresOn ?? expiryOf(evidence);
    if (expiresOn === undefined && !neverExpires(evidence.kind)) seen.add('evidence_undated');
    else if (expiresOn === undefined) {
      if (evidence.issuedOn <= input.on) return { flags: [...(evidence.flags ?? [])] };
    } else if (expiresOn < input.on) seen.add('evidence_expired');
    else if (evidence.issuedOn <= input.on) return { flags: [...(evidence.flags ?? [])] };
  }
  const order: ScoreReason[] = ['evidence_rejected', 'evidence_expired', 'evidence_undated'];
  return {
    problem: order.find((reason) => seen.has(reason)) ?? 'evidence_missing',
    flags: [...doubts].sort(),
  };
}

/** Reads own keys only, so an item id such as `constructor` never finds something on the prototype. */
function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** 100 × earned / possible, rounded half up to one decimal with integer arithmetic; null when nothing is possible. */
function percent(earned: number, possible: number): number | null {
  if (possible <= 0) return null;
  const scaled = 1000 * earned;
  const tenths = Math.floor(scaled / possible);
  const remainder = scaled - tenths * possible;
  return (2 * remainder >= possible ? tenths + 1 : tenths) / 10;
}
