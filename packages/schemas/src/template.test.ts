import type { Template } from '@antoan/domain';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { templateSchema, templateSummarySchema } from './template';

const validTemplate: Template = {
  id: 'demo',
  version: 1,
  title: { vi: 'Mẫu thử', en: 'Demo template' },
  publishedOn: '2026-01-15',
  sections: [
    {
      id: 'S1',
      title: { vi: 'Huấn luyện', en: 'Training' },
      items: [
        {
          id: 'I-1-1',
          text: { vi: 'Người lao động được huấn luyện', en: 'Workers are trained' },
          legalBasis: [{ document: 'Nghị định 44/2016/NĐ-CP', article: 'Điều 17' }],
          weight: 3,
          severity: 'critical',
          allowNotApplicable: false,
          evidenceKinds: ['training_certificate'],
          appliesWhen: {
            all: [{ highRisk: true }, { not: { headcountBelow: 50 } }, { any: [{ sectorIn: ['F', 'C24'] }] }],
          },
          verify: true,
        },
        {
          id: 'I-1-2',
          text: { vi: 'Có sổ theo dõi', en: 'A logbook is kept' },
          legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 7' }],
          weight: 1,
          severity: 'minor',
          allowNotApplicable: true,
        },
      ],
    },
  ],
};

type Defect = (template: Template) => unknown;

/** Applies a defect to a fresh copy of the valid template and returns the raw object. */
const withDefect = (defect: Defect): unknown => {
  const copy = structuredClone(validTemplate) as Template & Record<string, unknown>;
  defect(copy);
  return copy;
};

const firstItem = (template: Template) => {
  const item = template.sections[0]?.items[0];
  if (!item) throw new Error('The fixture must have an item.');
  return item as unknown as Record<string, unknown>;
};

describe('templateSchema', () => {
  it('accepts a valid template and types it as a Template', () => {
    const result = v.safeParse(templateSchema, validTemplate);
    expect(result.success).toBe(true);
    expectTypeOf<v.InferOutput<typeof templateSchema>>().toExtend<Template>();
  });

  it.each<[string, Defect]>([
    ['an unknown top-level field', (t) => Object.assign(t, { owner: 'x' })],
    ['an unknown item field', (t) => Object.assign(firstItem(t), { points: 3 })],
    ['a weight of 0', (t) => Object.assign(firstItem(t), { weight: 0 })],
    ['a negative weight', (t) => Object.assign(firstItem(t), { weight: -1 })],
    ['a fractional weight', (t) => Object.assign(firstItem(t), { weight: 1.5 })],
    ['an unknown severity', (t) => Object.assign(firstItem(t), { severity: 'fatal' })],
    ['an unknown evidence kind', (t) => Object.assign(firstItem(t), { evidenceKinds: ['photo'] })],
    ['an unknown applicability rule', (t) => Object.assign(firstItem(t), { appliesWhen: { headcount: 5 } })],
    [
      'a rule with two keys',
      (t) => Object.assign(firstItem(t), { appliesWhen: { highRisk: true, headcountBelow: 5 } }),
    ],
    [
      'a bad rule nested deep',
      (t) => Object.assign(firstItem(t), { appliesWhen: { all: [{ not: { hasWorkers: 'children' } }] } }),
    ],
    [
      'hasStrictEquipment false',
      (t) => Object.assign(firstItem(t), { appliesWhen: { hasStrictEquipment: false } }),
    ],
    ['a missing English text', (t) => Object.assign(firstItem(t), { text: { vi: 'Chỉ tiếng Việt' } })],
    [
      'an empty English text',
      (t) => Object.assign(firstItem(t), { text: { vi: 'Chỉ tiếng Việt', en: ' ' } }),
    ],
    ['no legal basis', (t) => Object.assign(firstItem(t), { legalBasis: [] })],
    [
      'a legal basis without article',
      (t) => Object.assign(firstItem(t), { legalBasis: [{ document: 'Luật 84' }] }),
    ],
    ['an empty item id', (t) => Object.assign(firstItem(t), { id: '' })],
    ['a version of 0', (t) => Object.assign(t, { version: 0 })],
    ['a fractional version', (t) => Object.assign(t, { version: 1.5 })],
    ['a publishedOn that is not YYYY-MM-DD', (t) => Object.assign(t, { publishedOn: '15/01/2026' })],
    ['a publishedOn that is not a real day', (t) => Object.assign(t, { publishedOn: '2026-02-31' })],
    ['a duplicate item id', (t) => Object.assign(firstItem(t), { id: 'I-1-2' })],
  ])('rejects %s', (_name, defect) => {
    expect(v.safeParse(templateSchema, withDefect(defect)).success).toBe(false);
  });
});

describe('templateSummarySchema', () => {
  it('accepts a summary and rejects unknown fields', () => {
    const summary = { id: 'demo', version: 1, title: validTemplate.title, itemCount: 2 };
    expect(v.safeParse(templateSummarySchema, summary).success).toBe(true);
    expect(v.safeParse(templateSummarySchema, { ...summary, sections: [] }).success).toBe(false);
  });
});
