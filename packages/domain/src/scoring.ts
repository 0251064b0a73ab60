import type { EvidenceKind, Template, TemplateItem } from './template';

/** The version of the scoring rules; a stored score keeps the version that computed it. */
export const SCORING_VERSION = '1';

/** A compliance answer to one checklist item. */
export type AnswerValue = 'compliant' | 'partial' | 'non_compliant' | 'not_applicable';

/** The rating band: A ≥ 85, B ≥ 70, C ≥ 50, D < 50, capped at C by a critical failure. */
export type Rating = 'A' | 'B' | 'C' | 'D';

/** Why an item earned nothing although it was not answered `non_compliant`. */
export type ScoreReason = 'evidence_missing' | 'evidence_expired' | 'unanswered';

/** How one applicable item was scored. `outcome` is what counted, so a `compliant` answer without evidence shows as `non_compliant`. */
export interface ScoreItem {
  id: string;
  outcome: AnswerValue;
  reason?: ScoreReason;
  points: number;
  maxPoints: number;
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
}

/** One answer as the scoring reads it. */
export interface ScoredAnswer {
  value: AnswerValue;
  evidenceIds?: readonly string[] | undefined;
}

/** One piece of evidence as the scoring reads it; only `verified` evidence counts. Dates are `YYYY-MM-DD`. */
export interface ScoredEvidence {
  kind: EvidenceKind;
  status: 'verified' | (string & {});
  issuedOn: string;
  expiresOn?: string;
}

/** Everything a score depends on; `on` (`YYYY-MM-DD`) is the day evidence must be valid, e.g. the submission day. */
export interface ScoreInput {
  template: Template;
  applicableItemIds: readonly string[];
  answers: Readonly<Record<string, ScoredAnswer>>;
  evidence: Readonly<Record<string, ScoredEvidence>>;
  on: string;
}

/**
 * The rating for a total, capped at C when a critical item failed (A and B become C; D stays D).
 * @example ratingFor(90, true) // 'C'
 */
export function ratingFor(total: number, hasCriticalFailure: boolean): Rating {
  const band: Rating = total >= 85 ? 'A' : total >= 70 ? 'B' : total >= 50 ? 'C' : 'D';
  return hasCriticalFailure && (band === 'A' || band === 'B') ? 'C' : band;
}

/**
 * Scores the applicable items: compliant earns the weight, partial half of it, non-compliant and unanswered
 * nothing; not-applicable answers are left out. An item with `evidenceKinds` earns points only with a linked,
 * verified evidence of an allowed kind, issued on or before `on` and not expired before `on`. Totals are out of
 * 100, rounded half up to one decimal. When nothing can be scored the total is 100 (nothing applicable, nothing
 * failed) and the rating follows the usual bands. Critical items at 0 points are critical failures.
 */
export function scoreAssessment(input: ScoreInput): Score {
  const applicable = new Set(input.applicableItemIds);
  const items: ScoreItem[] = [];
  const sections: SectionScore[] = [];
  const criticalFailures: string[] = [];
  // Sums in half-points: every item earns a multiple of half a point, so integer weights give exact sums.
  let earned = 0;
  let possible = 0;
  for (const section of input.template.sections) {
    let sectionEarned = 0;
    let sectionPossible = 0;
    for (const item of section.items) {
      if (!applicable.has(item.id)) continue;
      const scored = scoreItem(item, input);
      items.push(scored);
      if (item.severity === 'critical' && scored.outcome !== 'not_applicable' && scored.points === 0) {
        criticalFailures.push(item.id);
      }
      sectionEarned += scored.points * 2;
      sectionPossible += scored.maxPoints * 2;
    }
    sections.push({ id: section.id, score: percent(sectionEarned, sectionPossible) });
    earned += sectionEarned;
    possible += sectionPossible;
  }
  const total = percent(earned, possible) ?? 100;
  return {
    total,
    rating: ratingFor(total, criticalFailures.length > 0),
    scoringVersion: SCORING_VERSION,
    sections,
    criticalFailures,
    items,
  };
}

function scoreItem(item: TemplateItem, input: ScoreInput): ScoreItem {
  const answer = ownValue(input.answers, item.id);
  const failed = (reason?: ScoreReason): ScoreItem => ({
    id: item.id,
    outcome: 'non_compliant',
    ...(reason === undefined ? {} : { reason }),
    points: 0,
    maxPoints: item.weight,
  });
  if (answer === undefined) return failed('unanswered');
  if (answer.value === 'not_applicable') {
    return { id: item.id, outcome: 'not_applicable', points: 0, maxPoints: 0 };
  }
  if (answer.value === 'non_compliant') return failed();
  const problem = item.evidenceKinds?.length
    ? evidenceProblem(item.evidenceKinds, answer.evidenceIds ?? [], input)
    : undefined;
  if (problem !== undefined) return failed(problem);
  return {
    id: item.id,
    outcome: answer.value,
    points: answer.value === 'compliant' ? item.weight : item.weight / 2,
    maxPoints: item.weight,
  };
}

/** Undefined when some linked evidence is valid on the day; otherwise why none is. */
function evidenceProblem(
  kinds: readonly EvidenceKind[],
  evidenceIds: readonly string[],
  input: ScoreInput,
): 'evidence_missing' | 'evidence_expired' | undefined {
  let expired = false;
  for (const id of evidenceIds) {
    const evidence = ownValue(input.evidence, id);
    if (evidence === undefined || evidence.status !== 'verified' || !kinds.includes(evidence.kind)) continue;
    if (evidence.expiresOn !== undefined && evidence.expiresOn < input.on) expired = true;
    else if (evidence.issuedOn <= input.on) return undefined;
  }
  return expired ? 'evidence_expired' : 'evidence_missing';
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
