import type { LocalizedText, RatingCap, ScoreFlag } from '@antoan/domain';

/** Labels of the trust features: rating caps, flags on score items, evidence review. */
export const trustLabels = {
  ratingCaps: { vi: 'Vì sao xếp loại bị giới hạn', en: 'Why the rating is capped' },
  claimedNotApplicable: {
    vi: 'Mục nghiêm trọng khai "không áp dụng" (người thẩm tra sẽ xem lý do)',
    en: 'Critical items claimed "not applicable" (reviewers check the reason)',
  },
  flags: { vi: 'Cần lưu ý', en: 'Flags' },
  evidenceMissingWarning: {
    vi: 'Mục này cần minh chứng: trả lời "đạt" mà không gắn minh chứng hợp lệ sẽ được 0 điểm.',
    en: 'This item needs evidence: answering "compliant" without valid evidence linked scores 0.',
  },
  linkThis: { vi: 'Gắn', en: 'Link' },
  noValidEvidence: {
    vi: 'Chưa có minh chứng hợp lệ đúng loại: hãy tải lên.',
    en: 'No valid evidence of this kind yet: upload one.',
  },
} satisfies Record<string, LocalizedText>;

/** What each cap rule means, with the rating it caps at. */
export function capText(cap: RatingCap): LocalizedText {
  const count = cap.itemIds.length;
  return cap.rule === 'critical_failure'
    ? {
        vi: `${count} mục nghiêm trọng không đạt hoặc không có minh chứng hợp lệ: xếp loại tối đa ${cap.capsAt}.`,
        en: `${count} critical ${count === 1 ? 'item' : 'items'} failed or had no valid evidence: the rating is capped at ${cap.capsAt}.`,
      }
    : {
        vi: `${count} mục nghiêm trọng chỉ đạt một phần: xếp loại tối đa ${cap.capsAt}.`,
        en: `${count} critical ${count === 1 ? 'item' : 'items'} only partly met: the rating is capped at ${cap.capsAt}.`,
      };
}

/** What each flag on a score item means. */
export const flagTexts: Record<ScoreFlag, LocalizedText> = {
  claimed_not_applicable: {
    vi: 'Mục nghiêm trọng khai không áp dụng: cần lý do và sẽ được thẩm tra',
    en: 'Critical item claimed not applicable: it needs a reason and will be reviewed',
  },
  unlicensed_provider: {
    vi: 'Đơn vị cấp không có giấy phép cho dịch vụ này vào ngày cấp',
    en: 'The provider was not licensed for this service on the day it was issued',
  },
  duplicate_certificate: {
    vi: 'Cùng số chứng nhận của đơn vị này đã được doanh nghiệp khác sử dụng',
    en: 'Another firm already used this certificate number from this provider',
  },
};
