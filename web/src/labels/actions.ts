import type { LocalizedText } from '@antoan/domain';
import type { ActionView } from '@antoan/schemas';

/** Labels of the action plan, the zone's actions and the history of checks. */
export const actionLabels = {
  actionPlan: { vi: 'Kế hoạch khắc phục', en: 'Action plan' },
  navActions: { vi: 'Khắc phục', en: 'Actions' },
  actionPlanIntro: {
    vi: 'Mỗi mục chưa đạt trong lần tự kiểm tra hoặc thanh tra là một việc cần khắc phục, có người phụ trách, hạn và minh chứng hoàn thành.',
    en: 'Every item that fell short in a self-check or an inspection is a corrective action with an owner, a due date and proof of completion.',
  },
  zoneActions: { vi: 'Việc khắc phục của khu', en: 'Zone corrective actions' },
  zoneActionsIntro: {
    vi: 'Việc khắc phục của các doanh nghiệp trong khu: quá hạn, đang chờ xử lý, hoặc đã xong và chờ xác nhận.',
    en: 'Corrective actions of the firms in the zone: overdue, pending, or done and awaiting verification.',
  },
  checkHistory: { vi: 'Lịch sử tự kiểm tra', en: 'History of checks' },
  checkHistoryIntro: {
    vi: 'Các lần tự kiểm tra đã nộp, bản sửa bổ sung (bản cũ vẫn xem được) và mọi thay đổi, ai làm, khi nào.',
    en: 'Submitted self-checks, amendments (earlier versions stay readable) and every change, who made it and when.',
  },
  actionStatusFilter: { vi: 'Trạng thái', en: 'Status' },
  allStatuses: { vi: 'Tất cả', en: 'All' },
  overdueOnly: { vi: 'Chỉ việc quá hạn', en: 'Overdue only' },
  zoneViewLabel: { vi: 'Hiển thị', en: 'Show' },
  zoneActionsZone: { vi: 'Khu công nghiệp', en: 'Industrial zone' },
  zoneViewOverdue: { vi: 'Quá hạn', en: 'Overdue' },
  zoneViewPending: { vi: 'Đang chờ xử lý', en: 'Pending' },
  zoneViewDone: { vi: 'Đã xong, chờ xác nhận', en: 'Done, awaiting verification' },
  actionOverdue: { vi: 'Quá hạn', en: 'Overdue' },
  whatToFixField: { vi: 'Việc cần khắc phục', en: 'What to fix' },
  checklistItem: { vi: 'Mục', en: 'Item' },
  openChecklistItem: { vi: 'Xem mục trong bảng kiểm', en: 'See the item in the checklist' },
  actionSource: { vi: 'Nguồn', en: 'Source' },
  owner: { vi: 'Người phụ trách', en: 'Owner' },
  ownerPlaceholder: { vi: 'Ví dụ: Tổ bảo trì', en: 'For example: Maintenance team' },
  doneOn: { vi: 'Ngày hoàn thành', en: 'Done on' },
  actionDueOn: { vi: 'Hạn', en: 'Due' },
  dueOnHint: {
    vi: 'Doanh nghiệp chỉ có thể đặt hạn sớm hơn; thanh tra hoặc ban quản lý có thể gia hạn.',
    en: 'The firm can only bring the due date forward; an inspector or the zone manager can extend it.',
  },
  evidenceOfCompletion: { vi: 'Minh chứng hoàn thành', en: 'Evidence of completion' },
  evidenceKindsNeeded: { vi: 'Cần minh chứng loại', en: 'Evidence needed' },
  noMatchingEvidence: {
    vi: 'Chưa có minh chứng đã xác minh phù hợp: hãy tải lên.',
    en: 'No matching verified evidence yet: upload one.',
  },
  completionNote: { vi: 'Ghi chú', en: 'Note' },
  completionNoteHint: {
    vi: 'Cần ghi chú khi đánh dấu hoàn thành: đã làm gì.',
    en: 'A note is needed to mark it done: what was done.',
  },
  saveChanges: { vi: 'Lưu', en: 'Save' },
  markInProgress: { vi: 'Bắt đầu xử lý', en: 'Start work' },
  markDone: { vi: 'Đánh dấu hoàn thành', en: 'Mark done' },
  markOpen: { vi: 'Chuyển về chưa xử lý', en: 'Back to open' },
  verifyAction: { vi: 'Xác nhận đã khắc phục', en: 'Verify' },
  reopenAction: { vi: 'Mở lại', en: 'Reopen' },
  actionSaved: { vi: 'Đã lưu.', en: 'Saved.' },
  actionChangedElsewhere: {
    vi: 'Việc này vừa được người khác thay đổi; đã tải lại bản mới nhất, hãy làm lại.',
    en: 'Someone else changed this action; the latest version is loaded, please try again.',
  },
  editAction: { vi: 'Cập nhật', en: 'Update' },
  actionProgress: { vi: 'Tiến độ', en: 'Progress' },
  actionProgressText: { vi: 'đã hoàn thành hoặc được xác nhận', en: 'done or verified' },
  noActions: { vi: 'Không có việc nào.', en: 'No actions.' },
  printPlan: { vi: 'In kế hoạch', en: 'Print the plan' },
  printedOn: { vi: 'In ngày', en: 'Printed on' },
  firm: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  actionsForItem: { vi: 'Việc khắc phục của mục', en: 'Actions for item' },
  showAllActions: { vi: 'Xem tất cả việc', en: 'Show all actions' },
  actionForGap: { vi: 'Việc khắc phục →', en: 'Corrective action →' },
  goToActionPlan: { vi: 'Kế hoạch khắc phục', en: 'Action plan' },
  goToHistory: { vi: 'Lịch sử tự kiểm tra', en: 'History of checks' },
  goToZoneActions: { vi: 'Việc khắc phục của khu', en: 'Zone corrective actions' },
  amendCheck: { vi: 'Sửa bổ sung', en: 'Amend' },
  amendHint: {
    vi: 'Mở bản nháp mới với các câu trả lời đã chép sang; khi nộp, bản này thay điểm của kỳ.',
    en: 'Opens a new draft with the answers copied; once submitted it replaces the period’s score.',
  },
  amendmentOf: { vi: 'Sửa bổ sung cho', en: 'Amends' },
  supersededBy: { vi: 'Đã được thay bằng', en: 'Replaced by' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
  currentVersion: { vi: 'Bản hiện hành', en: 'Current version' },
  checkKind: { vi: 'Loại', en: 'Kind' },
  startExtraCheck: { vi: 'Bắt đầu tự kiểm tra chuyên đề', en: 'Start a thematic self-check' },
  extraCheckTitle: { vi: 'Tự kiểm tra ngoài kỳ', en: 'Extra self-checks' },
  extraCheckIntro: {
    vi: 'Tự kiểm tra chuyên đề, sau sự cố hoặc trước mùa mưa bão: làm bao nhiêu lần cũng được, có điểm và tạo việc khắc phục, nhưng không thay cho lần tự kiểm tra định kỳ.',
    en: 'Thematic, after an incident or before the storm season: as often as needed; scored and raising actions, but never counted as the periodic check.',
  },
  changeHistory: { vi: 'Nhật ký thay đổi', en: 'Change log' },
  changedBy: { vi: 'Người thực hiện', en: 'By' },
  changedAt: { vi: 'Thời điểm', en: 'When' },
  changeWhat: { vi: 'Nội dung', en: 'What' },
  selfChecks: { vi: 'Các lần tự kiểm tra', en: 'Self-checks' },
  answersChanged: { vi: 'câu trả lời', en: 'answers' },
  evidenceFileUnknown: { vi: 'tệp không còn trong thư viện', en: 'a file no longer in the library' },
} satisfies Record<string, LocalizedText>;

/** What each action status is called. */
export const actionStatusTexts: Record<ActionView['status'], LocalizedText> = {
  open: { vi: 'Chưa xử lý', en: 'Open' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  done: { vi: 'Đã hoàn thành, chờ xác nhận', en: 'Done, awaiting verification' },
  verified: { vi: 'Đã xác nhận', en: 'Verified' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
};

/** Badge tones of the statuses. */
export const actionStatusTones = {
  open: 'bad',
  in_progress: 'warn',
  done: 'info',
  verified: 'ok',
  cancelled: 'muted',
} as const;

/** Where an action came from. */
export const actionSourceTexts: Record<ActionView['source']['kind'], LocalizedText> = {
  self_check: { vi: 'Tự kiểm tra', en: 'Self-check' },
  inspection: { vi: 'Thanh tra', en: 'Inspection' },
  evidence_review: { vi: 'Thẩm tra minh chứng', en: 'Evidence review' },
  manual: { vi: 'Thêm thủ công', en: 'Added by hand' },
};

/** The kinds of self-check. */
export const checkKindTexts: Record<'periodic' | 'thematic' | 'after_incident' | 'seasonal', LocalizedText> =
  {
    periodic: { vi: 'Định kỳ', en: 'Periodic' },
    thematic: { vi: 'Chuyên đề', en: 'Thematic' },
    after_incident: { vi: 'Sau sự cố', en: 'After an incident' },
    seasonal: { vi: 'Trước mùa mưa bão', en: 'Before the storm season' },
  };

/** The audit entries people see, by what happened; anything else is "a change". */
const auditTexts: Record<string, LocalizedText> = {
  'assessment.create': { vi: 'Bắt đầu tự kiểm tra', en: 'Self-check started' },
  'assessment.amend': { vi: 'Mở bản sửa bổ sung', en: 'Amendment opened' },
  'assessment.answer': { vi: 'Lưu câu trả lời', en: 'Answers saved' },
  'assessment.save': { vi: 'Lưu câu trả lời', en: 'Answers saved' },
  'assessment.submit': { vi: 'Nộp bản tự kiểm tra', en: 'Self-check submitted' },
  'action.create': { vi: 'Tạo việc khắc phục', en: 'Action created' },
  'action.update': { vi: 'Cập nhật việc khắc phục', en: 'Action updated' },
  'action.in_progress': { vi: 'Bắt đầu xử lý việc', en: 'Action started' },
  'action.open': { vi: 'Chuyển việc về chưa xử lý', en: 'Action back to open' },
  'action.done': { vi: 'Hoàn thành việc khắc phục', en: 'Action done' },
  'action.verified': { vi: 'Xác nhận đã khắc phục', en: 'Action verified' },
  'action.reopen': { vi: 'Mở lại việc khắc phục', en: 'Action reopened' },
  'action.cancelled': { vi: 'Hủy việc khắc phục', en: 'Action cancelled' },
  'inspection.record': { vi: 'Ghi nhận thanh tra', en: 'Inspection recorded' },
  'evidence.request_upload': { vi: 'Tải minh chứng lên', en: 'Evidence upload started' },
  'evidence.verify': { vi: 'Minh chứng hợp lệ', en: 'Evidence verified' },
  'evidence.reject': { vi: 'Minh chứng bị từ chối', en: 'Evidence rejected' },
  'evidence.review.accepted': { vi: 'Thẩm tra chấp nhận minh chứng', en: 'Evidence accepted on review' },
  'evidence.review.rejected': { vi: 'Thẩm tra bác minh chứng', en: 'Evidence rejected on review' },
  'accident.declare': { vi: 'Khai báo tai nạn lao động', en: 'Accident declared' },
  'annual_data.put': { vi: 'Lưu số liệu báo cáo năm', en: 'Annual figures saved' },
  'enterprise.create': { vi: 'Đăng ký doanh nghiệp', en: 'Enterprise registered' },
};

/** The words for an audit entry's `action`, never the raw code. */
export const auditText = (action: string): LocalizedText =>
  auditTexts[action] ?? { vi: 'Thay đổi khác', en: 'Other change' };

/** The fields of an action whose changes the history lists. */
export const actionFieldTexts: Record<string, LocalizedText> = {
  status: actionLabels.actionStatusFilter,
  owner: actionLabels.owner,
  dueOn: actionLabels.actionDueOn,
  doneOn: actionLabels.doneOn,
  evidenceIds: actionLabels.evidenceOfCompletion,
  note: actionLabels.completionNote,
  verifiedBy: { vi: 'Người xác nhận', en: 'Verified by' },
};
