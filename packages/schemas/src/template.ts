import {
  type AppliesWhen,
  evidenceKinds,
  type LocalizedText,
  profileFlags,
  type Template,
  workforceGroups,
} from '@antoan/domain';
import * as v from 'valibot';

const idSchema = v.pipe(v.string(), v.trim(), v.nonEmpty('An id must not be empty.'));

const localizedTextSchema = v.strictObject({
  vi: v.pipe(v.string(), v.trim(), v.nonEmpty('The Vietnamese text (vi) must not be empty.')),
  en: v.pipe(v.string(), v.trim(), v.nonEmpty('The English text (en) must not be empty.')),
}) satisfies v.GenericSchema<unknown, LocalizedText>;

const headcountSchema = v.pipe(
  v.number(),
  v.integer('A headcount bound must be a whole number.'),
  v.minValue(0, 'A headcount bound must be 0 or more.'),
);

/** An applicability rule; recursive through `all`, `any` and `not`. */
export const appliesWhenSchema: v.GenericSchema<AppliesWhen> = v.lazy(() =>
  v.union(
    [
      v.strictObject({ all: v.pipe(v.array(appliesWhenSchema), v.minLength(1, '`all` needs a rule.')) }),
      v.strictObject({ any: v.pipe(v.array(appliesWhenSchema), v.minLength(1, '`any` needs a rule.')) }),
      v.strictObject({ not: appliesWhenSchema }),
      v.strictObject({ highRisk: v.boolean() }),
      v.strictObject({ headcountAtLeast: headcountSchema }),
      v.strictObject({ headcountBelow: headcountSchema }),
      v.strictObject({ hasWorkers: v.picklist(workforceGroups) }),
      v.strictObject({ hasStrictEquipment: v.literal(true) }),
      v.strictObject({ hasFlag: v.picklist(profileFlags) }),
      v.strictObject({
        sectorIn: v.pipe(
          v.array(
            v.pipe(v.string(), v.regex(/^[A-U]\d*$/, 'A sector prefix is a VSIC code such as F or C24.')),
          ),
          v.minLength(1, '`sectorIn` needs at least one sector prefix.'),
        ),
      }),
    ],
    'An applicability rule must be exactly one of all, any, not, highRisk, headcountAtLeast, headcountBelow, hasWorkers, hasStrictEquipment, hasFlag or sectorIn.',
  ),
);

const legalBasisSchema = v.strictObject({
  document: v.pipe(v.string(), v.trim(), v.nonEmpty('A legal basis must name its document.')),
  article: v.pipe(v.string(), v.trim(), v.nonEmpty('A legal basis must name its article.')),
});

const templateItemSchema = v.strictObject({
  id: idSchema,
  text: localizedTextSchema,
  legalBasis: v.pipe(
    v.array(legalBasisSchema),
    v.minLength(1, 'An item must cite at least one legal basis.'),
  ),
  weight: v.pipe(
    v.number(),
    v.integer('A weight must be a whole number (scores are summed in integer half-points).'),
    v.gtValue(0, 'A weight must be greater than 0.'),
  ),
  severity: v.picklist(['critical', 'major', 'minor'], 'Severity must be critical, major or minor.'),
  allowNotApplicable: v.boolean(),
  evidenceKinds: v.exactOptional(
    v.pipe(v.array(v.picklist(evidenceKinds)), v.minLength(1, 'Leave evidenceKinds out rather than empty.')),
  ),
  appliesWhen: v.exactOptional(appliesWhenSchema),
  verify: v.exactOptional(v.boolean()),
});

const templateSectionSchema = v.strictObject({
  id: idSchema,
  title: localizedTextSchema,
  items: v.pipe(v.array(templateItemSchema), v.minLength(1, 'A section needs at least one item.')),
});

/** True when the string names a real calendar day (the regex alone accepts 2026-02-31). */
const isCalendarDate = (date: string): boolean => {
  const day = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === date;
};

const duplicates = (ids: string[]): string[] => ids.filter((id, index) => ids.indexOf(id) !== index);

/** A versioned checklist template, exactly as the domain `Template` type describes it. */
export const templateSchema = v.pipe(
  v.strictObject({
    id: idSchema,
    version: v.pipe(
      v.number(),
      v.integer('A version must be a whole number.'),
      v.minValue(1, 'A version starts at 1.'),
    ),
    title: localizedTextSchema,
    publishedOn: v.pipe(
      v.string(),
      v.isoDate('publishedOn must be a date written YYYY-MM-DD.'),
      v.check(isCalendarDate, 'publishedOn must be a real calendar date.'),
    ),
    sections: v.pipe(
      v.array(templateSectionSchema),
      v.minLength(1, 'A template needs at least one section.'),
    ),
  }),
  v.check(
    (template) => duplicates(template.sections.map((section) => section.id)).length === 0,
    'Section ids must be unique within a template.',
  ),
  v.check(
    (template) =>
      duplicates(template.sections.flatMap((section) => section.items.map((item) => item.id))).length === 0,
    'Item ids must be unique within a template.',
  ),
) satisfies v.GenericSchema<unknown, Template>;

/** What `GET /v1/templates` lists for each template version. */
export const templateSummarySchema = v.strictObject({
  id: idSchema,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: localizedTextSchema,
  itemCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One entry of the template list. */
export type TemplateSummary = v.InferOutput<typeof templateSummarySchema>;
