import type { AppliesWhen, EnterpriseProfile, Template } from './template';

/**
 * Whether an item with this rule applies to the enterprise; no rule means it always applies.
 * `all: []` is true and `any: []` is false, as for `every` and `some`.
 * @example appliesTo({ sectorIn: ['F', 'C24'] }, profile) // true for sector F4100 or C2410
 */
export function appliesTo(rule: AppliesWhen | undefined, profile: EnterpriseProfile): boolean {
  if (rule === undefined) return true;
  if ('all' in rule) return rule.all.every((part) => appliesTo(part, profile));
  if ('any' in rule) return rule.any.some((part) => appliesTo(part, profile));
  if ('not' in rule) return !appliesTo(rule.not, profile);
  if ('highRisk' in rule) return profile.highRisk === rule.highRisk;
  if ('headcountAtLeast' in rule) return profile.headcount >= rule.headcountAtLeast;
  if ('headcountBelow' in rule) return profile.headcount < rule.headcountBelow;
  if ('hasWorkers' in rule) return profile.workforce[rule.hasWorkers] > 0;
  if ('hasStrictEquipment' in rule) return (profile.strictEquipmentCount ?? 0) > 0;
  if ('hasFlag' in rule) return profile.flags?.includes(rule.hasFlag) ?? false;
  return rule.sectorIn.some((prefix) => profile.sectorCode.startsWith(prefix));
}

/** The ids of the template's items that apply to the enterprise, in template order. */
export function applicableItemIds(template: Template, profile: EnterpriseProfile): string[] {
  return template.sections.flatMap((section) =>
    section.items.filter((item) => appliesTo(item.appliesWhen, profile)).map((item) => item.id),
  );
}
