import { addDays, isIsoDate } from './period';
import type { EvidenceKind, LegalBasis, LocalizedText } from './template';

/** Workers whose health exams the law wants every 6 months instead of 12 (Law 84/2015 Art. 21). */
export const sixMonthlyExamGroups = ['heavy_hazardous', 'minor', 'elderly', 'disabled'] as const;

/** Whom an exam record covers: everyone else, or one of the groups examined every 6 months. */
export const workerCategories = ['general', ...sixMonthlyExamGroups] as const;
export type WorkerCategory = (typeof workerCategories)[number];

/** How long one kind of evidence is valid, as the law sets it. */
export type ValidityRule =
  /** A fixed period in months from `issuedOn`; `byGroup` overrides it for some worker categories or training groups. */
  | {
      kind: 'period';
      months: number;
      byWorkerCategory?: Partial<Record<WorkerCategory, number>>;
      byTrainingGroup?: Partial<Record<1 | 2 | 3 | 4 | 5 | 6, number>>;
      basis: LegalBasis[];
      note: LocalizedText;
      verify?: boolean;
    }
  /** No legal period: the interval depends on the object (a machine's inspection), so the document must say it. */
  | { kind: 'own_expiry_required'; basis: LegalBasis[]; note: LocalizedText }
  /** A record of a one-off fact (a declaration, an investigation): it does not expire. */
  | { kind: 'no_expiry'; note: LocalizedText };

const law84: LegalBasis = { document: 'Luật 84/2015/QH13', article: 'Điều 21 khoản 1' };
const healthExam: ValidityRule = {
  kind: 'period',
  months: 12,
  byWorkerCategory: { heavy_hazardous: 6, minor: 6, elderly: 6, disabled: 6 },
  basis: [law84],
  note: {
    vi: 'Khám sức khỏe ít nhất 1 lần/năm; 6 tháng/lần với nghề nặng nhọc, độc hại, nguy hiểm, lao động chưa thành niên, người cao tuổi, người khuyết tật.',
    en: 'Health exams at least yearly; every 6 months for heavy, hazardous or dangerous work and for minor, elderly and disabled workers.',
  },
};

/**
 * The legal validity of each evidence kind, as data with its basis. Rows from secondary sources carry `verify`.
 * Training: a refresher every 2 years, yearly for group 4 (Decree 44/2016 Art. 17 as amended by Decree 140/2018).
 */
export const evidenceValidity: Readonly<Record<EvidenceKind, ValidityRule>> = {
  health_exam_record: healthExam,
  occupational_disease_exam: {
    ...healthExam,
    basis: [law84, { document: 'Thông tư 28/2016/TT-BYT', article: 'Điều 4' }],
    verify: true,
  },
  training_certificate: {
    kind: 'period',
    months: 24,
    byTrainingGroup: { 4: 12 },
    basis: [{ document: 'Nghị định 44/2016/NĐ-CP', article: 'Điều 17, Điều 18' }],
    note: {
      vi: 'Huấn luyện định kỳ 2 năm/lần; nhóm 4 hằng năm.',
      en: 'Refresher training every 2 years; yearly for group 4.',
    },
    verify: true,
  },
  environment_monitoring_report: {
    kind: 'period',
    months: 12,
    basis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 18' }],
    note: {
      vi: 'Quan trắc môi trường lao động ít nhất 1 lần/năm.',
      en: 'Work-environment monitoring at least yearly.',
    },
    verify: true,
  },
  osh_plan: {
    kind: 'period',
    months: 12,
    basis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 76' }],
    note: { vi: 'Kế hoạch ATVSLĐ lập hằng năm.', en: 'The OSH plan is drawn up every year.' },
    verify: true,
  },
  equipment_inspection_certificate: {
    kind: 'own_expiry_required',
    basis: [
      { document: 'Nghị định 44/2016/NĐ-CP', article: 'Điều 16' },
      { document: 'Thông tư 36/2019/TT-BLĐTBXH', article: 'Phụ lục I' },
    ],
    note: {
      vi: 'Thời hạn kiểm định tùy từng loại máy, ghi trên giấy chứng nhận kiểm định: phải nhập ngày hết hạn.',
      en: 'The inspection interval depends on the machine and is written on the certificate: give its expiry date.',
    },
  },
  risk_assessment: {
    kind: 'own_expiry_required',
    basis: [{ document: 'Luật 84/2015/QH13', article: 'Điều 77' }],
    note: {
      vi: 'Luật không quy định chu kỳ cố định cho đánh giá rủi ro: phải nhập ngày cần đánh giá lại.',
      en: 'The law sets no fixed cycle for risk assessments: give the day it must be reviewed.',
    },
  },
  // No checklist item takes `other`, so it never earns points; its date is whatever the document says.
  other: {
    kind: 'no_expiry',
    note: {
      vi: 'Tài liệu khác: không được tính điểm cho mục nào; hạn (nếu có) theo tài liệu.',
      en: 'Other documents earn no item points; their expiry, if any, is the document’s own.',
    },
  },
  equipment_declaration: {
    kind: 'no_expiry',
    note: { vi: 'Khai báo một lần khi đưa vào sử dụng.', en: 'Declared once, when first used.' },
  },
  accident_investigation: {
    kind: 'no_expiry',
    note: { vi: 'Biên bản về một vụ việc đã xảy ra.', en: 'A record of an event that happened.' },
  },
  // No checklist item takes it: it shows what an inspector saw on one day, and earns the firm nothing.
  inspection_photo: {
    kind: 'no_expiry',
    note: {
      vi: 'Ảnh thanh tra viên chụp tại hiện trường, ghi lại một thời điểm.',
      en: 'A photo the inspector took on site: a record of one moment.',
    },
  },
};

/** What the validity of one piece of evidence depends on. */
export interface ValidityFacts {
  kind: EvidenceKind;
  issuedOn: string;
  trainingGroup?: number | undefined;
  workerCategory?: WorkerCategory | undefined;
}

/** `YYYY-MM-DD` plus whole months, clamped to the month's last day (`2026-08-31` + 6 → `2027-02-28`). */
export function addMonths(day: string, months: number): string {
  if (!isIsoDate(day)) throw new RangeError(`${day} is not a date, YYYY-MM-DD`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** The legal period in months for these facts, or undefined when the kind has none. */
export function validityMonths(facts: ValidityFacts): number | undefined {
  const rule = evidenceValidity[facts.kind];
  if (rule.kind !== 'period') return undefined;
  const byGroup =
    facts.trainingGroup === undefined
      ? undefined
      : rule.byTrainingGroup?.[facts.trainingGroup as 1 | 2 | 3 | 4 | 5 | 6];
  // Without a category the shortest period of the kind applies: an unknown group must not buy a longer validity.
  const byCategory =
    facts.workerCategory === undefined
      ? Math.min(rule.months, ...Object.values(rule.byWorkerCategory ?? {}))
      : (rule.byWorkerCategory?.[facts.workerCategory] ?? rule.months);
  return byGroup ?? byCategory;
}

/**
 * The day evidence expires by law when it carries no `expiresOn`: `issuedOn` + the kind's period, the day before
 * the same date (an exam on 2026-03-10 valid 12 months runs to 2027-03-09). Undefined for a kind with no legal
 * period (`own_expiry_required`, which must carry its own date) and for one that never expires (`no_expiry`).
 * @example expiryOf({ kind: 'health_exam_record', issuedOn: '2026-03-10', workerCategory: 'general' }) // '2027-03-09'
 */
export function expiryOf(facts: ValidityFacts): string | undefined {
  const months = validityMonths(facts);
  if (months === undefined) return undefined;
  return addDays(addMonths(facts.issuedOn, months), -1);
}

/** Whether evidence without an `expiresOn` is valid for ever: only a kind whose rule is `no_expiry`. */
export function neverExpires(kind: EvidenceKind): boolean {
  return evidenceValidity[kind].kind === 'no_expiry';
}

/** Whether a kind must carry its own `expiresOn` because the law sets no period for it. */
export function requiresOwnExpiry(kind: EvidenceKind): boolean {
  return evidenceValidity[kind].kind === 'own_expiry_required';
}
