import { applicableItemIds } from './applicability';
import { formatPeriod, periodOf } from './period';
import { selfInspectionPeriodKind } from './schedule';
import { type AnswerValue, CURRENT_SCORING_VERSION, type Score, scoreAssessment } from './scoring';
import type { EnterpriseProfile, Template } from './template';

/** What an inspector recorded for one checklist item. */
export type Finding = AnswerValue;

/** A finding that cannot be accepted, with the item it is about. */
export interface FindingError {
  itemId: string;
  message: string;
}

/**
 * Checks findings against the template version and the firm: every item must exist, `not_applicable` only where
 * the item allows it, and at least one finding must be about an item that applies to the firm. Findings on items
 * that do not apply are accepted and left out of the score.
 */
export function findingErrors(
  template: Template,
  profile: EnterpriseProfile,
  findings: Readonly<Record<string, Finding>>,
): FindingError[] {
  const items = new Map(template.sections.flatMap((section) => section.items.map((item) => [item.id, item])));
  const errors: FindingError[] = [];
  for (const [itemId, value] of Object.entries(findings)) {
    const item = items.get(itemId);
    if (!item)
      errors.push({ itemId, message: `no item ${itemId} in template ${template.id} v${template.version}` });
    else if (value === 'not_applicable' && !item.allowNotApplicable)
      errors.push({ itemId, message: `item ${itemId} cannot be found not_applicable` });
  }
  const applicable = applicableItemIds(template, profile);
  if (errors.length === 0 && !applicable.some((itemId) => Object.hasOwn(findings, itemId))) {
    errors.push({ itemId: '', message: 'no finding is about an item that applies to this enterprise' });
  }
  return errors;
}

/**
 * Scores an inspection with the same scoring as a self-assessment, over the items that apply to the firm and
 * that the inspector recorded a finding for. Items without a finding were not observed and are left out (they do
 * not count as failures). An inspector observes directly, so the evidence rule does not apply: a `compliant`
 * finding on an item that needs evidence stands as it is (the template is scored with its evidence requirements
 * removed). Evidence validity is checked on `conductedOn`, which therefore never matters here.
 * @example scoreInspection({ template, profile, findings: { 'I-1-1': 'partial' }, conductedOn: '2026-11-20' }).total // 50
 */
export function scoreInspection(input: {
  template: Template;
  profile: EnterpriseProfile;
  findings: Readonly<Record<string, Finding>>;
  conductedOn: string;
}): Score {
  const observed = applicableItemIds(input.template, input.profile).filter((itemId) =>
    Object.hasOwn(input.findings, itemId),
  );
  const withoutEvidenceRule: Template = {
    ...input.template,
    sections: input.template.sections.map((section) => ({
      ...section,
      items: section.items.map(({ evidenceKinds: _evidenceKinds, ...item }) => item),
    })),
  };
  return scoreAssessment({
    template: withoutEvidenceRule,
    applicableItemIds: observed,
    answers: Object.fromEntries(
      observed.map((itemId) => [itemId, { value: input.findings[itemId] as Finding }]),
    ),
    evidence: {},
    on: input.conductedOn,
    // Inspections are recorded now, so they follow the current rules (a critical partial caps at B).
    scoringVersion: CURRENT_SCORING_VERSION,
  });
}

/**
 * The self-inspection period an inspection on `conductedOn` is compared with: the half-year for a high-risk
 * firm, the year for the others (the firm's own schedule).
 * @example inspectionPeriod('2026-11-20', { highRisk: true }) // '2026-H2'
 */
export function inspectionPeriod(conductedOn: string, profile: Pick<EnterpriseProfile, 'highRisk'>): string {
  return formatPeriod(periodOf(conductedOn, selfInspectionPeriodKind(profile)));
}

/**
 * The credibility gap: the self-score minus the inspection score for the same period, to one decimal. Positive
 * means the firm rated itself better than the inspector found it. Null when the firm submitted nothing for that
 * period.
 * @example credibilityGap(88.5, 52) // 36.5
 */
export function credibilityGap(selfScore: number | null, inspectionScore: number): number | null {
  if (selfScore === null) return null;
  return (Math.round(selfScore * 10) - Math.round(inspectionScore * 10)) / 10;
}

/** One item on which an inspection and the self-check of its period disagree. */
export interface ItemDisagreement {
  itemId: string;
  /** What counted in the self-check (a `compliant` answer without valid evidence counted `non_compliant`). */
  selfOutcome: AnswerValue;
  finding: AnswerValue;
  selfPoints: number;
  inspectedPoints: number;
  maxPoints: number;
  /** `self_better`: the firm claimed more than the inspector found; `self_worse`: less; `applicability`: one side said not applicable. */
  direction: 'self_better' | 'self_worse' | 'applicability';
}

/** The comparison of an inspection with the self-check of its period, on the items both scored. */
export interface CredibilityComparison {
  /** Items that both scored (neither side not applicable). */
  comparedItems: number;
  /**
   * 100 × (self-check points − inspection points) / max points, over the compared items only, to one decimal:
   * positive when the firm rated itself better than the inspector found it. Null when no item was compared.
   */
  itemGap: number | null;
  disagreements: ItemDisagreement[];
}

type ScoredItemLike = { id: string; outcome: string; points: number; maxPoints: number };

/**
 * Compares an inspection's findings with the self-check's answers item by item, on the items both looked at, so
 * that the gap is about the same obligations (the totals of the two cover different item sets: an inspector
 * observes only some items). An item on which one side says not applicable and the other does not is reported
 * as a disagreement but left out of the gap.
 * @example compareWithSelfCheck(inspection.score.items, selfCheck.items).itemGap // 33.3
 */
export function compareWithSelfCheck(
  inspectionItems: readonly ScoredItemLike[],
  selfItems: readonly ScoredItemLike[],
): CredibilityComparison {
  const own = new Map(selfItems.map((item) => [item.id, item]));
  const disagreements: ItemDisagreement[] = [];
  let [selfPoints, inspectedPoints, maxPoints, comparedItems] = [0, 0, 0, 0];
  for (const found of inspectionItems) {
    const self = own.get(found.id);
    if (self === undefined) continue;
    const selfNa = self.outcome === 'not_applicable';
    const foundNa = found.outcome === 'not_applicable';
    if (selfNa && foundNa) continue;
    const base = {
      itemId: found.id,
      selfOutcome: self.outcome as AnswerValue,
      finding: found.outcome as AnswerValue,
      selfPoints: self.points,
      inspectedPoints: found.points,
      maxPoints: Math.max(self.maxPoints, found.maxPoints),
    };
    if (selfNa || foundNa) {
      disagreements.push({ ...base, direction: 'applicability' });
      continue;
    }
    comparedItems++;
    selfPoints += self.points;
    inspectedPoints += found.points;
    maxPoints += found.maxPoints;
    if (self.points !== found.points) {
      disagreements.push({ ...base, direction: self.points > found.points ? 'self_better' : 'self_worse' });
    }
  }
  const itemGap =
    maxPoints > 0
      ? Math.round((1000 * (selfPoints - inspectedPoints)) / maxPoints) / 10
      : comparedItems > 0
        ? 0
        : null;
  return { comparedItems, itemGap, disagreements };
}
