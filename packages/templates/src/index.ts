import type { Template } from '@antoan/domain';
import type { TemplateSummary } from '@antoan/schemas';
import oshSelfInspectionV1 from '../data/osh-self-inspection/v1.json';
import oshSelfInspectionV2 from '../data/osh-self-inspection/v2.json';

/**
 * Every published template version. Each data file is checked against `templateSchema` and hash-locked by this
 * package's tests, and a published version never changes, so nothing is parsed at run time: a cold start pays
 * neither for the check nor for carrying the schema library.
 */
const published: readonly Template[] = [
  oshSelfInspectionV1 as unknown as Template,
  oshSelfInspectionV2 as unknown as Template,
];

/** Every published template version. */
export function publishedTemplates(): readonly Template[] {
  return published;
}

/** The template with this id at this version, or its latest version when none is given; undefined if unknown. */
export function findTemplate(id: string, version?: number): Template | undefined {
  const versions = publishedTemplates().filter((template) => template.id === id);
  if (version !== undefined) return versions.find((template) => template.version === version);
  return versions.reduce<Template | undefined>(
    (latest, template) => (latest === undefined || template.version > latest.version ? template : latest),
    undefined,
  );
}

/** The list entry of a template: its id, version, title and number of items. */
export function summarizeTemplate(template: Template): TemplateSummary {
  return {
    id: template.id,
    version: template.version,
    title: template.title,
    itemCount: template.sections.reduce((count, section) => count + section.items.length, 0),
  };
}
