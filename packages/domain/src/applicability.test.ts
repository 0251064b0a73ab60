import { describe, expect, it } from 'vitest';
import { applicableItemIds, appliesTo } from './applicability';
import type { EnterpriseProfile, Template, TemplateItem } from './template';

const noWorkers = { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 };

const constructionFirm: EnterpriseProfile = {
  sectorCode: 'F4100',
  highRisk: true,
  headcount: 520,
  workforce: { ...noWorkers, women: 60, minors: 2, hazardous: 140 },
  strictEquipmentCount: 7,
};

const smallOffice: EnterpriseProfile = {
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 12,
  workforce: { ...noWorkers, women: 7 },
};

const item = (id: string, appliesWhen?: TemplateItem['appliesWhen']): TemplateItem => ({
  id,
  text: { vi: id, en: id },
  legalBasis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 7' }],
  weight: 1,
  severity: 'major',
  allowNotApplicable: false,
  ...(appliesWhen === undefined ? {} : { appliesWhen }),
});

const template: Template = {
  id: 'test',
  version: 1,
  title: { vi: 'Mẫu thử', en: 'Test template' },
  publishedOn: '2026-01-01',
  sections: [
    {
      id: 'S1',
      title: { vi: 'Chung', en: 'General' },
      items: [
        item('osh-plan'),
        item('part-time-officer', { all: [{ highRisk: false }, { headcountBelow: 300 }] }),
        item('osh-council', { headcountAtLeast: 300 }),
      ],
    },
    {
      id: 'S2',
      title: { vi: 'Thiết bị và lao động', en: 'Equipment and workers' },
      items: [
        item('equipment-inspection', { hasStrictEquipment: true }),
        item('minor-workers', { hasWorkers: 'minors' }),
        item('women-exam', { hasWorkers: 'women' }),
        item('site-safety', { any: [{ sectorIn: ['F'] }, { sectorIn: ['C24', 'C25'] }] }),
        item('six-monthly-exam', { not: { highRisk: false } }),
      ],
    },
  ],
};

describe('applicableItemIds', () => {
  it('gives a large high-risk builder and a 12-person office different lists, in template order', () => {
    expect(applicableItemIds(template, constructionFirm)).toEqual([
      'osh-plan',
      'osh-council',
      'equipment-inspection',
      'minor-workers',
      'women-exam',
      'site-safety',
      'six-monthly-exam',
    ]);
    expect(applicableItemIds(template, smallOffice)).toEqual(['osh-plan', 'part-time-officer', 'women-exam']);
  });
});

describe('appliesTo', () => {
  it('applies an item without a rule to everyone', () => {
    expect(appliesTo(undefined, smallOffice)).toBe(true);
  });

  it('matches VSIC prefixes, case-sensitively', () => {
    expect(appliesTo({ sectorIn: ['F'] }, constructionFirm)).toBe(true);
    expect(appliesTo({ sectorIn: ['f'] }, constructionFirm)).toBe(false);
    expect(appliesTo({ sectorIn: ['C24'] }, { ...smallOffice, sectorCode: 'C2410' })).toBe(true);
    expect(appliesTo({ sectorIn: ['C24'] }, { ...smallOffice, sectorCode: 'C2510' })).toBe(false);
    expect(appliesTo({ sectorIn: [] }, constructionFirm)).toBe(false);
  });

  it('compares headcount at the boundary: at least n includes n, below n excludes n', () => {
    const firm = { ...smallOffice, headcount: 300 };
    expect(appliesTo({ headcountAtLeast: 300 }, firm)).toBe(true);
    expect(appliesTo({ headcountBelow: 300 }, firm)).toBe(false);
    expect(appliesTo({ headcountBelow: 301 }, firm)).toBe(true);
  });

  it('needs at least one worker of the group and at least one strict-requirement machine', () => {
    expect(appliesTo({ hasWorkers: 'minors' }, smallOffice)).toBe(false);
    expect(appliesTo({ hasWorkers: 'women' }, smallOffice)).toBe(true);
    expect(appliesTo({ hasStrictEquipment: true }, smallOffice)).toBe(false);
    expect(appliesTo({ hasStrictEquipment: true }, { ...smallOffice, strictEquipmentCount: 0 })).toBe(false);
    expect(appliesTo({ hasStrictEquipment: true }, constructionFirm)).toBe(true);
  });

  it('combines rules with all, any and not', () => {
    expect(appliesTo({ all: [] }, smallOffice)).toBe(true);
    expect(appliesTo({ any: [] }, smallOffice)).toBe(false);
    expect(appliesTo({ not: { highRisk: true } }, smallOffice)).toBe(true);
    expect(appliesTo({ all: [{ highRisk: true }, { headcountAtLeast: 500 }] }, constructionFirm)).toBe(true);
    expect(appliesTo({ any: [{ highRisk: true }, { hasWorkers: 'minors' }] }, smallOffice)).toBe(false);
  });
});
