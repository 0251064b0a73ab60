import type { LocalizedText } from '@antoan/domain';

/** Labels of the zone view (both schedules, search, trends) and the city overview. */
export const zoneLabels = {
  zvAnnualReports: { vi: 'Báo cáo năm đã đủ', en: 'Annual reports complete' },
  zvFirms: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  zvZoneNow: { vi: 'Hiện tại — mọi doanh nghiệp', en: 'Now — every firm' },
  zvShowPeriod: { vi: 'Kỳ hiển thị', en: 'Period shown' },
  zvZoneFirms: { vi: 'Doanh nghiệp của khu', en: "The zone's firms" },
  zvSearchFirms: { vi: 'Tìm theo tên hoặc mã số thuế', en: 'Search by name or tax code' },
  zvSearch: { vi: 'Tìm', en: 'Search' },
  zvClearFilters: { vi: 'Bỏ lọc', en: 'Clear filters' },
  zvFilterStatus: { vi: 'Trạng thái', en: 'Status' },
  zvAllStatuses: { vi: 'Mọi trạng thái', en: 'Every status' },
  zvFilterRating: { vi: 'Xếp loại', en: 'Rating' },
  zvAllRatings: { vi: 'Mọi xếp loại', en: 'Every rating' },
  zvFilterSectorGroup: { vi: 'Ngành', en: 'Sector' },
  zvAllSectors: { vi: 'Mọi ngành', en: 'Every sector' },
  zvSchedule: { vi: 'Chu kỳ tự kiểm tra', en: 'Self-inspection cycle' },
  zvAllSchedules: { vi: 'Mọi chu kỳ', en: 'Every cycle' },
  zvScheduleHalf: { vi: '6 tháng (ngành nguy cơ cao)', en: 'Every 6 months (high-risk)' },
  zvScheduleYear: { vi: 'Hằng năm', en: 'Yearly' },
  zvScheduleHalfShort: { vi: '6 tháng', en: '6-monthly' },
  zvScheduleYearShort: { vi: 'Hằng năm', en: 'Yearly' },
  zvSortBy: { vi: 'Sắp xếp theo', en: 'Sort by' },
  zvOrder: { vi: 'Thứ tự', en: 'Order' },
  zvOrderAsc: { vi: 'Tăng dần (A→Z, thấp→cao)', en: 'Ascending (A→Z, low→high)' },
  zvOrderDesc: { vi: 'Giảm dần (Z→A, cao→thấp)', en: 'Descending (Z→A, high→low)' },
  zvPeriodOwed: { vi: 'Kỳ phải nộp', en: 'Period owed' },
  zvFirmsFound: { vi: 'Số doanh nghiệp khớp', en: 'Firms that match' },
  zvShowing: { vi: 'Đang hiện', en: 'Showing' },
  zvOf: { vi: 'trên', en: 'of' },
  zvUnknown: { vi: 'Chưa rõ', en: 'Unknown' },
  zvNoScoreYet: { vi: 'Chưa có điểm (chưa nộp)', en: 'No score yet (not submitted)' },
  zvSortedAscending: { vi: 'đang xếp tăng dần', en: 'sorted ascending' },
  zvSortedDescending: { vi: 'đang xếp giảm dần', en: 'sorted descending' },
  zvBySchedule: { vi: 'Theo chu kỳ', en: 'By cycle' },
  zvSubmissionRate: { vi: 'Tỷ lệ đã nộp', en: 'Submission rate' },
  zvSubmissionRateExplain: {
    vi: 'Số doanh nghiệp đã nộp chia cho số doanh nghiệp phải nộp trong kỳ của mình',
    en: 'Firms that submitted divided by the firms that owe their period',
  },
  zvTrends: { vi: 'Xu hướng theo kỳ', en: 'Trends by period' },
  zvTrendsExplain: {
    vi: 'Cột: tỷ lệ đã nộp (%). Đường: điểm trung bình của các bản đã nộp (0–100). Kỳ chưa ai nộp không có điểm: hiển thị "Chưa rõ", không phải 0. Kỳ đang diễn ra chưa phải số cuối cùng.',
    en: 'Bars: submission rate (%). Line: average score of the submitted self-inspections (0–100). A period nobody submitted for has no score: shown as "Unknown", never 0. A running period is not final yet.',
  },
  zvTrendHalfYears: { vi: 'Doanh nghiệp nguy cơ cao (mỗi 6 tháng)', en: 'High-risk firms (every 6 months)' },
  zvTrendYears: { vi: 'Các doanh nghiệp khác (hằng năm)', en: 'The other firms (yearly)' },
  zvTrendTable: { vi: 'Bảng số liệu (thay cho biểu đồ)', en: 'Figures as a table (instead of the chart)' },
  zvFirmsOwing: { vi: 'Doanh nghiệp phải nộp', en: 'Firms owing' },
  zvRunning: { vi: 'đang diễn ra', en: 'running' },
  zvNoTrend: { vi: 'Chưa có kỳ nào để hiển thị.', en: 'No period to show yet.' },
  zvZoneReport: { vi: 'Báo cáo của khu', en: 'Zone report' },
  zvCityReport: { vi: 'Báo cáo toàn thành phố', en: 'City report' },
  zvCityOverview: { vi: 'Tổng quan thành phố', en: 'City overview' },
  zvCityNav: { vi: 'Thành phố', en: 'City' },
  zvCityExplain: {
    vi: 'Số liệu hiện tại của mọi khu: mỗi doanh nghiệp tính theo kỳ của mình (6 tháng cuối hoặc cả năm).',
    en: "Every zone's current figures: each firm counted for its own period (the half-year or the year).",
  },
  zvCityTotals: { vi: 'Toàn thành phố', en: 'Whole city' },
  zvZonesSideBySide: { vi: 'Các khu so sánh', en: 'Zones side by side' },
  zvWeakestZones: { vi: 'Các khu yếu nhất', en: 'Weakest zones' },
  zvLowestAverage: { vi: 'Điểm trung bình thấp nhất', en: 'Lowest average score' },
  zvLowestSubmission: { vi: 'Tỷ lệ nộp thấp nhất', en: 'Lowest submission rate' },
  zvAccidentsThisYear: { vi: 'Tai nạn lao động năm nay', en: 'Work accidents this year' },
  zvFatal: { vi: 'Chết người', en: 'Fatal' },
  zvSerious: { vi: 'Nặng', en: 'Serious' },
  zvMinor: { vi: 'Nhẹ', en: 'Minor' },
  zvOpenActions: { vi: 'Biện pháp khắc phục đang mở', en: 'Open corrective actions' },
  zvOverdueActions: { vi: 'quá hạn', en: 'overdue' },
  zvZone: { vi: 'Khu', en: 'Zone' },
  zvReports: { vi: 'Báo cáo', en: 'Reports' },
  zvChartZones: {
    vi: 'Biểu đồ: tỷ lệ đã nộp và điểm trung bình của từng khu',
    en: 'Chart: submission rate and average score of each zone',
  },
  zvChartTrend: {
    vi: 'Biểu đồ: tỷ lệ đã nộp và điểm trung bình theo kỳ',
    en: 'Chart: submission rate and average score per period',
  },
} satisfies Record<string, LocalizedText>;

/** VSIC 2018 sections, for the sector filter and next to a firm's code. */
export const vsicSections: Record<string, LocalizedText> = {
  A: { vi: 'Nông, lâm nghiệp và thủy sản', en: 'Agriculture, forestry and fishing' },
  B: { vi: 'Khai khoáng', en: 'Mining and quarrying' },
  C: { vi: 'Công nghiệp chế biến, chế tạo', en: 'Manufacturing' },
  D: { vi: 'Sản xuất, phân phối điện, khí đốt', en: 'Electricity and gas supply' },
  E: { vi: 'Cấp nước, xử lý rác thải, nước thải', en: 'Water supply and waste management' },
  F: { vi: 'Xây dựng', en: 'Construction' },
  G: { vi: 'Bán buôn, bán lẻ; sửa chữa xe', en: 'Wholesale and retail; vehicle repair' },
  H: { vi: 'Vận tải, kho bãi', en: 'Transport and storage' },
  I: { vi: 'Dịch vụ lưu trú và ăn uống', en: 'Accommodation and food' },
  J: { vi: 'Thông tin và truyền thông', en: 'Information and communication' },
  K: { vi: 'Tài chính, ngân hàng, bảo hiểm', en: 'Finance and insurance' },
  L: { vi: 'Kinh doanh bất động sản', en: 'Real estate' },
  M: { vi: 'Chuyên môn, khoa học và công nghệ', en: 'Professional, scientific and technical' },
  N: { vi: 'Hành chính và dịch vụ hỗ trợ', en: 'Administrative and support services' },
  O: { vi: 'Quản lý nhà nước, an ninh quốc phòng', en: 'Public administration and defence' },
  P: { vi: 'Giáo dục và đào tạo', en: 'Education' },
  Q: { vi: 'Y tế và trợ giúp xã hội', en: 'Health and social work' },
  R: { vi: 'Nghệ thuật, vui chơi và giải trí', en: 'Arts and recreation' },
  S: { vi: 'Hoạt động dịch vụ khác', en: 'Other services' },
  T: { vi: 'Hộ gia đình', en: 'Households' },
  U: { vi: 'Tổ chức quốc tế', en: 'Extraterritorial organisations' },
};

/** A period for people: `2026` → "Năm 2026", `2026-H2` → "6 tháng cuối năm 2026". */
export function periodText(period: string): LocalizedText {
  const year = period.slice(0, 4);
  if (period.endsWith('-H1')) return { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` };
  if (period.endsWith('-H2')) return { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
  return { vi: `Năm ${year}`, en: `Year ${year}` };
}

/** A short period for chart axes: `2026` → "2026", `2026-H2` → "6T2/2026" or "H2 2026". */
export function periodShort(period: string): LocalizedText {
  const year = period.slice(0, 4);
  if (period.endsWith('-H1')) return { vi: `6T đầu ${year}`, en: `H1 ${year}` };
  if (period.endsWith('-H2')) return { vi: `6T cuối ${year}`, en: `H2 ${year}` };
  return { vi: year, en: year };
}

/** A timestamp's day in Vietnam: dd/mm/yyyy in Vietnamese, "30 Nov 2026" in English. */
export function dayText(iso: string, lang: 'vi' | 'en'): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000);
  const [year, month, day] = shifted.toISOString().slice(0, 10).split('-');
  if (lang === 'vi') return `${day}/${month}/${year}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day)} ${months[Number(month) - 1]} ${year}`;
}

/** A percentage in the language's style (`33,3 %` in Vietnamese), or null for unknown. */
export function percentText(value: number | null, lang: 'vi' | 'en'): string | null {
  if (value === null) return null;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return lang === 'vi' ? `${text.replace('.', ',')} %` : `${text}%`;
}
