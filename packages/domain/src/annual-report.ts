import type { LocalizedText } from './template';

/**
 * The annual figures no record holds, as the enterprise enters them (the form of `/annual-data/{year}`).
 * Every part is optional: what is not entered stays unknown in the report. Money is in VND.
 */
export interface AnnualFigures {
  workforce?: {
    total: number;
    women: number;
    minors: number;
    disabled: number;
    elderly: number;
    hazardous: number;
  };
  oshStaff?: { fullTime: number; partTime: number };
  medicalStaff?: number;
  oshCouncil?: boolean;
  healthClasses?: { I: number; II: number; III: number; IV: number; V: number };
  healthExams?: { examined: number; odExamined: number };
  occupationalDisease?: {
    newCases: number;
    totalCases: number;
    daysLost: number;
    earlyRetirement: number;
    cost: number;
  };
  accidentCosts?: { daysLost: number; cost: number; propertyDamage: number };
  overtime?: { workers: number; totalHours: number; maxHoursPerMonth: number };
  inKindAllowance?: { workers: number; cost: number };
  monitoring?: { samples: number; failing: number };
  equipment?: { inUse: number; declared: number };
  training?: {
    group1: number;
    group2: number;
    group3: number;
    group4: number;
    group5: number;
    group6: number;
  };
  spending?: {
    technical: number;
    hygiene: number;
    ppe: number;
    healthCare: number;
    training: number;
    monitoring: number;
    riskAssessment: number;
    other: number;
  };
  riskAssessmentOn?: string;
}

/** A field of the form that breaks a rule across fields (dotted path from `data`). */
export interface AnnualFigureError {
  path: string;
  message: string;
}

/**
 * Rules across fields of the annual form, with the firm's headcount for the year (the form's own
 * `workforce.total`, else the profile's): no group of workers larger than the headcount, no more failing
 * samples than samples, no more new cases than cases, no more declared machines than machines in use.
 */
export function annualFigureErrors(figures: AnnualFigures, profileHeadcount: number): AnnualFigureError[] {
  const errors: AnnualFigureError[] = [];
  const headcount = figures.workforce?.total ?? profileHeadcount;
  const source = figures.workforce ? 'workforce.total' : 'the registered headcount';
  const atMostHeadcount = (path: string, value: number | undefined) => {
    if (value !== undefined && value > headcount)
      errors.push({
        path: `data.${path}`,
        message: `${value} workers is more than ${source} (${headcount})`,
      });
  };
  for (const group of ['women', 'minors', 'disabled', 'elderly', 'hazardous'] as const)
    atMostHeadcount(`workforce.${group}`, figures.workforce?.[group]);
  atMostHeadcount('oshStaff.fullTime', figures.oshStaff?.fullTime);
  atMostHeadcount('oshStaff.partTime', figures.oshStaff?.partTime);
  atMostHeadcount('medicalStaff', figures.medicalStaff);
  if (figures.healthClasses) {
    const classified = Object.values(figures.healthClasses).reduce((sum, n) => sum + n, 0);
    if (classified > headcount)
      errors.push({
        path: 'data.healthClasses',
        message: `classes I–V add up to ${classified}, more than ${source} (${headcount})`,
      });
  }
  atMostHeadcount('healthExams.examined', figures.healthExams?.examined);
  atMostHeadcount('healthExams.odExamined', figures.healthExams?.odExamined);
  atMostHeadcount('occupationalDisease.totalCases', figures.occupationalDisease?.totalCases);
  atMostHeadcount('overtime.workers', figures.overtime?.workers);
  atMostHeadcount('inKindAllowance.workers', figures.inKindAllowance?.workers);
  for (const group of [1, 2, 3, 4, 5, 6] as const)
    atMostHeadcount(`training.group${group}`, figures.training?.[`group${group}`]);
  const disease = figures.occupationalDisease;
  if (disease && disease.newCases > disease.totalCases)
    errors.push({
      path: 'data.occupationalDisease.newCases',
      message: `${disease.newCases} new cases is more than the ${disease.totalCases} cases in all`,
    });
  const monitoring = figures.monitoring;
  if (monitoring && monitoring.failing > monitoring.samples)
    errors.push({
      path: 'data.monitoring.failing',
      message: `${monitoring.failing} failing samples is more than the ${monitoring.samples} samples taken`,
    });
  const equipment = figures.equipment;
  if (equipment && equipment.declared > equipment.inUse)
    errors.push({
      path: 'data.equipment.declared',
      message: `${equipment.declared} declared is more than the ${equipment.inUse} in use`,
    });
  return errors;
}

/** Where a figure of a report comes from. */
export type FigureSource =
  | { kind: 'record'; from: 'profile' | 'accidents' | 'evidence'; count?: number; ids?: string[] }
  | { kind: 'form'; from: 'annual-data' };

/** A figure's value: a number, a yes/no, a day; null when unknown. */
export type FigureValue = number | boolean | string | null;

/** The record facts an annual report is filled from. */
export interface AnnualReportRecords {
  profile: {
    headcount: number;
    workforce: { women: number; minors: number; disabled: number; elderly: number; hazardous: number };
    strictEquipmentCount?: number;
  };
  /** Accidents that occurred in the year (by their day in Vietnam). */
  accidents: ReadonlyArray<{
    id: string;
    severity: 'fatal' | 'serious' | 'minor';
    victims: number;
    fatalities: number;
  }>;
  /** Verified evidence issued in the year. */
  evidence: ReadonlyArray<{
    id: string;
    kind: string;
    sha256: string;
    trainingGroup?: number;
    workersCovered?: number;
  }>;
}

/** The figures of an annual report by dotted path, with their sources and what is missing. */
export interface AnnualReportFigures {
  values: Record<string, FigureValue>;
  sources: Record<string, FigureSource>;
  missing: string[];
}

const form: FigureSource = { kind: 'form', from: 'annual-data' };

/**
 * Fills the Appendix II figures: from the records first (profile, accidents, verified evidence issued in the
 * year, each document counted once, worker counts capped at the headcount), then from the annual form.
 * Anything neither holds is null and listed in `missing`.
 */
export function annualReportFigures(
  records: AnnualReportRecords,
  figures: AnnualFigures,
): AnnualReportFigures {
  const values: Record<string, FigureValue> = {};
  const sources: Record<string, FigureSource> = {};
  const set = (path: string, value: FigureValue | undefined, source: FigureSource) => {
    values[path] = value ?? null;
    if (value !== undefined && value !== null) sources[path] = source;
  };
  const fromForm = (path: string, value: FigureValue | undefined) => set(path, value, form);

  const workforce = figures.workforce;
  const headcount = workforce?.total ?? records.profile.headcount;
  const profile: FigureSource = { kind: 'record', from: 'profile' };
  set('workforce.total', headcount, workforce ? form : profile);
  for (const group of ['women', 'minors', 'disabled', 'elderly', 'hazardous'] as const)
    set(
      `workforce.${group}`,
      workforce?.[group] ?? records.profile.workforce[group],
      workforce ? form : profile,
    );
  fromForm('osh.staffFullTime', figures.oshStaff?.fullTime);
  fromForm('osh.staffPartTime', figures.oshStaff?.partTime);
  fromForm('osh.medicalStaff', figures.medicalStaff);
  fromForm('osh.council', figures.oshCouncil);

  // Declaring an accident is mandatory, so the records are the whole count: none declared is 0, not unknown.
  const accidents = records.accidents;
  const accidentSource = (list: typeof accidents): FigureSource => ({
    kind: 'record',
    from: 'accidents',
    count: list.length,
    ids: list.map((accident) => accident.id),
  });
  const sum = (list: typeof accidents, field: 'victims' | 'fatalities') =>
    list.reduce((total, accident) => total + accident[field], 0);
  set('accidents.total', accidents.length, accidentSource(accidents));
  for (const severity of ['fatal', 'serious', 'minor'] as const) {
    const of = accidents.filter((accident) => accident.severity === severity);
    set(`accidents.${severity}`, of.length, accidentSource(of));
  }
  set('accidents.victims', sum(accidents, 'victims'), accidentSource(accidents));
  set('accidents.fatalities', sum(accidents, 'fatalities'), accidentSource(accidents));
  fromForm('accidents.daysLost', figures.accidentCosts?.daysLost);
  fromForm('accidents.cost', figures.accidentCosts?.cost);
  fromForm('accidents.propertyDamage', figures.accidentCosts?.propertyDamage);

  const disease = figures.occupationalDisease;
  fromForm('occupationalDisease.totalCases', disease?.totalCases);
  fromForm('occupationalDisease.newCases', disease?.newCases);
  fromForm('occupationalDisease.daysLost', disease?.daysLost);
  fromForm('occupationalDisease.earlyRetirement', disease?.earlyRetirement);
  fromForm('occupationalDisease.cost', disease?.cost);

  // Evidence: one document (by SHA-256) counts once; the workers it covers never exceed the headcount.
  const seen = new Set<string>();
  const documents = records.evidence.filter((evidence) => {
    const hash = evidence.sha256.toLowerCase();
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
  const covered = (
    path: string,
    matches: (evidence: AnnualReportRecords['evidence'][number]) => boolean,
    fallback: number | undefined,
    cap: number,
  ) => {
    const of = documents.filter(matches);
    if (of.length === 0) return fromForm(path, fallback);
    const workers = of.reduce((total, evidence) => total + (evidence.workersCovered ?? 0), 0);
    set(path, Math.min(workers, cap), {
      kind: 'record',
      from: 'evidence',
      count: of.length,
      ids: of.map((evidence) => evidence.id),
    });
  };
  covered(
    'health.examined',
    (e) => e.kind === 'health_exam_record',
    figures.healthExams?.examined,
    headcount,
  );
  covered(
    'health.odExamined',
    (e) => e.kind === 'occupational_disease_exam',
    figures.healthExams?.odExamined,
    headcount,
  );
  for (const healthClass of ['I', 'II', 'III', 'IV', 'V'] as const)
    fromForm(`health.classes.${healthClass}`, figures.healthClasses?.[healthClass]);
  for (const group of [1, 2, 3, 4, 5, 6] as const)
    covered(
      `training.group${group}`,
      (e) => e.kind === 'training_certificate' && e.trainingGroup === group,
      figures.training?.[`group${group}`],
      headcount,
    );

  const strictTotal = records.profile.strictEquipmentCount;
  if (strictTotal !== undefined) set('equipment.strict.total', strictTotal, profile);
  else fromForm('equipment.strict.total', figures.equipment?.inUse);
  const machines = values['equipment.strict.total'];
  const certificates = documents.filter((e) => e.kind === 'equipment_inspection_certificate');
  if (typeof machines === 'number') {
    // A certificate covers one machine unless it says how many.
    const inspected = certificates.reduce((total, e) => total + (e.workersCovered ?? 1), 0);
    set('equipment.strict.inspected', Math.min(inspected, machines), {
      kind: 'record',
      from: 'evidence',
      count: certificates.length,
      ids: certificates.map((e) => e.id),
    });
  } else set('equipment.strict.inspected', null, form);
  fromForm('equipment.strict.declared', figures.equipment?.declared);

  fromForm('overtime.workers', figures.overtime?.workers);
  fromForm('overtime.totalHours', figures.overtime?.totalHours);
  fromForm('overtime.maxHoursPerMonth', figures.overtime?.maxHoursPerMonth);
  fromForm('inKindAllowance.workers', figures.inKindAllowance?.workers);
  fromForm('inKindAllowance.cost', figures.inKindAllowance?.cost);

  const reports = documents.filter((e) => e.kind === 'environment_monitoring_report');
  if (reports.length > 0)
    set('monitoring.done', true, {
      kind: 'record',
      from: 'evidence',
      count: reports.length,
      ids: reports.map((e) => e.id),
    });
  else
    fromForm(
      'monitoring.done',
      figures.monitoring === undefined ? undefined : figures.monitoring.samples > 0,
    );
  fromForm('monitoring.samples', figures.monitoring?.samples);
  fromForm('monitoring.failing', figures.monitoring?.failing);

  const spending = figures.spending;
  for (const part of spendingParts) fromForm(`spending.${part}`, spending?.[part]);
  fromForm(
    'spending.total',
    spending === undefined ? undefined : spendingParts.reduce((total, part) => total + spending[part], 0),
  );
  fromForm('riskAssessmentOn', figures.riskAssessmentOn);

  const missing = Object.keys(values).filter((path) => values[path] === null);
  return { values, sources, missing };
}

const spendingParts = [
  'technical',
  'hygiene',
  'ppe',
  'healthCare',
  'training',
  'monitoring',
  'riskAssessment',
  'other',
] as const;

/** Turns dotted paths into a nested object (`{ 'a.b': 1 }` → `{ a: { b: 1 } }`). */
export function nestFigures(values: Record<string, FigureValue>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts.at(-1) as string] = value;
  }
  return root;
}

/** One line of the official form: its number, label and unit, and the figure it shows (none: a heading). */
export interface FormLine {
  no: string;
  label: LocalizedText;
  unit?: LocalizedText;
  figure?: string;
  /** The label or its place in the form is taken from a secondary source; check against the gazetted text. */
  verify?: true;
}

const person = { vi: 'người', en: 'persons' };
const vnd = { vi: 'đồng', en: 'VND' };
const days = { vi: 'ngày', en: 'days' };
const hours = { vi: 'giờ', en: 'hours' };
const cases = { vi: 'vụ', en: 'cases' };
const units = { vi: 'cái', en: 'units' };
const samples = { vi: 'mẫu', en: 'samples' };

/**
 * The table of Circular 07/2016/TT-BLĐTBXH, Appendix II ("Báo cáo công tác an toàn, vệ sinh lao động"), in
 * its order and numbering. Money is shown in đồng where the form asks for millions (`verify`: the form's
 * unit). Lines marked `verify` were set from secondary sources.
 */
export const appendixTwoLines: readonly FormLine[] = [
  { no: '1', label: { vi: 'Lao động', en: 'Workforce' } },
  {
    no: '1.1',
    label: { vi: 'Tổng số lao động', en: 'Total workers' },
    unit: person,
    figure: 'workforce.total',
  },
  {
    no: '1.1.a',
    label: { vi: 'Người làm công tác an toàn, vệ sinh lao động (chuyên trách)', en: 'OSH staff (full-time)' },
    unit: person,
    figure: 'osh.staffFullTime',
    verify: true,
  },
  {
    no: '1.1.b',
    label: {
      vi: 'Người làm công tác an toàn, vệ sinh lao động (bán chuyên trách)',
      en: 'OSH staff (part-time)',
    },
    unit: person,
    figure: 'osh.staffPartTime',
    verify: true,
  },
  {
    no: '1.1.c',
    label: { vi: 'Người làm công tác y tế', en: 'Medical staff' },
    unit: person,
    figure: 'osh.medicalStaff',
  },
  { no: '1.1.d', label: { vi: 'Lao động nữ', en: 'Women' }, unit: person, figure: 'workforce.women' },
  {
    no: '1.1.đ',
    label: {
      vi: 'Lao động làm công việc nặng nhọc, độc hại, nguy hiểm',
      en: 'Workers in heavy, hazardous or dangerous jobs',
    },
    unit: person,
    figure: 'workforce.hazardous',
  },
  {
    no: '1.1.e',
    label: { vi: 'Lao động là người chưa thành niên', en: 'Minors' },
    unit: person,
    figure: 'workforce.minors',
  },
  {
    no: '1.1.g',
    label: { vi: 'Người lao động khuyết tật', en: 'Workers with disabilities' },
    unit: person,
    figure: 'workforce.disabled',
  },
  {
    no: '1.1.h',
    label: { vi: 'Người lao động cao tuổi', en: 'Elderly workers' },
    unit: person,
    figure: 'workforce.elderly',
  },
  {
    no: '1.2',
    label: { vi: 'Hội đồng an toàn, vệ sinh lao động cơ sở', en: 'Workplace OSH council in place' },
    figure: 'osh.council',
    verify: true,
  },
  { no: '2', label: { vi: 'Tai nạn lao động', en: 'Work accidents' } },
  {
    no: '2.1',
    label: { vi: 'Tổng số vụ tai nạn lao động', en: 'Accidents' },
    unit: cases,
    figure: 'accidents.total',
  },
  {
    no: '2.1.a',
    label: { vi: 'Số vụ có người chết', en: 'Accidents with deaths' },
    unit: cases,
    figure: 'accidents.fatal',
  },
  {
    no: '2.1.b',
    label: { vi: 'Số vụ có người bị thương nặng', en: 'Accidents with serious injuries' },
    unit: cases,
    figure: 'accidents.serious',
    verify: true,
  },
  {
    no: '2.1.c',
    label: { vi: 'Số vụ nhẹ', en: 'Minor accidents' },
    unit: cases,
    figure: 'accidents.minor',
    verify: true,
  },
  {
    no: '2.2',
    label: { vi: 'Tổng số người bị tai nạn lao động', en: 'Victims' },
    unit: person,
    figure: 'accidents.victims',
  },
  {
    no: '2.2.a',
    label: { vi: 'Số người chết vì tai nạn lao động', en: 'Deaths' },
    unit: person,
    figure: 'accidents.fatalities',
  },
  {
    no: '2.3',
    label: {
      vi: 'Tổng chi phí cho tai nạn lao động (cấp cứu, điều trị, trả lương ngày nghỉ, bồi thường, trợ cấp…)',
      en: 'Total cost of accidents (first aid, treatment, wages for days off, compensation, allowances…)',
    },
    unit: vnd,
    figure: 'accidents.cost',
    verify: true,
  },
  {
    no: '2.4',
    label: { vi: 'Thiệt hại về tài sản', en: 'Property damage' },
    unit: vnd,
    figure: 'accidents.propertyDamage',
  },
  {
    no: '2.5',
    label: { vi: 'Số ngày công nghỉ vì tai nạn lao động', en: 'Working days lost to accidents' },
    unit: days,
    figure: 'accidents.daysLost',
  },
  { no: '3', label: { vi: 'Bệnh nghề nghiệp', en: 'Occupational diseases' } },
  {
    no: '3.1',
    label: {
      vi: 'Tổng số người bị bệnh nghề nghiệp cộng dồn tại thời điểm báo cáo',
      en: 'People with an occupational disease, cumulative at the report date',
    },
    unit: person,
    figure: 'occupationalDisease.totalCases',
  },
  {
    no: '3.1.a',
    label: { vi: 'Số người mắc mới bệnh nghề nghiệp', en: 'New cases' },
    unit: person,
    figure: 'occupationalDisease.newCases',
  },
  {
    no: '3.2',
    label: { vi: 'Số ngày công nghỉ vì bệnh nghề nghiệp', en: 'Working days lost to occupational disease' },
    unit: days,
    figure: 'occupationalDisease.daysLost',
  },
  {
    no: '3.3',
    label: {
      vi: 'Số người phải nghỉ trước tuổi hưu vì bệnh nghề nghiệp',
      en: 'People retired early because of occupational disease',
    },
    unit: person,
    figure: 'occupationalDisease.earlyRetirement',
  },
  {
    no: '3.4',
    label: { vi: 'Tổng chi phí cho người bị bệnh nghề nghiệp', en: 'Total cost of occupational disease' },
    unit: vnd,
    figure: 'occupationalDisease.cost',
  },
  {
    no: '4',
    label: { vi: 'Kết quả khám sức khỏe và phân loại sức khỏe', en: 'Health examinations and classes' },
  },
  {
    no: '4.1',
    label: { vi: 'Số người được khám sức khỏe định kỳ', en: 'Workers given a periodic health exam' },
    unit: person,
    figure: 'health.examined',
    verify: true,
  },
  {
    no: '4.2',
    label: {
      vi: 'Số người được khám phát hiện bệnh nghề nghiệp',
      en: 'Workers examined for occupational disease',
    },
    unit: person,
    figure: 'health.odExamined',
    verify: true,
  },
  {
    no: '4.3',
    label: { vi: 'Sức khỏe loại I', en: 'Health class I' },
    unit: person,
    figure: 'health.classes.I',
  },
  {
    no: '4.4',
    label: { vi: 'Sức khỏe loại II', en: 'Health class II' },
    unit: person,
    figure: 'health.classes.II',
  },
  {
    no: '4.5',
    label: { vi: 'Sức khỏe loại III', en: 'Health class III' },
    unit: person,
    figure: 'health.classes.III',
  },
  {
    no: '4.6',
    label: { vi: 'Sức khỏe loại IV', en: 'Health class IV' },
    unit: person,
    figure: 'health.classes.IV',
  },
  {
    no: '4.7',
    label: { vi: 'Sức khỏe loại V', en: 'Health class V' },
    unit: person,
    figure: 'health.classes.V',
  },
  { no: '5', label: { vi: 'Huấn luyện về an toàn, vệ sinh lao động', en: 'OSH training' } },
  ...([1, 2, 3, 4, 5, 6] as const).map(
    (group): FormLine => ({
      no: `5.${group}`,
      label: { vi: `Số người thuộc nhóm ${group} được huấn luyện`, en: `Group ${group} workers trained` },
      unit: person,
      figure: `training.group${group}`,
    }),
  ),
  {
    no: '6',
    label: {
      vi: 'Máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn, vệ sinh lao động',
      en: 'Machines, equipment and materials with strict OSH requirements',
    },
  },
  { no: '6.1', label: { vi: 'Tổng số', en: 'In use' }, unit: units, figure: 'equipment.strict.total' },
  {
    no: '6.2',
    label: { vi: 'Số đã được kiểm định', en: 'Inspected' },
    unit: units,
    figure: 'equipment.strict.inspected',
  },
  {
    no: '6.3',
    label: { vi: 'Số đã được khai báo', en: 'Declared' },
    unit: units,
    figure: 'equipment.strict.declared',
  },
  { no: '7', label: { vi: 'Thời giờ làm việc, thời giờ nghỉ ngơi', en: 'Working time and rest' } },
  {
    no: '7.1',
    label: { vi: 'Tổng số người làm thêm trong năm', en: 'Workers who worked overtime' },
    unit: person,
    figure: 'overtime.workers',
  },
  {
    no: '7.2',
    label: { vi: 'Tổng số giờ làm thêm trong năm', en: 'Overtime hours in the year' },
    unit: hours,
    figure: 'overtime.totalHours',
  },
  {
    no: '7.3',
    label: { vi: 'Số giờ làm thêm cao nhất trong 1 tháng', en: 'Most overtime hours in one month' },
    unit: hours,
    figure: 'overtime.maxHoursPerMonth',
  },
  {
    no: '8',
    label: { vi: 'Bồi dưỡng chống độc hại bằng hiện vật', en: 'In-kind allowances against toxic exposure' },
  },
  {
    no: '8.1',
    label: { vi: 'Tổng số người', en: 'Workers' },
    unit: person,
    figure: 'inKindAllowance.workers',
  },
  { no: '8.2', label: { vi: 'Tổng chi phí', en: 'Total cost' }, unit: vnd, figure: 'inKindAllowance.cost' },
  { no: '9', label: { vi: 'Quan trắc môi trường lao động', en: 'Work-environment monitoring' } },
  {
    no: '9.1',
    label: { vi: 'Đã quan trắc trong năm', en: 'Monitored this year' },
    figure: 'monitoring.done',
    verify: true,
  },
  {
    no: '9.2',
    label: { vi: 'Số mẫu quan trắc', en: 'Samples' },
    unit: samples,
    figure: 'monitoring.samples',
  },
  {
    no: '9.3',
    label: { vi: 'Số mẫu không đạt tiêu chuẩn', en: 'Samples failing the standard' },
    unit: samples,
    figure: 'monitoring.failing',
  },
  {
    no: '10',
    label: { vi: 'Chi phí thực hiện kế hoạch an toàn, vệ sinh lao động', en: 'Spending on the OSH plan' },
  },
  {
    no: '10.1',
    label: { vi: 'Các biện pháp kỹ thuật an toàn', en: 'Technical safety measures' },
    unit: vnd,
    figure: 'spending.technical',
  },
  {
    no: '10.2',
    label: { vi: 'Các biện pháp kỹ thuật vệ sinh', en: 'Technical hygiene measures' },
    unit: vnd,
    figure: 'spending.hygiene',
  },
  {
    no: '10.3',
    label: { vi: 'Trang cấp phương tiện bảo vệ cá nhân', en: 'Personal protective equipment' },
    unit: vnd,
    figure: 'spending.ppe',
  },
  {
    no: '10.4',
    label: { vi: 'Chăm sóc sức khỏe người lao động', en: 'Workers’ health care' },
    unit: vnd,
    figure: 'spending.healthCare',
  },
  {
    no: '10.5',
    label: { vi: 'Huấn luyện về an toàn, vệ sinh lao động', en: 'OSH training' },
    unit: vnd,
    figure: 'spending.training',
  },
  {
    no: '10.6',
    label: { vi: 'Quan trắc môi trường lao động', en: 'Work-environment monitoring' },
    unit: vnd,
    figure: 'spending.monitoring',
    verify: true,
  },
  {
    no: '10.7',
    label: { vi: 'Đánh giá nguy cơ rủi ro về an toàn, vệ sinh lao động', en: 'OSH risk assessment' },
    unit: vnd,
    figure: 'spending.riskAssessment',
  },
  { no: '10.8', label: { vi: 'Chi khác', en: 'Other' }, unit: vnd, figure: 'spending.other' },
  { no: '10.9', label: { vi: 'Tổng cộng', en: 'Total' }, unit: vnd, figure: 'spending.total' },
  {
    no: '11',
    label: {
      vi: 'Thời điểm tổ chức tiến hành đánh giá định kỳ nguy cơ rủi ro về an toàn, vệ sinh lao động',
      en: 'Date of the last periodic OSH risk assessment',
    },
    figure: 'riskAssessmentOn',
    verify: true,
  },
];

/** The days (`MM-DD`) between 1 December and 10 January when a firm whose annual report is incomplete is reminded. */
export const ANNUAL_REPORT_REMINDER_DAYS = [
  '12-01',
  '12-08',
  '12-15',
  '12-22',
  '12-29',
  '01-05',
  '01-10',
] as const;

/**
 * Whether `today` is a reminder day for the annual report, and for which year: in December the year ending, in
 * January the year just ended (due on 10 January).
 */
export function annualReportReminderOn(today: string): { year: number; dueOn: string } | undefined {
  const day = today.slice(5);
  if (!(ANNUAL_REPORT_REMINDER_DAYS as readonly string[]).includes(day)) return undefined;
  const year = Number(today.slice(0, 4)) - (day.startsWith('01-') ? 1 : 0);
  return { year, dueOn: `${year + 1}-01-10` };
}
