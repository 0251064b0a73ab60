import type { LocalizedText } from './template';

export * from './annual-figures';

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
