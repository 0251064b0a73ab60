import type { LocalizedText, PriorityBand, TargetingReasonCode } from '@antoan/domain';

/** Labels of the inspector's screens: targets, recording an inspection, a firm's history. */
export const inspectorLabels = {
  inspPriorityScale: {
    vi: 'Mức ưu tiên: càng cao càng nên thanh tra sớm. Không có mức trần; các ngưỡng:',
    en: 'Priority: higher means inspect sooner. It has no upper limit; the bands:',
  },
  inspPriorityOfTarget: { vi: 'Ưu tiên', en: 'Priority' },
  inspSelfScoreOf: { vi: 'Điểm tự đánh giá', en: 'Self-score' },
  inspSelfScoreNone: { vi: 'chưa nộp', en: 'never submitted' },
  inspRandomPick: { vi: 'Chọn ngẫu nhiên trong tuần', en: 'Drawn at random this week' },
  inspShowMoreTargets: { vi: 'Xem thêm doanh nghiệp', en: 'Show more firms' },
  inspShownCount: { vi: 'Đang hiển thị', en: 'Showing' },
  inspEndOfTargets: {
    vi: 'Đã hiển thị mọi doanh nghiệp trong phạm vi.',
    en: 'Every firm in scope is shown.',
  },
  inspRecordInspection: { vi: 'Ghi kết quả thanh tra', en: 'Record an inspection' },
  inspFirmHistory: { vi: 'Tai nạn và lịch sử thanh tra', en: 'Accidents and inspections' },
  inspInspectionTitle: { vi: 'Ghi kết quả thanh tra', en: 'Record an inspection' },
  inspInspectionIntro: {
    vi: 'Ghi nhận xét từng mục theo cùng bảng kiểm doanh nghiệp tự đánh giá. Mục để trống là chưa quan sát, không bị tính điểm.',
    en: 'Record a finding per item on the same checklist the firm assessed itself with. Items left blank were not observed and are left out of the score.',
  },
  inspDraftSaved: {
    vi: 'Đã lưu nháp trên máy này: mất mạng cũng không mất dữ liệu.',
    en: 'Draft saved on this device: a dropped connection loses nothing.',
  },
  inspDraftRestored: { vi: 'Đã khôi phục bản nháp chưa gửi.', en: 'An unsent draft was restored.' },
  inspDiscardDraft: { vi: 'Bỏ bản nháp', en: 'Discard the draft' },
  inspConductedOn: { vi: 'Ngày thanh tra', en: 'Inspected on' },
  inspGeneralNotes: { vi: 'Ghi chú chung', en: 'General notes' },
  inspFirmSaid: { vi: 'Doanh nghiệp tự đánh giá', en: 'The firm said' },
  inspFirmSaidNothing: { vi: 'Doanh nghiệp chưa trả lời', en: 'No self-answer' },
  inspNoSelfCheck: {
    vi: 'Doanh nghiệp chưa có bản tự kiểm tra nào: bảng kiểm là phiên bản mới nhất.',
    en: 'The firm has no self-check yet: the checklist is the latest version.',
  },
  inspSelfCheckOf: { vi: 'Đối chiếu với bản tự kiểm tra kỳ', en: 'Compared with the self-check of' },
  inspFinding: { vi: 'Kết quả thanh tra', en: 'Finding' },
  inspSection: { vi: 'Phần của bảng kiểm', en: 'Checklist section' },
  inspNextSection: { vi: 'Phần tiếp theo', en: 'Next section' },
  inspNotObserved: { vi: 'Chưa quan sát', en: 'Not observed' },
  inspItemNote: { vi: 'Ghi chú của mục', en: 'Note on this item' },
  inspAddPhoto: { vi: 'Chụp hoặc chọn ảnh', en: 'Take or choose a photo' },
  inspPhotoUploading: { vi: 'Đang tải ảnh lên…', en: 'Uploading the photo…' },
  inspPhotoVerified: { vi: 'Ảnh đã lưu và xác minh', en: 'Photo stored and verified' },
  inspPhotoRejected: { vi: 'Ảnh bị từ chối', en: 'Photo refused' },
  inspPhotoType: { vi: 'Chỉ nhận ảnh JPEG hoặc PNG.', en: 'Only JPEG or PNG photos.' },
  inspPhotos: { vi: 'Ảnh', en: 'Photos' },
  inspObservedCount: { vi: 'Đã ghi', en: 'Recorded' },
  inspSaveInspection: { vi: 'Gửi kết quả thanh tra', en: 'Submit the inspection' },
  inspSavingInspection: { vi: 'Đang gửi…', en: 'Submitting…' },
  inspNeedOneFinding: {
    vi: 'Hãy ghi kết quả cho ít nhất một mục áp dụng với doanh nghiệp.',
    en: 'Record a finding for at least one item that applies to the firm.',
  },
  inspInspectionSaved: { vi: 'Đã ghi kết quả thanh tra', en: 'Inspection recorded' },
  inspInspectionScore: { vi: 'Điểm thanh tra', en: 'Inspection score' },
  inspActionsRaised: { vi: 'Hành động khắc phục được tạo', en: 'Corrective actions raised' },
  inspSeeHistory: { vi: 'Xem lịch sử của doanh nghiệp', en: "See the firm's history" },
  inspNotApplicableToFirm: { vi: 'Không áp dụng với doanh nghiệp', en: 'Does not apply to the firm' },
  inspHistoryTitle: { vi: 'Tai nạn và lịch sử thanh tra', en: 'Accidents and inspection history' },
  inspAccidents: { vi: 'Tai nạn lao động', en: 'Work accidents' },
  inspInspections: { vi: 'Các lần thanh tra', en: 'Inspections' },
  inspNoAccidents: { vi: 'Chưa có tai nạn nào được khai báo.', en: 'No accident declared.' },
  inspNoInspections: { vi: 'Chưa có lần thanh tra nào.', en: 'No inspection yet.' },
  inspVictims: { vi: 'Người bị nạn', en: 'Victims' },
  inspFatalities: { vi: 'Người chết', en: 'Deaths' },
  inspCause: { vi: 'Nguyên nhân', en: 'Cause' },
  inspInvestigationDue: { vi: 'Hạn điều tra', en: 'Investigation due' },
  inspSelfScoreThen: { vi: 'Tự đánh giá cùng kỳ', en: 'Self-score, same period' },
  inspGapItems: { vi: 'Chênh lệch từng mục', en: 'Item-by-item gap' },
  inspGapExplained: {
    vi: 'điểm: tự đánh giá cao hơn thanh tra khi dương',
    en: 'points: positive when the self-check rated higher than the inspection',
  },
  inspObservations: { vi: 'Ghi nhận tại hiện trường', en: 'Seen on site' },
  inspOpenPhoto: { vi: 'Mở ảnh', en: 'Open photo' },
  inspInspectedBy: { vi: 'Người thanh tra', en: 'Inspected by' },
} satisfies Record<string, LocalizedText>;

/** What each band of the priority means (bounds from `PRIORITY_BANDS`). */
export const priorityBandTexts: Record<PriorityBand, { name: LocalizedText; meaning: LocalizedText }> = {
  very_high: {
    name: { vi: 'Rất cao', en: 'Very high' },
    meaning: {
      vi: 'từ 15: ngành nguy hiểm, khoảng 100 lao động phơi nhiễm, điểm thấp hoặc chưa rõ',
      en: '15 and above: a hazardous sector, about 100 exposed workers, a weak or unknown score',
    },
  },
  high: {
    name: { vi: 'Cao', en: 'High' },
    meaning: {
      vi: '6 đến dưới 15: nhà máy vài trăm lao động chưa rõ mức tuân thủ',
      en: '6 to under 15: a factory of a few hundred whose compliance is unknown',
    },
  },
  medium: {
    name: { vi: 'Trung bình', en: 'Medium' },
    meaning: {
      vi: '2 đến dưới 6: điểm trung bình, hoặc cơ sở nhỏ chưa báo cáo',
      en: '2 to under 6: a middling score, or a small firm that never reported',
    },
  },
  low: {
    name: { vi: 'Thấp', en: 'Low' },
    meaning: {
      vi: 'dưới 2: văn phòng, cửa hàng có điểm tốt',
      en: 'under 2: an office or shop with a good score',
    },
  },
};

/** Why each targeting reason moves the priority, said as a sentence after its numbers. */
const reasonWhy: Record<TargetingReasonCode, LocalizedText> = {
  low_self_score: {
    vi: 'Điểm tự đánh giá thấp nên khả năng còn nhiều vi phạm.',
    en: 'A low self-score means more is likely wrong on site.',
  },
  unknown_compliance: {
    vi: 'Chưa biết mức tuân thủ nên được tính như điểm thấp.',
    en: 'Compliance is unknown, so it counts as a low score.',
  },
  unvalidated_self_score: {
    vi: 'Điểm tự đánh giá chưa được thanh tra xác nhận nên chỉ được tính một phần.',
    en: 'No inspection has confirmed the self-score yet, so it counts only in part.',
  },
  overdue_self_check: {
    vi: 'Không tự kiểm tra đúng hạn là vi phạm, làm tăng mức ưu tiên.',
    en: 'Missing the self-check is itself a breach and raises the priority.',
  },
  high_hazard_sector: {
    vi: 'Ngành càng nguy hiểm, mức ưu tiên càng cao.',
    en: 'The more hazardous the sector, the higher the priority.',
  },
  large_exposed_workforce: {
    vi: 'Càng nhiều người phơi nhiễm, một lần thanh tra càng bảo vệ được nhiều người.',
    en: 'The more people exposed, the more one inspection can protect.',
  },
  fatal_accident: {
    vi: 'Tai nạn chết người trong năm: doanh nghiệp luôn có trong danh sách.',
    en: 'A fatal accident this year: the firm is always listed.',
  },
  serious_accidents: {
    vi: 'Tai nạn nặng gần đây cho thấy nguy cơ chưa được kiểm soát.',
    en: 'Recent serious accidents show hazards not under control.',
  },
  expired_critical_evidence: {
    vi: 'Giấy tờ quan trọng hết hạn (kiểm định, huấn luyện…) làm tăng mức ưu tiên.',
    en: 'Expired critical papers (inspections, training…) raise the priority.',
  },
  credibility_gap: {
    vi: 'Lần thanh tra trước thấy thấp hơn doanh nghiệp tự khai.',
    en: 'The last inspection found less than the firm reported.',
  },
  overdue_actions: {
    vi: 'Biết có nguy cơ mà chưa khắc phục đúng hạn.',
    en: 'Known hazards were not fixed by their due day.',
  },
  recently_inspected: {
    vi: 'Mới được thanh tra nên mức ưu tiên giảm.',
    en: 'Inspected recently, so the priority is lowered.',
  },
  random_sample: {
    vi: 'Một phần danh sách được bốc thăm mỗi tuần để giữ tự báo cáo trung thực.',
    en: 'Part of the list is drawn by lot each week to keep self-reports honest.',
  },
};

/**
 * A targeting reason as a sentence: its numbers (from the API), then why it moves the priority.
 * @example reasonSentence({ code: 'fatal_accident', detail: { vi: '1 vụ…', en: '1 fatal accident this year (×2)' } }).en
 * // '1 fatal accident this year (×2). A fatal accident this year: the firm is always listed.'
 */
export function reasonSentence(reason: { code: TargetingReasonCode; detail: LocalizedText }): LocalizedText {
  const why = reasonWhy[reason.code];
  const end = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  return { vi: `${end(reason.detail.vi)} ${why.vi}`, en: `${end(reason.detail.en)} ${why.en}` };
}

/** The severities of accidents. */
export const accidentSeverityTexts: Record<'fatal' | 'serious' | 'minor', LocalizedText> = {
  fatal: { vi: 'Chết người', en: 'Fatal' },
  serious: { vi: 'Nặng', en: 'Serious' },
  minor: { vi: 'Nhẹ', en: 'Minor' },
};
