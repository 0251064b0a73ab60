import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AppliesWhen,
  applicableItemIds,
  type EnterpriseProfile,
  type Template,
  type TemplateItem,
} from '@antoan/domain';
import { templateSchema } from '@antoan/schemas';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { findTemplate, publishedTemplates, summarizeTemplate } from './index';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const lockName = 'published.lock.json';
const immutableHint = 'publish a new version instead of editing a published one';

/** Every template data file under data/, as paths relative to it with forward slashes. */
const dataFiles = (dir: string = dataDir): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return dataFiles(path);
    if (!entry.name.endsWith('.json') || path === join(dataDir, lockName)) return [];
    return [relative(dataDir, path).split(sep).join('/')];
  });

const readData = (file: string): Buffer => readFileSync(join(dataDir, file));
const lock = JSON.parse(readFileSync(join(dataDir, lockName), 'utf8')) as Record<string, string>;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const template = findTemplate('osh-self-inspection', 1) as Template;
const items: TemplateItem[] = template.sections.flatMap((section) => section.items);

/** Every rule inside an applicability rule, the rule itself included. */
const flatten = (rule: AppliesWhen | undefined): AppliesWhen[] => {
  if (rule === undefined) return [];
  if ('all' in rule) return [rule, ...rule.all.flatMap(flatten)];
  if ('any' in rule) return [rule, ...rule.any.flatMap(flatten)];
  if ('not' in rule) return [rule, ...flatten(rule.not)];
  return [rule];
};
const rules = items.flatMap((item) => flatten(item.appliesWhen));

describe('template data files', () => {
  const files = dataFiles();

  it('finds at least one data file', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s validates, is named <id>/v<version>.json and is exported', (file) => {
    const result = v.safeParse(templateSchema, JSON.parse(readData(file).toString('utf8')));
    expect(result.issues?.map((issue) => issue.message) ?? []).toEqual([]);
    if (!result.success) return;
    expect(file).toBe(`${result.output.id}/v${result.output.version}.json`);
    expect(findTemplate(result.output.id, result.output.version)).toEqual(result.output);
  });

  it.each(files)('%s is locked and unchanged since it was published', (file) => {
    const { id, version } = JSON.parse(readData(file).toString('utf8')) as Template;
    const key = `${id}@${version}`;
    expect(
      lock[key],
      `${file} is missing from ${lockName}: lock it when publishing, and ${immutableHint}`,
    ).toBeDefined();
    expect(sha256(readData(file)), `${file} changed after it was published: ${immutableHint}`).toBe(
      lock[key],
    );
  });

  it('keeps a data file for every locked version', () => {
    const present = files.map((file) => {
      const { id, version } = JSON.parse(readData(file).toString('utf8')) as Template;
      return `${id}@${version}`;
    });
    for (const key of Object.keys(lock)) {
      expect(present, `${key} is locked but its data file is gone: ${immutableHint}`).toContain(key);
    }
  });
});

describe('publishedTemplates, findTemplate and summarizeTemplate', () => {
  it('finds versions, the latest by default, and nothing for unknown ids', () => {
    expect(findTemplate('osh-self-inspection')?.version).toBe(2);
    expect(findTemplate('osh-self-inspection', 1)).toBe(template);
    expect(findTemplate('osh-self-inspection', 99)).toBeUndefined();
    expect(findTemplate('no-such-template')).toBeUndefined();
    expect(publishedTemplates()).toContain(template);
  });

  it('summarizes a template', () => {
    expect(summarizeTemplate(template)).toEqual({
      id: 'osh-self-inspection',
      version: 1,
      title: template.title,
      itemCount: items.length,
    });
  });
});

describe('osh-self-inspection v1', () => {
  it('is large enough, with unique section and item ids in the expected form', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(template.sections.length).toBeGreaterThanOrEqual(10);
    const sectionIds = template.sections.map((section) => section.id);
    const itemIds = items.map((item) => item.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(new Set(itemIds).size).toBe(itemIds.length);
    template.sections.forEach((section, s) => {
      expect(section.id).toBe(`S${s + 1}`);
      section.items.forEach((item, i) => {
        expect(item.id).toBe(`I-${s + 1}-${i + 1}`);
      });
    });
  });

  it('uses whole weights from 1 to 5 and a modest share of critical items', () => {
    for (const item of items) {
      expect(Number.isInteger(item.weight) && item.weight >= 1 && item.weight <= 5, item.id).toBe(true);
    }
    const critical = items.filter((item) => item.severity === 'critical').length / items.length;
    expect(critical).toBeGreaterThanOrEqual(0.1);
    expect(critical).toBeLessThanOrEqual(0.2);
  });

  it.each([
    'Luật 84/2015/QH13',
    'Bộ luật Lao động 45/2019/QH14',
    'Nghị định 39/2016/NĐ-CP',
    'Nghị định 44/2016/NĐ-CP',
    'Nghị định 140/2018/NĐ-CP',
    'Nghị định 04/2023/NĐ-CP',
    'Thông tư 07/2016/TT-BLĐTBXH',
    'Thông tư 36/2019/TT-BLĐTBXH',
    'Thông tư 28/2016/TT-BYT',
    'Thông tư 19/2016/TT-BYT',
    'Nghị định 113/2017/NĐ-CP',
  ])('cites %s', (document) => {
    expect(items.some((item) => item.legalBasis.some((basis) => basis.document === document))).toBe(true);
  });

  it('cites Appendix I and Appendix II of Circular 07/2016', () => {
    const articles = items.flatMap((item) =>
      item.legalBasis
        .filter((basis) => basis.document === 'Thông tư 07/2016/TT-BLĐTBXH')
        .map((b) => b.article),
    );
    expect(articles).toEqual(expect.arrayContaining(['Phụ lục I', 'Phụ lục II']));
  });

  it.each(['women', 'minors', 'disabled', 'elderly', 'hazardous'])('has items for %s workers', (group) => {
    expect(rules.some((rule) => 'hasWorkers' in rule && rule.hasWorkers === group)).toBe(true);
  });

  it.each([['F'], ['C20'], ['C24'], ['C25'], ['C28']])(
    'has a sector module for %s with at least 5 items',
    (code) => {
      const module = template.sections.find((section) =>
        section.items.every((item) => {
          const rule = item.appliesWhen;
          return rule !== undefined && 'sectorIn' in rule && rule.sectorIn.includes(code);
        }),
      );
      expect(module?.items.length ?? 0).toBeGreaterThanOrEqual(5);
    },
  );

  it('has staffing bands, the OSH council and strict-equipment items', () => {
    expect(rules.some((rule) => 'headcountAtLeast' in rule && rule.headcountAtLeast === 300)).toBe(true);
    expect(rules.some((rule) => 'headcountBelow' in rule && rule.headcountBelow === 50)).toBe(true);
    expect(rules.some((rule) => 'headcountAtLeast' in rule && rule.headcountAtLeast === 1000)).toBe(true);
    expect(rules.some((rule) => 'hasStrictEquipment' in rule)).toBe(true);
  });

  it('has one training item per group 1 to 6', () => {
    const groups = items.flatMap((item) => /^Training group ([1-6]) /.exec(item.text.en)?.[1] ?? []);
    expect(groups.sort()).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('lets domestic workers, apprentices and leased workers be not applicable', () => {
    for (const word of ['Domestic workers', 'Apprentices', 'Leased workers']) {
      const item = items.find((candidate) => candidate.text.en.startsWith(word));
      expect(item?.allowNotApplicable, word).toBe(true);
    }
  });

  it('names the evidence that proves documentary items', () => {
    const kinds = new Set(items.flatMap((item) => item.evidenceKinds ?? []));
    for (const kind of [
      'training_certificate',
      'health_exam_record',
      'occupational_disease_exam',
      'environment_monitoring_report',
      'equipment_inspection_certificate',
      'equipment_declaration',
      'risk_assessment',
      'osh_plan',
      'accident_investigation',
    ] as const) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('applies far fewer items to a small office than to a large construction firm', () => {
    const office: EnterpriseProfile = {
      sectorCode: 'M6920',
      highRisk: false,
      headcount: 12,
      workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
      strictEquipmentCount: 0,
    };
    const construction: EnterpriseProfile = {
      sectorCode: 'F4100',
      highRisk: true,
      headcount: 1200,
      workforce: { women: 180, minors: 2, disabled: 5, elderly: 12, hazardous: 400 },
      strictEquipmentCount: 10,
    };
    const forOffice = applicableItemIds(template, office);
    const forConstruction = applicableItemIds(template, construction);
    expect(forOffice.length / items.length).toBeLessThan(0.55);
    expect(forConstruction.length / items.length).toBeGreaterThan(0.85);

    const otherModules = template.sections
      .filter((section) => section.items.every((item) => item.appliesWhen && 'sectorIn' in item.appliesWhen))
      .filter((section) => !section.items.some((item) => forConstruction.includes(item.id)))
      .flatMap((section) => section.items.map((item) => item.id));
    const missing = items.map((item) => item.id).filter((id) => !forConstruction.includes(id));
    const bands = items.filter((item) => missing.includes(item.id) && !otherModules.includes(item.id));
    for (const item of bands) {
      const exclusive = flatten(item.appliesWhen).some(
        (rule) => 'highRisk' in rule || 'headcountBelow' in rule,
      );
      expect(exclusive, `${item.id} should apply to a large high-risk construction firm`).toBe(true);
    }
  });
});

describe('template v2', () => {
  const v2 = findTemplate('osh-self-inspection', 2) as Template;
  const v2Items = new Map(
    v2.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)),
  );
  const profile: EnterpriseProfile = {
    sectorCode: 'C1020',
    highRisk: false,
    headcount: 120,
    workforce: { women: 40, minors: 0, disabled: 0, elderly: 0, hazardous: 10 },
  };

  it('cites the Law on Chemicals 69/2025/QH15 instead of Law 06/2007 and Decree 113/2017, marked verify', () => {
    for (const id of ['I-14-1', 'I-14-2', 'I-14-3', 'I-14-4', 'I-14-5']) {
      const item = v2Items.get(id);
      const documents = item?.legalBasis.map((basis) => basis.document) ?? [];
      expect(documents).toContain('Luật Hóa chất 69/2025/QH15');
      expect(documents.some((d) => d.includes('06/2007') || d.includes('113/2017'))).toBe(false);
      expect(item?.verify).toBe(true);
    }
  });

  it('puts accident investigations under Law 84/2015 Art. 35 with the 60-day case and the provincial team', () => {
    expect(v2Items.get('I-8-9')?.legalBasis).toEqual([{ document: 'Luật 84/2015/QH13', article: 'Điều 35' }]);
    expect(v2Items.get('I-8-9')?.text.en).toContain('60 days');
    expect(v2Items.get('I-8-12')?.text.en).toContain('provincial investigation team');
  });

  it('asks training group 3 of firms whose profile declares strict-requirement jobs, not of every high-risk firm', () => {
    const builder = { ...profile, sectorCode: 'F4100', highRisk: true };
    expect(applicableItemIds(v2, builder)).not.toContain('I-3-3');
    expect(applicableItemIds(v2, { ...builder, flags: ['strict_osh_jobs'] })).toContain('I-3-3');
    expect(applicableItemIds(template, builder)).toContain('I-3-3');
  });

  it('accepts a department or three full-time officers at 1,000 workers or more in a high-risk sector', () => {
    expect(v2Items.get('I-1-5')?.text.en).toContain('at least three full-time');
  });

  it('adds the missing rules, each citing its basis, and ammonia refrigeration only for C10 with the flag', () => {
    for (const id of [
      'I-8-13',
      'I-8-14',
      'I-5-10',
      'I-11-6',
      'I-2-11',
      'I-15-1',
      'I-15-2',
      'I-15-3',
      'I-15-4',
    ]) {
      expect(v2Items.get(id)?.legalBasis.length).toBeGreaterThan(0);
    }
    expect(applicableItemIds(v2, profile)).not.toContain('I-15-1');
    expect(applicableItemIds(v2, { ...profile, flags: ['ammonia_refrigeration'] })).toContain('I-15-1');
    expect(
      applicableItemIds(v2, { ...profile, sectorCode: 'C2410', flags: ['ammonia_refrigeration'] }),
    ).not.toContain('I-15-1');
  });

  it('keeps every item of v1 under the same id', () => {
    for (const item of items) expect(v2Items.has(item.id)).toBe(true);
  });
});
