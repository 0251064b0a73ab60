import type { LocalizedText } from '@antoan/domain';

/** Labels of the report screens: the enterprise's annual report (Appendix II) and the zone and city reports. */
export const reportLabels = {
  annualReport: { vi: 'Báo cáo công tác ATVSLĐ năm', en: 'Annual OSH report' },
  annualReportLink: { vi: 'Báo cáo năm (Phụ lục II)', en: 'Annual report (Appendix II)' },
  annualReportIntro: {
    vi: 'Theo Phụ lục II, Thông tư 07/2016/TT-BLĐTBXH. Số liệu lấy từ hồ sơ trước (hồ sơ doanh nghiệp, tai nạn, minh chứng đã xác minh), sau đó từ biểu mẫu số liệu năm bên dưới.',
    en: 'As in Circular 07/2016/TT-BLĐTBXH, Appendix II. Figures come from the records first (profile, accidents, verified evidence), then from the annual figures form below.',
  },
  reportYear: { vi: 'Năm báo cáo', en: 'Report year' },
  reportComplete: { vi: 'Đủ số liệu', en: 'Complete' },
  reportIncomplete: { vi: 'Còn thiếu số liệu', en: 'Incomplete' },
  reportDueOn: { vi: 'Hạn nộp', en: 'Due on' },
  missingCount: { vi: 'Số chỉ tiêu còn thiếu', en: 'Figures missing' },
  missingFigures: { vi: 'Chỉ tiêu còn thiếu', en: 'Figures missing' },
  missingNone: { vi: 'Không thiếu chỉ tiêu nào.', en: 'Nothing is missing.' },
  missingIntro: {
    vi: 'Chưa có trong hồ sơ hay biểu mẫu: nhập vào biểu mẫu bên dưới (hoặc tải minh chứng) để báo cáo đủ.',
    en: 'Held neither by a record nor by the form: enter them below (or upload evidence) to complete the report.',
  },
  downloads: { vi: 'Tải về', en: 'Download' },
  downloadLanguage: { vi: 'Ngôn ngữ của tệp', en: 'File language' },
  downloadXlsx: { vi: 'Tải Excel (XLSX)', en: 'Download Excel (XLSX)' },
  downloadPdf: { vi: 'Tải PDF', en: 'Download PDF' },
  downloading: { vi: 'Đang tải…', en: 'Downloading…' },
  langVi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  langEn: { vi: 'Tiếng Anh', en: 'English' },
  appendixTwo: { vi: 'Báo cáo theo mẫu Phụ lục II', en: 'The report as Appendix II lays it out' },
  lineNo: { vi: 'STT', en: 'No.' },
  lineLabel: { vi: 'Chỉ tiêu', en: 'Item' },
  lineValue: { vi: 'Số liệu', en: 'Figure' },
  lineSource: { vi: 'Nguồn', en: 'Source' },
  lineUnit: { vi: 'Đơn vị', en: 'Unit' },
  sourceMissing: { vi: 'Còn thiếu', en: 'Missing' },
  sourceForm: { vi: 'Biểu mẫu số liệu năm', en: 'Annual figures form' },
  sourceProfile: { vi: 'Hồ sơ doanh nghiệp', en: 'Enterprise profile' },
  sourceAccidents: { vi: 'Sổ tai nạn lao động', en: 'Accident records' },
  sourceEvidence: { vi: 'Minh chứng đã xác minh', en: 'Verified evidence' },
  verifyLabel: { vi: 'nhãn cần đối chiếu văn bản gốc', en: 'label to check against the gazetted text' },
  annualForm: { vi: 'Biểu mẫu số liệu năm', en: 'Annual figures form' },
  annualFormIntro: {
    vi: 'Những số liệu không hồ sơ nào lưu. Để trống là "chưa biết" (không phải 0). Mỗi nhóm nhập đủ hoặc để trống cả nhóm.',
    en: 'The figures no record holds. Blank means unknown (not 0). Fill a group in full or leave all of it blank.',
  },
  saveForm: { vi: 'Lưu biểu mẫu', en: 'Save the form' },
  savingForm: { vi: 'Đang lưu…', en: 'Saving…' },
  formSaved: { vi: 'Đã lưu. Báo cáo đã cập nhật.', en: 'Saved. The report is updated.' },
  formStale: {
    vi: 'Biểu mẫu vừa được lưu ở nơi khác. Đã tải bản mới nhất; hãy nhập lại thay đổi của bạn.',
    en: 'The form was saved elsewhere meanwhile. The latest version is loaded; enter your change again.',
  },
  formHasErrors: { vi: 'Hãy sửa các ô được đánh dấu.', en: 'Fix the fields marked.' },
  fieldWholeNumber: {
    vi: 'Nhập số nguyên không âm (chỉ chữ số).',
    en: 'Enter a whole number, not negative (digits only).',
  },
  fieldGroupIncomplete: {
    vi: 'Nhóm này đã nhập một phần: nhập cả ô này, hoặc để trống cả nhóm.',
    en: 'Part of this group is filled: fill this field too, or leave the whole group blank.',
  },
  fieldRefused: { vi: 'Máy chủ không nhận giá trị này:', en: 'The server refused this value:' },
  readOnlyForm: {
    vi: 'Chỉ xem: chỉ cán bộ của doanh nghiệp mới sửa được biểu mẫu.',
    en: 'Read only: only the enterprise’s officer edits the form.',
  },
  unknownValue: { vi: 'chưa biết', en: 'unknown' },
  councilUnknown: { vi: 'Chưa khai', en: 'Not stated' },

  groupWorkforce: { vi: 'Lao động trong năm', en: 'Workforce in the year' },
  groupOshStaff: { vi: 'Người làm công tác ATVSLĐ', en: 'OSH staff' },
  groupMedical: { vi: 'Y tế và hội đồng ATVSLĐ', en: 'Medical staff and OSH council' },
  groupHealthClasses: { vi: 'Phân loại sức khỏe', en: 'Health classes' },
  groupHealthExams: {
    vi: 'Khám sức khỏe (dùng khi không có minh chứng)',
    en: 'Health exams (used when no evidence gives them)',
  },
  groupOccupationalDisease: { vi: 'Bệnh nghề nghiệp', en: 'Occupational disease' },
  groupAccidentCosts: { vi: 'Chi phí tai nạn lao động', en: 'Cost of accidents' },
  groupOvertime: { vi: 'Làm thêm giờ', en: 'Overtime' },
  groupInKind: { vi: 'Bồi dưỡng bằng hiện vật', en: 'In-kind allowances' },
  groupMonitoring: { vi: 'Quan trắc môi trường lao động', en: 'Work-environment monitoring' },
  groupEquipment: { vi: 'Máy, thiết bị nghiêm ngặt', en: 'Machines with strict requirements' },
  groupTraining: {
    vi: 'Huấn luyện (dùng khi không có minh chứng)',
    en: 'Training (used when no evidence gives it)',
  },
  groupSpending: { vi: 'Chi phí kế hoạch ATVSLĐ (đồng)', en: 'Spending on the OSH plan (VND)' },
  groupRiskAssessment: { vi: 'Đánh giá nguy cơ rủi ro', en: 'Risk assessment' },

  reportsNav: { vi: 'Báo cáo', en: 'Reports' },
  cityReport: { vi: 'Báo cáo toàn thành phố', en: 'City report' },
  zoneReport: { vi: 'Báo cáo khu công nghiệp', en: 'Zone report' },
  areaReportIntro: {
    vi: 'Ba chỉ tiêu của kế hoạch thành phố so với năm trước, từ các bộ đếm được cập nhật cùng hồ sơ.',
    en: 'The city plan’s three indicators against the year before, from counters kept with the records.',
  },
  toDateNote: { vi: 'Năm chưa kết thúc: số liệu tính đến', en: 'The year is not over: figures as of' },
  indicatorsTitle: { vi: 'Chỉ tiêu so với mục tiêu', en: 'Indicators against their targets' },
  indicatorValue: { vi: 'Năm nay', en: 'This year' },
  indicatorPrevious: { vi: 'Năm trước', en: 'Previous year' },
  indicatorChange: { vi: 'Thay đổi', en: 'Change' },
  indicatorTarget: { vi: 'Mục tiêu', en: 'Target' },
  indicatorTargetValue: { vi: 'Mức mục tiêu', en: 'Target level' },
  indicatorMet: { vi: 'Đạt mục tiêu', en: 'Target met' },
  indicatorMissed: { vi: 'Chưa đạt', en: 'Target missed' },
  indicatorUnknown: { vi: 'Chưa xác định', en: 'Not known' },
  indicatorNoChange: {
    vi: 'không so được (năm trước bằng 0 hoặc chưa biết)',
    en: 'cannot compare (previous year 0 or unknown)',
  },
  numerator: { vi: 'Tử số', en: 'Numerator' },
  denominator: { vi: 'Mẫu số', en: 'Denominator' },
  firmsTitle: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  firmsTotal: { vi: 'Đang đăng ký', en: 'Registered' },
  firmsHighRisk: { vi: 'Ngành nguy cơ cao', en: 'High-risk sector' },
  firmsSubmitted: { vi: 'Đã nộp tự kiểm tra trong năm', en: 'Submitted a self-check in the year' },
  firmsNotSubmitted: { vi: 'Chưa nộp tự kiểm tra', en: 'No self-check submitted' },
  ratingCountsTitle: { vi: 'Xếp loại gần nhất', en: 'Latest ratings' },
  zonesTitle: { vi: 'Theo khu công nghiệp', en: 'By zone' },
  zoneColumn: { vi: 'Khu công nghiệp', en: 'Zone' },
  reportMissing: { vi: 'Chưa đủ số liệu', en: 'Not known' },
  chartLabel: { vi: 'Biểu đồ', en: 'Chart' },
  openZoneReport: { vi: 'Xem báo cáo khu', en: 'Zone report' },
} satisfies Record<string, LocalizedText>;

/** What each indicator's numerator and denominator count. */
export const indicatorParts: Record<
  string,
  { numerator: LocalizedText; denominator: LocalizedText; how: LocalizedText }
> = {
  fatal_accident_rate: {
    numerator: { vi: 'người chết vì tai nạn lao động', en: 'deaths in work accidents' },
    denominator: { vi: 'lao động của các doanh nghiệp', en: 'workers of the enterprises' },
    how: {
      vi: 'Tử số ÷ mẫu số × 100.000. Mục tiêu: giảm ít nhất 4 % so với năm trước.',
      en: 'Numerator ÷ denominator × 100,000. Target: at least 4 % lower than the year before.',
    },
  },
  od_examined_workers: {
    numerator: {
      vi: 'người được khám phát hiện bệnh nghề nghiệp (minh chứng đã xác minh)',
      en: 'workers examined for occupational disease (verified evidence)',
    },
    denominator: {
      vi: 'lao động làm nghề nặng nhọc, độc hại, nguy hiểm',
      en: 'workers in heavy, hazardous or dangerous jobs',
    },
    how: {
      vi: 'Số liệu là tử số. Mục tiêu: tăng ít nhất 5 % so với năm trước.',
      en: 'The figure is the numerator. Target: at least 5 % more than the year before.',
    },
  },
  monitored_facilities: {
    numerator: {
      vi: 'cơ sở có báo cáo quan trắc đã xác minh trong năm',
      en: 'facilities with a verified monitoring report in the year',
    },
    denominator: { vi: 'doanh nghiệp đang đăng ký', en: 'registered enterprises' },
    how: {
      vi: 'Số liệu là tử số. Mục tiêu: tăng ít nhất 5 % so với năm trước.',
      en: 'The figure is the numerator. Target: at least 5 % more than the year before.',
    },
  },
};
