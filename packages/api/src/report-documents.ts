import type { AccidentReport, AreaIndicator, AreaReport, EnterpriseAnnualReport } from '@antoan/schemas';

/** A cell: numbers stay numbers (so a spreadsheet can add them), text is text, unknown is empty. */
export type Cell = string | number | null;

/** One table of a report: a sheet of the workbook, a section of the PDF. */
export interface ReportTable {
  /** Sheet name: at most 31 characters, none of `[]:*?/\`. */
  name: string;
  heading: string;
  columns: string[];
  rows: Cell[][];
}

/** A report laid out for a file, in one language. */
export interface ReportDocument {
  title: string;
  lines: string[];
  tables: ReportTable[];
  /** Without extension, ASCII only (it goes into Content-Disposition as is). */
  fileName: string;
}

type Lang = 'vi' | 'en';
const say = (lang: Lang, vi: string, en: string) => (lang === 'vi' ? vi : en);
const shown = (value: unknown): Cell =>
  value === null || value === undefined
    ? null
    : typeof value === 'boolean'
      ? value
        ? '✓'
        : '✗'
      : (value as string | number);
/** A name folded to ASCII for a file name. */
const asciiName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** The enterprise's Appendix II report as tables: one row per line of the official form. */
export function annualReportDocument(report: EnterpriseAnnualReport, lang: Lang): ReportDocument {
  return {
    title: say(
      lang,
      `Báo cáo công tác an toàn, vệ sinh lao động năm ${report.year}`,
      `Annual occupational safety and health report ${report.year}`,
    ),
    lines: [
      `${report.enterpriseName} — ${say(lang, 'MST', 'Tax code')} ${report.taxCode}`,
      say(lang, `Hạn nộp: ${report.dueOn}`, `Due on: ${report.dueOn}`),
      report.complete
        ? say(lang, 'Đầy đủ số liệu.', 'Complete.')
        : say(
            lang,
            `Còn thiếu ${report.missing.length} chỉ tiêu.`,
            `${report.missing.length} figures missing.`,
          ),
    ],
    tables: [
      {
        name: say(lang, 'Phu luc II', 'Appendix II'),
        heading: say(
          lang,
          'Các chỉ tiêu (Phụ lục II, Thông tư 07/2016/TT-BLĐTBXH)',
          'Figures (Circular 07/2016, Appendix II)',
        ),
        columns: [
          say(lang, 'TT', 'No.'),
          say(lang, 'Chỉ tiêu', 'Figure'),
          say(lang, 'ĐVT', 'Unit'),
          say(lang, 'Số liệu', 'Value'),
          say(lang, 'Nguồn', 'Source'),
        ],
        rows: report.lines.map((line) => [
          line.no,
          line.label[lang],
          line.unit?.[lang] ?? null,
          line.figure === undefined ? null : shown(line.value),
          line.figure === undefined ? null : sourceText(report.sources[line.figure], lang),
        ]),
      },
    ],
    fileName: `bao-cao-atvsld-${report.year}-${asciiName(report.enterpriseName)}`,
  };
}

function sourceText(source: EnterpriseAnnualReport['sources'][string] | undefined, lang: Lang): string {
  if (!source) return say(lang, 'chưa có', 'not yet');
  if (source.kind === 'form') return say(lang, 'biểu mẫu năm', 'annual form');
  const what = {
    profile: say(lang, 'hồ sơ', 'profile'),
    accidents: say(lang, 'tai nạn', 'accidents'),
    evidence: say(lang, 'minh chứng', 'evidence'),
  }[source.from as 'profile' | 'accidents' | 'evidence'];
  return source.count === undefined ? what : `${what} (${source.count})`;
}

/** The accident report as one table of accidents and a totals row. */
export function accidentReportDocument(report: AccidentReport, lang: Lang): ReportDocument {
  const severity = {
    fatal: say(lang, 'chết người', 'fatal'),
    serious: say(lang, 'nặng', 'serious'),
    minor: say(lang, 'nhẹ', 'minor'),
  };
  return {
    title: say(lang, `Báo cáo tai nạn lao động kỳ ${report.period}`, `Work accident report ${report.period}`),
    lines: [
      report.enterpriseName,
      `${report.from} – ${report.to}`,
      say(lang, `Hạn nộp: ${report.dueOn}`, `Due on: ${report.dueOn}`),
    ],
    tables: [
      {
        name: say(lang, 'Tai nan', 'Accidents'),
        heading: say(lang, 'Các vụ tai nạn lao động', 'Work accidents'),
        columns: [
          say(lang, 'Ngày', 'Day'),
          say(lang, 'Mức độ', 'Severity'),
          say(lang, 'Số người bị nạn', 'Victims'),
          say(lang, 'Số người chết', 'Deaths'),
          say(lang, 'Nguyên nhân', 'Cause'),
          say(lang, 'Ngày công nghỉ', 'Days lost'),
        ],
        rows: [
          ...report.accidents.map((a) => [
            a.occurredOn,
            severity[a.severity],
            a.victims,
            a.fatalities,
            a.cause,
            a.daysLost,
          ]),
          [
            say(lang, 'Tổng cộng', 'Total'),
            report.totals.accidents,
            report.totals.victims,
            report.totals.fatalities,
            null,
            report.totals.daysLost,
          ],
        ],
      },
    ],
    fileName: `tai-nan-${report.period}-${asciiName(report.enterpriseName)}`,
  };
}

const indicatorColumns = (lang: Lang) => [
  say(lang, 'Chỉ tiêu', 'Indicator'),
  say(lang, 'Năm nay', 'This year'),
  say(lang, 'Năm trước', 'Previous year'),
  say(lang, 'Thay đổi', 'Change'),
  say(lang, 'Mục tiêu', 'Target'),
  say(lang, 'Đạt', 'Met'),
  say(lang, 'Tử số', 'Numerator'),
  say(lang, 'Mẫu số', 'Denominator'),
  say(lang, 'Đơn vị', 'Unit'),
];
const indicatorRow = (indicator: AreaIndicator, lang: Lang): Cell[] => [
  indicator.label[lang],
  indicator.value,
  indicator.previous,
  indicator.change,
  indicator.target.change,
  indicator.met === null ? null : indicator.met ? say(lang, 'Đạt', 'Met') : say(lang, 'Không đạt', 'Not met'),
  indicator.numerator,
  indicator.denominator,
  indicator.unit[lang],
];
const firmRows = (firms: AreaReport['firms'], lang: Lang): Cell[][] => [
  [say(lang, 'Số doanh nghiệp', 'Firms'), firms.total],
  [say(lang, 'Trong đó rủi ro cao', 'Of which high-risk'), firms.highRisk],
  [say(lang, 'Đã nộp tự kiểm tra', 'Submitted a self-check'), firms.submitted],
  ...(['A', 'B', 'C', 'D'] as const).map((rating): Cell[] => [
    say(lang, `Xếp loại ${rating}`, `Rated ${rating}`),
    firms.ratingCounts[rating],
  ]),
];
/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
const sheetName = (text: string) => text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** The zone or city report: a summary sheet, and for the city one sheet per zone. */
export function areaReportDocument(report: AreaReport, lang: Lang): ReportDocument {
  const where =
    report.scope === 'city'
      ? say(lang, 'toàn thành phố', 'the city')
      : (report.zoneName ?? report.zoneId ?? '');
  const summary: ReportTable = {
    name: say(lang, 'Tong hop', 'Summary'),
    heading: say(lang, `Chỉ tiêu kế hoạch năm ${report.year}`, `Plan indicators ${report.year}`),
    columns: indicatorColumns(lang),
    rows: [
      ...report.indicators.map((indicator) => indicatorRow(indicator, lang)),
      [],
      ...firmRows(report.firms, lang),
    ],
  };
  const zones: ReportTable[] = (report.zones ?? []).map((zone) => ({
    name: sheetName(`${zone.code} ${zone.name}`),
    heading: zone.name,
    columns: indicatorColumns(lang),
    rows: [
      ...zone.indicators.map((indicator) => indicatorRow(indicator, lang)),
      [],
      ...firmRows(zone.firms, lang),
    ],
  }));
  return {
    title: say(
      lang,
      `Báo cáo an toàn, vệ sinh lao động năm ${report.year} — ${where}`,
      `OSH report ${report.year} — ${where}`,
    ),
    lines: [
      report.toDate
        ? say(
            lang,
            `Số liệu đến ngày ${report.asOf} (năm chưa kết thúc).`,
            `Figures to ${report.asOf} (the year is still running).`,
          )
        : say(lang, `Số liệu đến ngày ${report.asOf}.`, `Figures to ${report.asOf}.`),
      say(
        lang,
        `So với năm ${report.previousYear}. Hạn nộp: ${report.dueOn}`,
        `Compared with ${report.previousYear}. Due on: ${report.dueOn}`,
      ),
    ],
    tables: [summary, ...zones],
    fileName: `bao-cao-${report.scope === 'city' ? 'thanh-pho' : asciiName(report.zoneId ?? 'zone')}-${report.year}`,
  };
}
