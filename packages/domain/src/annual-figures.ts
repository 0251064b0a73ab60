/**
 * The annual figures of the Appendix II report and where each comes from (records first, then the form), apart
 * from the form's layout (`annual-report.ts`), so code that only needs the figures (the evidence function, to
 * keep a firm's report `complete` true to its records) does not carry the layout's labels.
 */
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

/** A field of the form that breaks a rule across fields (dotted path from `data`), in English and Vietnamese. */
export interface AnnualFigureError {
  path: string;
  /** English, as the shared contract's field message. */
  message: string;
  localized: { vi: string; en: string };
}

/**
 * Rules across fields of the annual form, with the firm's headcount for the year (the form's own
 * `workforce.total`, else the profile's): no group of workers larger than the headcount, no more failing
 * samples than samples, no more new cases than cases, no more declared machines than machines in use.
 */
export function annualFigureErrors(figures: AnnualFigures, profileHeadcount: number): AnnualFigureError[] {
  const errors: AnnualFigureError[] = [];
  const refuse = (path: string, vi: string, en: string) =>
    errors.push({ path: `data.${path}`, message: en, localized: { vi, en } });
  const headcount = figures.workforce?.total ?? profileHeadcount;
  const source = figures.workforce
    ? { vi: 'tổng số lao động của năm', en: 'workforce.total' }
    : { vi: 'số lao động đã đăng ký', en: 'the registered headcount' };
  const vi = (n: number) => n.toLocaleString('vi');
  const atMostHeadcount = (path: string, value: number | undefined) => {
    if (value !== undefined && value > headcount)
      refuse(
        path,
        `${vi(value)} người là nhiều hơn ${source.vi} (${vi(headcount)})`,
        `${value} workers is more than ${source.en} (${headcount})`,
      );
  };
  for (const group of ['women', 'minors', 'disabled', 'elderly', 'hazardous'] as const)
    atMostHeadcount(`workforce.${group}`, figures.workforce?.[group]);
  atMostHeadcount('oshStaff.fullTime', figures.oshStaff?.fullTime);
  atMostHeadcount('oshStaff.partTime', figures.oshStaff?.partTime);
  atMostHeadcount('medicalStaff', figures.medicalStaff);
  if (figures.healthClasses) {
    const classified = Object.values(figures.healthClasses).reduce((sum, n) => sum + n, 0);
    if (classified > headcount)
      refuse(
        'healthClasses',
        `Tổng các loại sức khỏe I–V là ${vi(classified)}, nhiều hơn ${source.vi} (${vi(headcount)})`,
        `classes I–V add up to ${classified}, more than ${source.en} (${headcount})`,
      );
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
    refuse(
      'occupationalDisease.newCases',
      `${vi(disease.newCases)} ca mới mắc là nhiều hơn tổng số ${vi(disease.totalCases)} ca`,
      `${disease.newCases} new cases is more than the ${disease.totalCases} cases in all`,
    );
  const monitoring = figures.monitoring;
  if (monitoring && monitoring.failing > monitoring.samples)
    refuse(
      'monitoring.failing',
      `${vi(monitoring.failing)} mẫu không đạt là nhiều hơn ${vi(monitoring.samples)} mẫu đã lấy`,
      `${monitoring.failing} failing samples is more than the ${monitoring.samples} samples taken`,
    );
  const equipment = figures.equipment;
  if (equipment && equipment.declared > equipment.inUse)
    refuse(
      'equipment.declared',
      `${vi(equipment.declared)} thiết bị đã khai báo là nhiều hơn ${vi(equipment.inUse)} thiết bị đang dùng`,
      `${equipment.declared} declared is more than the ${equipment.inUse} in use`,
    );
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
