import type { LocalizedText } from '@antoan/domain';

/** Labels of the checklist's quick answering (issue 14) and of the evidence review queue (issue 10). */
export const checklistLabels = {
  checklistIntroTemplate: { vi: 'Bộ câu hỏi', en: 'Template' },
  unansweredOnly: { vi: 'Chỉ hiện mục chưa trả lời', en: 'Show unanswered items only' },
  nextUnanswered: { vi: 'Mục chưa trả lời tiếp theo', en: 'Next unanswered item' },
  nextUnansweredShort: { vi: 'Mục chưa trả lời', en: 'Next unanswered' },
  allAnswered: { vi: 'Đã trả lời hết các mục.', en: 'Every item is answered.' },
  sectionProgress: { vi: 'Tiến độ phần', en: 'Progress of section' },
  markSection: { vi: 'Đánh dấu cả phần', en: 'Mark the section' },
  markSectionAs: {
    vi: 'Trả lời mọi mục chưa trả lời của phần này là',
    en: 'Answer every unanswered item here as',
  },
  markSectionButton: { vi: 'Đánh dấu', en: 'Mark' },
  markSectionConfirm: { vi: 'Xác nhận', en: 'Confirm' },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  sectionAllAnswered: { vi: 'Phần này đã trả lời hết.', en: 'Every item of this section is answered.' },
  shortcutsTitle: { vi: 'Phím tắt', en: 'Keyboard shortcuts' },
  shortcutsHelp: {
    vi: 'Trên mục đang chọn: 1 Đạt, 2 Đạt một phần, 3 Không đạt, 4 Không áp dụng. Phím n: đến mục chưa trả lời tiếp theo.',
    en: 'On the selected item: 1 Compliant, 2 Partial, 3 Non-compliant, 4 Not applicable. Key n: go to the next unanswered item.',
  },
  noneUnansweredHere: {
    vi: 'Không còn mục nào chưa trả lời.',
    en: 'No unanswered item is left.',
  },
  validUntil: { vi: 'hiệu lực đến', en: 'valid until' },
  issuedOnShort: { vi: 'cấp ngày', en: 'issued' },
  linkedEvidence: { vi: 'Minh chứng hợp lệ của doanh nghiệp', en: 'The firm’s valid evidence' },

  reviewQueue: { vi: 'Thẩm tra minh chứng', en: 'Evidence review' },
  reviewQueueIntro: {
    vi: 'Minh chứng đã xác minh tệp nhưng chưa ai kiểm tra nội dung; minh chứng cho mục nghiêm trọng lên trước, sau đó cũ nhất trước.',
    en: 'Evidence whose file is verified but whose content nobody has checked yet; proof behind critical items first, then oldest first.',
  },
  reviewZone: { vi: 'Khu công nghiệp', en: 'Industrial zone' },
  reviewEmpty: { vi: 'Không còn minh chứng nào chờ thẩm tra.', en: 'No evidence is waiting for review.' },
  reviewPriorityCritical: { vi: 'Cho mục nghiêm trọng', en: 'Behind a critical item' },
  reviewPriorityOther: { vi: 'Mục khác', en: 'Other items' },
  reviewOpen: { vi: 'Xem và thẩm tra', en: 'View and review' },
  reviewClose: { vi: 'Đóng', en: 'Close' },
  reviewItemsProved: { vi: 'Chứng minh cho các mục nghiêm trọng', en: 'Proves the critical items' },
  reviewProvider: { vi: 'Đơn vị cấp', en: 'Issued by' },
  reviewProviderUnknown: { vi: 'Không khai đơn vị cấp', en: 'No provider declared' },
  reviewCertificateNo: { vi: 'Số chứng nhận', en: 'Certificate number' },
  reviewLicence: { vi: 'giấy phép', en: 'licence' },
  reviewVerifiedAt: { vi: 'Xác minh tệp lúc', en: 'File verified at' },
  reviewDocument: { vi: 'Tài liệu', en: 'Document' },
  reviewDocumentLoading: { vi: 'Đang tải tài liệu…', en: 'Loading the document…' },
  reviewDocumentFailed: { vi: 'Không tải được tài liệu.', en: 'The document could not be loaded.' },
  reviewDocumentOf: { vi: 'Ảnh minh chứng', en: 'Evidence image' },
  reviewAccept: { vi: 'Chấp nhận nội dung', en: 'Accept the content' },
  reviewReject: { vi: 'Từ chối', en: 'Reject' },
  reviewReason: {
    vi: 'Lý do (bắt buộc khi từ chối, ít nhất 10 ký tự)',
    en: 'Reason (required to reject, 10 characters or more)',
  },
  reviewReasonHint: {
    vi: 'Doanh nghiệp sẽ đọc lý do này; minh chứng bị từ chối được 0 điểm và mở hành động khắc phục.',
    en: 'The firm reads this reason; rejected evidence scores 0 and opens a corrective action.',
  },
  reviewReasonTooShort: {
    vi: 'Hãy ghi lý do từ chối, ít nhất 10 ký tự.',
    en: 'Write why it is rejected, in 10 characters or more.',
  },
  reviewSending: { vi: 'Đang gửi…', en: 'Sending…' },
  reviewDoneAccepted: { vi: 'Đã chấp nhận', en: 'Accepted' },
  reviewDoneRejected: { vi: 'Đã từ chối, lý do', en: 'Rejected, reason' },
  reviewDecisions: { vi: 'Kết luận vừa ghi', en: 'Verdicts just recorded' },
  reviewFirm: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  reviewUnknownFirm: { vi: 'Doanh nghiệp không rõ tên', en: 'Unnamed enterprise' },
} satisfies Record<string, LocalizedText>;

/** Labels of the provisional score on the checklist. */
export const provisionalScoreLabels = {
  provisionalScore: { vi: 'Điểm tạm tính', en: 'Provisional score' },
  provisionalExplain: {
    vi: 'Tính theo các câu trả lời hiện tại, đúng như hệ thống sẽ tính khi nộp: mục chưa trả lời được 0 điểm; mục cần minh chứng chỉ được điểm khi có minh chứng đã tải lên xong, đúng loại, đã cấp và còn hiệu lực hôm nay.',
    en: 'Worked out from the answers so far, exactly as the server will on submit: an unanswered item earns 0; an item that needs evidence earns points only with linked evidence that has finished uploading, is of an accepted kind, and is issued and valid today.',
  },
  provisionalReviewV1: {
    vi: 'Minh chứng chưa được thẩm tra vẫn được tính (cách chấm phiên bản 1 không xét kết luận thẩm tra).',
    en: 'Evidence not yet reviewed counts (scoring version 1 does not look at review verdicts).',
  },
  provisionalReviewV2: {
    vi: 'Minh chứng chưa được thẩm tra vẫn được tính; minh chứng bị người thẩm tra từ chối không được tính.',
    en: 'Evidence not yet reviewed counts; evidence a reviewer rejected does not.',
  },
} satisfies Record<string, LocalizedText>;
