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
