/** Text shown to people, Vietnamese first. */
export interface LocalizedText {
  vi: string;
  en: string;
}

export type Severity = 'critical' | 'major' | 'minor';

export const evidenceKinds = [
  'training_certificate',
  'health_exam_record',
  'occupational_disease_exam',
  'environment_monitoring_report',
  'equipment_inspection_certificate',
  'equipment_declaration',
  'risk_assessment',
  'osh_plan',
  'accident_investigation',
  'other',
  /** A photo an inspector took on site, attached to an inspection's finding; never a firm's own proof. */
  'inspection_photo',
] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const workforceGroups = ['women', 'minors', 'disabled', 'elderly', 'hazardous'] as const;

/**
 * Facts about a firm that neither its sector nor its headcount tell, declared on its profile:
 * `strict_osh_jobs`, it has jobs on the list of jobs with strict OSH requirements (training group 3);
 * `ammonia_refrigeration`, it runs an ammonia (NH₃) refrigeration system.
 */
export const profileFlags = ['strict_osh_jobs', 'ammonia_refrigeration'] as const;
export type ProfileFlag = (typeof profileFlags)[number];
export type WorkforceGroup = (typeof workforceGroups)[number];

/**
 * When a checklist item applies, decided from the enterprise profile. Rules are data, combined with
 * `all`, `any` and `not`. `sectorIn` takes VSIC prefixes: `F` matches every construction code, `C24` matches `C2410`.
 */
export type AppliesWhen =
  | { all: AppliesWhen[] }
  | { any: AppliesWhen[] }
  | { not: AppliesWhen }
  | { highRisk: boolean }
  | { headcountAtLeast: number }
  | { headcountBelow: number }
  | { hasWorkers: WorkforceGroup }
  | { hasStrictEquipment: true }
  | { hasFlag: ProfileFlag }
  | { sectorIn: string[] };

export interface LegalBasis {
  /** The document's official number, e.g. `Luật 84/2015/QH13`, `Nghị định 44/2016/NĐ-CP`. */
  document: string;
  /** Article (and clause), e.g. `Điều 21`, `Điều 16 khoản 1`. */
  article: string;
}

export interface TemplateItem {
  id: string;
  text: LocalizedText;
  legalBasis: LegalBasis[];
  weight: number;
  severity: Severity;
  allowNotApplicable: boolean;
  evidenceKinds?: EvidenceKind[];
  appliesWhen?: AppliesWhen;
  /** Set when a fact comes from a secondary source and must be checked against the official text. */
  verify?: boolean;
}

export interface TemplateSection {
  id: string;
  title: LocalizedText;
  items: TemplateItem[];
}

export interface Template {
  id: string;
  version: number;
  title: LocalizedText;
  /** Date the version was published; a published version never changes. */
  publishedOn: string;
  sections: TemplateSection[];
}

export interface Workforce {
  women: number;
  minors: number;
  disabled: number;
  elderly: number;
  hazardous: number;
}

/** The facts about an enterprise that decide which obligations apply to it. */
export interface EnterpriseProfile {
  sectorCode: string;
  highRisk: boolean;
  headcount: number;
  workforce: Workforce;
  strictEquipmentCount?: number;
  flags?: readonly ProfileFlag[] | undefined;
}
