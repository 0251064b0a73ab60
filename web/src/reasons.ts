import {
  type AnswerValue,
  type EvidenceKind,
  type LocalizedText,
  ratingFor,
  type Score,
  type ScoreItem,
  type ScoreReason,
  type Severity,
  type TargetingReasonCode,
} from '@antoan/domain';
import type { NotificationView as Notification } from '@antoan/schemas';

/** The four answers, as the checklist buttons and the score read them. */
export const answerTexts: Record<AnswerValue, LocalizedText> = {
  compliant: { vi: 'Đạt', en: 'Compliant' },
  partial: { vi: 'Đạt một phần', en: 'Partial' },
  non_compliant: { vi: 'Không đạt', en: 'Non-compliant' },
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
};

export const severityTexts: Record<Severity, LocalizedText> = {
  critical: { vi: 'Nghiêm trọng', en: 'Critical' },
  major: { vi: 'Quan trọng', en: 'Major' },
  minor: { vi: 'Thứ yếu', en: 'Minor' },
};

/** Why an item earned nothing although it was not answered "non-compliant". */
export const scoreReasonTexts: Record<ScoreReason, LocalizedText> = {
  evidence_missing: {
    vi: 'Thiếu minh chứng hợp lệ: chưa gắn minh chứng đã xác minh, đúng loại, còn hiệu lực vào ngày nộp',
    en: 'No valid evidence linked: no verified evidence of the right kind, valid on the submission day',
  },
  evidence_expired: {
    vi: 'Minh chứng đã hết hạn vào ngày nộp',
    en: 'The linked evidence had expired on the submission day',
  },
  evidence_rejected: {
    vi: 'Minh chứng đã bị từ chối khi thẩm tra nội dung',
    en: 'The linked evidence was rejected when its content was reviewed',
  },
  evidence_undated: {
    vi: 'Minh chứng không có ngày hết hạn mà loại này bắt buộc phải có',
    en: 'The linked evidence has no expiry date, which its kind must carry',
  },
  unanswered: { vi: 'Chưa trả lời', en: 'Not answered' },
};

const formatPoints = (points: number, lang: 'vi' | 'en') =>
  lang === 'vi' ? String(points).replace('.', ',') : String(points);

/**
 * One scored item explained in words: what counted, why, and the points.
 * @example explainScoreItem({ id: 'I-3-1', outcome: 'non_compliant', reason: 'evidence_missing', points: 0, maxPoints: 3 }).en
 * // 'No valid evidence linked: … — 0 of 3 points'
 */
export function explainScoreItem(item: ScoreItem): LocalizedText {
  const points = (lang: 'vi' | 'en') =>
    lang === 'vi'
      ? `${formatPoints(item.points, lang)}/${formatPoints(item.maxPoints, lang)} điểm`
      : `${formatPoints(item.points, lang)} of ${formatPoints(item.maxPoints, lang)} points`;
  if (item.outcome === 'not_applicable') {
    return {
      vi: 'Không áp dụng với doanh nghiệp: không tính vào điểm',
      en: 'Does not apply to the enterprise: left out of the score',
    };
  }
  if (item.reason) {
    const reason = scoreReasonTexts[item.reason];
    return { vi: `${reason.vi} — ${points('vi')}`, en: `${reason.en} — ${points('en')}` };
  }
  const why: Record<Exclude<AnswerValue, 'not_applicable'>, LocalizedText> = {
    compliant: { vi: 'Đạt: được đủ điểm', en: 'Compliant: full points' },
    partial: { vi: 'Đạt một phần: được một nửa số điểm', en: 'Partial: half the points' },
    non_compliant: { vi: 'Không đạt: không được điểm', en: 'Non-compliant: no points' },
  };
  const base = why[item.outcome];
  return { vi: `${base.vi} — ${points('vi')}`, en: `${base.en} — ${points('en')}` };
}

/** Why the server refused an uploaded file (the confirm route's `reason`). */
export const rejectionTexts: Record<string, LocalizedText> = {
  missing_object: {
    vi: 'Máy chủ không nhận được tệp; hãy tải lên lại.',
    en: 'The file never reached storage; upload it again.',
  },
  size_mismatch: {
    vi: 'Kích thước tệp nhận được khác với kích thước đã khai.',
    en: 'The stored file’s size differs from the declared size.',
  },
  type_mismatch: {
    vi: 'Nội dung tệp không đúng loại đã khai (PDF, JPEG hoặc PNG hợp lệ).',
    en: 'The file’s content is not the declared type (a valid PDF, JPEG or PNG).',
  },
  checksum_mismatch: {
    vi: 'Mã SHA-256 của tệp nhận được không khớp; tệp có thể bị thay đổi khi tải lên.',
    en: 'The stored file’s SHA-256 does not match; it may have changed on the way.',
  },
};

/** The rejection reason in words, or the code itself for a reason this app does not know yet. */
export const rejectionText = (reason: string): LocalizedText =>
  rejectionTexts[reason] ?? { vi: `Bị từ chối (${reason})`, en: `Rejected (${reason})` };

export const evidenceKindTexts: Record<EvidenceKind, LocalizedText> = {
  training_certificate: { vi: 'Chứng nhận huấn luyện ATVSLĐ', en: 'OSH training certificate' },
  health_exam_record: { vi: 'Hồ sơ khám sức khỏe định kỳ', en: 'Periodic health-exam record' },
  occupational_disease_exam: { vi: 'Hồ sơ khám bệnh nghề nghiệp', en: 'Occupational-disease exam record' },
  environment_monitoring_report: {
    vi: 'Báo cáo quan trắc môi trường lao động',
    en: 'Work-environment monitoring report',
  },
  equipment_inspection_certificate: {
    vi: 'Giấy chứng nhận kiểm định thiết bị',
    en: 'Equipment inspection certificate',
  },
  equipment_declaration: { vi: 'Văn bản khai báo thiết bị', en: 'Equipment declaration' },
  risk_assessment: { vi: 'Đánh giá nguy cơ rủi ro', en: 'Risk assessment' },
  osh_plan: { vi: 'Kế hoạch ATVSLĐ', en: 'OSH plan' },
  accident_investigation: { vi: 'Biên bản điều tra tai nạn lao động', en: 'Accident investigation report' },
  other: { vi: 'Tài liệu khác', en: 'Other document' },
  inspection_photo: { vi: 'Ảnh thanh tra tại hiện trường', en: 'Inspection photo from the site' },
};

/** The heading of each targeting reason; its numbers come from the API's `detail`. */
export const targetingReasonTexts: Record<TargetingReasonCode, LocalizedText> = {
  low_self_score: { vi: 'Điểm tự đánh giá thấp', en: 'Low self-score' },
  unknown_compliance: { vi: 'Chưa rõ mức tuân thủ', en: 'Compliance unknown' },
  unvalidated_self_score: {
    vi: 'Tự đánh giá chưa được thanh tra xác nhận',
    en: 'Self-score not yet confirmed by an inspection',
  },
  overdue_self_check: { vi: 'Quá hạn tự kiểm tra', en: 'Self-check overdue' },
  high_hazard_sector: { vi: 'Ngành nguy cơ cao', en: 'High-hazard sector' },
  large_exposed_workforce: { vi: 'Nhiều lao động bị phơi nhiễm', en: 'Many workers exposed' },
  fatal_accident: { vi: 'Có tai nạn chết người', en: 'Fatal accident' },
  serious_accidents: { vi: 'Có tai nạn nặng', en: 'Serious accidents' },
  expired_critical_evidence: { vi: 'Minh chứng quan trọng hết hạn', en: 'Critical evidence expired' },
  credibility_gap: { vi: 'Chênh lệch với kết quả thanh tra', en: 'Gap with inspection results' },
  overdue_actions: { vi: 'Hành động khắc phục quá hạn', en: 'Corrective actions overdue' },
  recently_inspected: { vi: 'Mới được thanh tra', en: 'Recently inspected' },
  random_sample: { vi: 'Chọn ngẫu nhiên', en: 'Random pick' },
};

export const notificationTypeTexts: Record<Notification['type'], LocalizedText> = {
  evidence_rejected: { vi: 'Minh chứng bị từ chối khi thẩm tra', en: 'Evidence rejected on review' },
  evidence_expiring: { vi: 'Minh chứng sắp hết hạn', en: 'Evidence expiring' },
  evidence_expired: { vi: 'Minh chứng đã hết hạn', en: 'Evidence expired' },
  self_check_due: { vi: 'Đến hạn tự kiểm tra', en: 'Self-check due' },
  self_check_overdue: { vi: 'Quá hạn tự kiểm tra', en: 'Self-check overdue' },
};

/** What each rating band means. */
export const ratingTexts: Record<'A' | 'B' | 'C' | 'D', LocalizedText> = {
  A: { vi: 'Tốt (≥ 85 điểm)', en: 'Good (≥ 85)' },
  B: { vi: 'Khá (70–84,9 điểm)', en: 'Fair (70–84.9)' },
  C: {
    vi: 'Trung bình (50–69,9 điểm, hoặc có mục nghiêm trọng không đạt)',
    en: 'Weak (50–69.9, or a critical item failed)',
  },
  D: { vi: 'Kém (< 50 điểm)', en: 'Poor (< 50)' },
};

/**
 * Why the score got its rating: the band, or, when a failed critical item capped it, what it would have been.
 * @example ratingExplanation({ total: 72, rating: 'C', criticalFailures: ['I-7-2'] }).en
 * // 'The score of 72 would be rated B, but 1 critical item failed, which caps the rating at C.'
 */
export function ratingExplanation(
  score: Pick<Score, 'total' | 'rating' | 'criticalFailures'>,
): LocalizedText {
  const uncapped = ratingFor(score.total, false);
  if (uncapped === score.rating) return ratingTexts[score.rating];
  const count = score.criticalFailures.length;
  return {
    vi: `Điểm ${formatPoints(score.total, 'vi')} lẽ ra xếp loại ${uncapped}, nhưng có ${count} mục nghiêm trọng không đạt nên xếp loại tối đa là ${score.rating}.`,
    en: `The score of ${score.total} would be rated ${uncapped}, but ${count} critical ${count === 1 ? 'item' : 'items'} failed, which caps the rating at ${score.rating}.`,
  };
}
