/** Labels of the app shell (skip link, menu) and of the evidence library. */
export const shellLabels = {
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  mainMenu: { vi: 'Menu chính', en: 'Main menu' },
  actions: { vi: 'Thao tác', en: 'Actions' },
  previousPeriodMissed: { vi: 'Đã bỏ lỡ kỳ trước', en: 'Previous period missed' },
  submitThisPeriodBy: { vi: 'Nộp kỳ này chậm nhất ngày', en: 'Submit this period by' },
  evidenceLibrary: { vi: 'Kho minh chứng', en: 'Evidence library' },
  evidenceLibraryIntro: {
    vi: 'Mọi minh chứng của doanh nghiệp: tải lên mới, thay thế tệp, xem lý do bị từ chối và xóa tệp bị từ chối hoặc chưa dùng.',
    en: 'All of the enterprise’s evidence: upload new files, replace a file, read why one was rejected, and delete rejected or unused files.',
  },
  openEvidenceLibrary: { vi: 'Mở kho minh chứng', en: 'Open the evidence library' },
  uploadNewEvidence: { vi: 'Tải lên minh chứng mới', en: 'Upload new evidence' },
  replaceFile: { vi: 'Thay thế', en: 'Replace' },
  replacing: { vi: 'Thay thế tệp', en: 'Replacing' },
  replaceHint: {
    vi: 'Tệp mới là một minh chứng mới cùng loại; tệp cũ vẫn được lưu cho đến khi bạn xóa nó.',
    en: 'The new file is new evidence of the same kind; the old one stays until you delete it.',
  },
  cancel: { vi: 'Hủy', en: 'Cancel' },
  deleteEvidence: { vi: 'Xóa', en: 'Delete' },
  confirmDeleteEvidence: {
    vi: 'Xóa minh chứng này? Tệp được giữ lại trong nhật ký kiểm tra nhưng không còn hiện trong kho.',
    en: 'Delete this evidence? The file is kept for the audit trail but leaves the library.',
  },
  evidenceDeleted: { vi: 'Đã xóa minh chứng', en: 'Evidence deleted' },
  rejectionReason: { vi: 'Lý do từ chối', en: 'Why it was rejected' },
  reviewRejected: { vi: 'Bị từ chối khi thẩm tra', en: 'Rejected on review' },
  reviewAccepted: { vi: 'Đã thẩm tra: chấp nhận', en: 'Reviewed: accepted' },
  uploadedOn: { vi: 'Tải lên ngày', en: 'Uploaded on' },
  showAllEvidence: { vi: 'Xem tất cả trong kho minh chứng', en: 'See all in the evidence library' },
  fileCount: { vi: 'tệp', en: 'files' },
};
