import type { LocalizedText } from '@antoan/domain';
import { createContext, useContext } from 'react';
import { actionLabels } from './labels/actions';
import { checklistLabels, provisionalScoreLabels } from './labels/checklist';
import { inspectorLabels } from './labels/inspector';
import { reportLabels } from './labels/reports';
import { shellLabels } from './labels/shell';
import { signInLabels } from './labels/signin';
import { trustLabels } from './labels/trust';
import { userLabels } from './labels/users';
import { zoneLabels } from './labels/zone';

/** The app's languages: Vietnamese first, English second. */
export type Lang = 'vi' | 'en';

/** Every fixed label of the app, in both languages. */
export const labels = {
  appName: { vi: 'An toàn, vệ sinh lao động', en: 'Occupational safety and health' },
  appTagline: { vi: 'Tự kiểm tra ATVSLĐ', en: 'OSH self-assessment' },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  switchLanguageHint: { vi: 'Chuyển sang tiếng Anh', en: 'Switch to Vietnamese' },
  loading: { vi: 'Đang tải…', en: 'Loading…' },
  retry: { vi: 'Thử lại', en: 'Try again' },
  back: { vi: '← Quay lại', en: '← Back' },
  home: { vi: 'Trang chính', en: 'Home' },
  notFoundPage: { vi: 'Không có trang này.', en: 'There is no such page.' },
  none: { vi: 'Chưa có', en: 'None yet' },
  yes: { vi: 'Có', en: 'Yes' },
  no: { vi: 'Không', en: 'No' },
  loadMore: { vi: 'Tải thêm', en: 'Load more' },

  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  signInIntro: {
    vi: 'Đăng nhập bằng tài khoản do cơ quan quản lý hoặc ban quản lý khu công nghiệp cấp.',
    en: 'Sign in with the account the labour authority or your zone manager gave you.',
  },
  signInAs: { vi: 'Đăng nhập', en: 'Sign in' },
  signedInAs: { vi: 'Đang đăng nhập:', en: 'Signed in as' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  sessionExpired: {
    vi: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy đăng nhập lại.',
    en: 'Your session expired or is not valid; please sign in again.',
  },
  roleEnterprise: { vi: 'Cán bộ ATVSLĐ doanh nghiệp', en: 'Enterprise OSH officer' },
  roleZoneManager: { vi: 'Ban quản lý khu công nghiệp', en: 'Industrial-zone manager' },
  roleInspector: { vi: 'Thanh tra lao động', en: 'Labour inspector' },
  roleAuthority: { vi: 'Cơ quan quản lý lao động thành phố', en: 'City labour authority' },

  profile: { vi: 'Hồ sơ doanh nghiệp', en: 'Enterprise profile' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  zone: { vi: 'Khu công nghiệp', en: 'Industrial zone' },
  sector: { vi: 'Ngành (VSIC)', en: 'Sector (VSIC)' },
  highRisk: { vi: 'Ngành nghề có nguy cơ cao', en: 'High-risk sector' },
  headcount: { vi: 'Số lao động', en: 'Workers' },
  women: { vi: 'Lao động nữ', en: 'Women' },
  minors: { vi: 'Lao động chưa thành niên', en: 'Minors' },
  disabled: { vi: 'Lao động khuyết tật', en: 'Disabled' },
  elderly: { vi: 'Lao động cao tuổi', en: 'Elderly' },
  hazardous: { vi: 'Làm nghề nặng nhọc, độc hại, nguy hiểm', en: 'In heavy, hazardous or dangerous jobs' },
  strictEquipment: {
    vi: 'Máy, thiết bị có yêu cầu nghiêm ngặt',
    en: 'Machines with strict safety requirements',
  },
  lastSubmitted: { vi: 'Lần nộp gần nhất', en: 'Last submitted' },
  readOnlyNote: {
    vi: 'Chỉ xem: chỉ cán bộ của doanh nghiệp mới được sửa.',
    en: 'Read only: only the enterprise’s own officer can change it.',
  },

  selfInspection: { vi: 'Tự kiểm tra định kỳ', en: 'Periodic self-inspection' },
  statusOk: { vi: 'Đã hoàn thành', en: 'Done' },
  statusDue: { vi: 'Đến hạn', en: 'Due' },
  statusOverdue: { vi: 'Quá hạn', en: 'Overdue' },
  dueOn: { vi: 'Hạn chót', en: 'Due by' },

  assessments: { vi: 'Các lần tự kiểm tra', en: 'Self-inspections' },
  period: { vi: 'Kỳ', en: 'Period' },
  status: { vi: 'Trạng thái', en: 'Status' },
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Đã nộp', en: 'Submitted' },
  score: { vi: 'Điểm', en: 'Score' },
  rating: { vi: 'Xếp loại', en: 'Rating' },
  open: { vi: 'Mở', en: 'Open' },
  continueChecklist: { vi: 'Tiếp tục', en: 'Continue' },
  viewScore: { vi: 'Xem điểm', en: 'View score' },
  startSelfCheck: { vi: 'Bắt đầu tự kiểm tra', en: 'Start the self-check' },
  currentPeriodTaken: {
    vi: 'Kỳ hiện tại đã có bản tự kiểm tra.',
    en: 'The current period already has a self-check.',
  },

  checklist: { vi: 'Bảng kiểm tự kiểm tra', en: 'Self-inspection checklist' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  sections: { vi: 'Các phần', en: 'Sections' },
  legalBasis: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  weight: { vi: 'Trọng số', en: 'Weight' },
  verifyFlag: {
    vi: 'Nguồn thứ cấp: cần đối chiếu văn bản gốc',
    en: 'Secondary source: check against the official text',
  },
  note: { vi: 'Ghi chú', en: 'Note' },
  notePlaceholder: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  saveIdle: { vi: 'Mọi thay đổi được tự động lưu', en: 'Changes are saved automatically' },
  savePending: { vi: 'Có thay đổi chưa lưu…', en: 'Unsaved changes…' },
  saving: { vi: 'Đang lưu…', en: 'Saving…' },
  saved: { vi: 'Đã lưu', en: 'Saved' },
  saveFailed: { vi: 'Chưa lưu được; sẽ thử lại.', en: 'Could not save; it will be retried.' },
  saveConflict: {
    vi: 'Bảng kiểm vừa được thay đổi ở nơi khác nên đã được tải lại. Các câu trả lời sau chưa được lưu, hãy nhập lại:',
    en: 'The checklist was changed elsewhere, so it was reloaded. These answers were not saved; please enter them again:',
  },
  submit: { vi: 'Nộp bản tự kiểm tra', en: 'Submit the self-check' },
  submitting: { vi: 'Đang nộp…', en: 'Submitting…' },
  notSavedYet: {
    vi: 'Chưa lưu được các câu trả lời; hãy thử nộp lại sau giây lát.',
    en: 'The answers are not saved yet; try submitting again in a moment.',
  },
  unansweredTitle: { vi: 'Còn mục chưa trả lời:', en: 'Some items are not answered yet:' },
  alreadySubmitted: { vi: 'Bản này đã được nộp.', en: 'This one is already submitted.' },

  evidence: { vi: 'Minh chứng', en: 'Evidence' },
  evidenceNeeded: { vi: 'Cần minh chứng', en: 'Evidence needed' },
  evidenceKind: { vi: 'Loại minh chứng', en: 'Kind of evidence' },
  evidenceFile: { vi: 'Tệp (PDF, JPEG, PNG; tối đa 20 MB)', en: 'File (PDF, JPEG, PNG; up to 20 MB)' },
  issuedOn: { vi: 'Ngày cấp', en: 'Issued on' },
  expiresOn: { vi: 'Ngày hết hạn', en: 'Expires on' },
  trainingGroup: { vi: 'Nhóm huấn luyện', en: 'Training group' },
  upload: { vi: 'Tải lên', en: 'Upload' },
  uploadEvidence: { vi: 'Tải minh chứng lên', en: 'Upload evidence' },
  hashing: { vi: 'Đang tính mã SHA-256…', en: 'Computing SHA-256…' },
  uploading: { vi: 'Đang tải lên', en: 'Uploading' },
  checking: { vi: 'Máy chủ đang kiểm tra tệp…', en: 'The server is checking the file…' },
  verified: { vi: 'Đã xác minh', en: 'Verified' },
  rejected: { vi: 'Bị từ chối', en: 'Rejected' },
  pendingUpload: { vi: 'Chưa tải lên xong', en: 'Upload not finished' },
  linked: { vi: 'Đã gắn vào câu trả lời', en: 'Linked to the answer' },
  linkEvidence: { vi: 'Gắn vào câu trả lời', en: 'Link to the answer' },
  answerFirst: {
    vi: 'Chọn câu trả lời trước rồi mới gắn minh chứng.',
    en: 'Choose an answer before linking evidence.',
  },
  evidenceList: { vi: 'Kho minh chứng', en: 'Evidence on file' },
  fileName: { vi: 'Tệp', en: 'File' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
  expiringSoon: { vi: 'Sắp hết hạn (≤ 30 ngày)', en: 'Expires within 30 days' },
  noExpiry: { vi: 'Không thời hạn', en: 'No expiry' },
  download: { vi: 'Tải xuống', en: 'Download' },

  notifications: { vi: 'Thông báo nhắc việc', en: 'Reminders' },

  scoreTitle: { vi: 'Kết quả tự kiểm tra', en: 'Self-inspection result' },
  totalScore: { vi: 'Tổng điểm', en: 'Total score' },
  ratingBands: {
    vi: 'A ≥ 85, B ≥ 70, C ≥ 50, D < 50. Có mục nghiêm trọng không đạt thì xếp loại tối đa là C.',
    en: 'A ≥ 85, B ≥ 70, C ≥ 50, D < 50. A failed critical item caps the rating at C.',
  },
  sectionScores: { vi: 'Điểm từng phần', en: 'Section scores' },
  notScored: { vi: 'Không có mục để chấm', en: 'Nothing to score' },
  criticalFailures: { vi: 'Mục nghiêm trọng không đạt', en: 'Critical items failed' },
  whatToFix: { vi: 'Cần khắc phục (xếp theo số điểm bị mất)', en: 'What to fix (by points lost)' },
  allItems: { vi: 'Tất cả các mục', en: 'All items' },
  points: { vi: 'Điểm', en: 'Points' },
  nothingToFix: { vi: 'Không có mục nào bị mất điểm.', en: 'No item lost points.' },
  submittedAt: { vi: 'Nộp lúc', en: 'Submitted at' },
  scoringVersion: { vi: 'Phiên bản cách chấm', en: 'Scoring version' },

  zones: { vi: 'Các khu công nghiệp', en: 'Industrial zones' },
  zoneCode: { vi: 'Mã', en: 'Code' },
  dashboard: { vi: 'Tổng quan khu', en: 'Zone dashboard' },
  enterprisesInZone: { vi: 'Doanh nghiệp trong khu', en: 'Enterprises in the zone' },
  sortLowestFirst: { vi: 'Điểm thấp nhất trước', en: 'Lowest score first' },
  sortHighestFirst: { vi: 'Điểm cao nhất trước', en: 'Highest score first' },
  notStarted: { vi: 'Chưa bắt đầu', en: 'Not started' },
  averageScore: { vi: 'Điểm trung bình', en: 'Average score' },
  fatalAccidents: { vi: 'Tai nạn chết người', en: 'Fatal accidents' },
  weakestSections: { vi: 'Các phần yếu nhất', en: 'Weakest sections' },
  weakestSectionsExplain: {
    vi: 'Điểm trung bình từng phần trên các bản đã nộp; thấp nhất trước.',
    en: 'Each section’s mean over the submitted self-inspections; lowest first.',
  },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  notAvailableYet: {
    vi: 'Chức năng này chưa có trên máy chủ.',
    en: 'The server does not offer this yet.',
  },
  targets: { vi: 'Danh sách đề xuất thanh tra', en: 'Inspection targets' },
  targetsIntro: {
    vi: 'Xếp theo nguy cơ gây hại có thể phòng ngừa; một phần nhỏ được chọn ngẫu nhiên để giữ trung thực.',
    en: 'Ranked by expected preventable harm; a small random share keeps self-reports honest.',
  },
  priority: { vi: 'Mức ưu tiên', en: 'Priority' },
  reasons: { vi: 'Lý do', en: 'Reasons' },
  filterZone: { vi: 'Lọc theo khu', en: 'Filter by zone' },
  allZones: { vi: 'Tất cả các khu', en: 'All zones' },
  filterSector: { vi: 'Mã ngành (VSIC)', en: 'Sector code (VSIC)' },
  apply: { vi: 'Áp dụng', en: 'Apply' },
  ...trustLabels,
  ...signInLabels,
  ...userLabels,
  ...actionLabels,
  ...checklistLabels,
  ...provisionalScoreLabels,
  ...shellLabels,
  ...inspectorLabels,
  ...reportLabels,
  ...zoneLabels,
} satisfies Record<string, LocalizedText>;

/** The name of a fixed label. */
export type LabelKey = keyof typeof labels;

/** The chosen language and the functions that read text in it. */
export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A fixed label. */
  t(key: LabelKey): string;
  /** Text that came as `{ vi, en }` (from the API or from a helper). */
  l(text: LocalizedText): string;
}

/** Reads a `{ vi, en }` text in `lang`, falling back to the other language when one is empty. */
export function pick(text: LocalizedText, lang: Lang): string {
  return lang === 'vi' ? text.vi || text.en : text.en || text.vi;
}

/** Builds the reader for one language. */
export function i18nFor(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return { lang, setLang, t: (key) => pick(labels[key], lang), l: (text) => pick(text, lang) };
}

const LANG_KEY = 'antoan.lang';

/** The language the person chose last time on this browser, Vietnamese by default. */
export function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
}

/** Remembers the language and marks the page with it (screen readers and spell-checkers read `lang`). */
export function storeLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}

export const I18nContext = createContext<I18n>(i18nFor('vi', () => {}));

/** The current language's text readers. */
export const useI18n = (): I18n => useContext(I18nContext);
