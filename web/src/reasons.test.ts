import { describe, expect, it } from 'vitest';
import {
  answerTexts,
  evidenceKindTexts,
  explainScoreItem,
  notificationTypeTexts,
  ratingExplanation,
  rejectionText,
  rejectionTexts,
  scoreReasonTexts,
  targetingReasonTexts,
} from './reasons';

describe('explainScoreItem', () => {
  it('says why an item without valid evidence earned nothing, in both languages', () => {
    const text = explainScoreItem({
      id: 'I-3-1',
      outcome: 'non_compliant',
      reason: 'evidence_missing',
      points: 0,
      maxPoints: 3,
    });
    expect(text.vi).toBe(
      'Thiếu minh chứng hợp lệ: chưa gắn minh chứng đã xác minh, đúng loại, còn hiệu lực vào ngày nộp — 0/3 điểm',
    );
    expect(text.en).toBe(
      'No valid evidence linked: no verified evidence of the right kind, valid on the submission day — 0 of 3 points',
    );
  });

  it('explains the plain outcomes, with Vietnamese decimal commas', () => {
    expect(explainScoreItem({ id: 'a', outcome: 'compliant', points: 3, maxPoints: 3 }).en).toBe(
      'Compliant: full points — 3 of 3 points',
    );
    expect(explainScoreItem({ id: 'a', outcome: 'partial', points: 1.5, maxPoints: 3 }).vi).toBe(
      'Đạt một phần: được một nửa số điểm — 1,5/3 điểm',
    );
    expect(explainScoreItem({ id: 'a', outcome: 'non_compliant', points: 0, maxPoints: 2 }).en).toBe(
      'Non-compliant: no points — 0 of 2 points',
    );
    expect(explainScoreItem({ id: 'a', outcome: 'not_applicable', points: 0, maxPoints: 0 }).en).toContain(
      'left out of the score',
    );
    expect(
      explainScoreItem({
        id: 'a',
        outcome: 'non_compliant',
        reason: 'evidence_expired',
        points: 0,
        maxPoints: 4,
      }).vi,
    ).toBe('Minh chứng đã hết hạn vào ngày nộp — 0/4 điểm');
  });
});

describe('ratingExplanation', () => {
  it('gives the band, or says a failed critical item capped the rating', () => {
    expect(ratingExplanation({ total: 90, rating: 'A', criticalFailures: [] }).en).toBe('Good (≥ 85)');
    expect(ratingExplanation({ total: 72.5, rating: 'C', criticalFailures: ['I-7-2', 'I-7-4'] })).toEqual({
      vi: 'Điểm 72,5 lẽ ra xếp loại B, nhưng có 2 mục nghiêm trọng không đạt nên xếp loại tối đa là C.',
      en: 'The score of 72.5 would be rated B, but 2 critical items failed, which caps the rating at C.',
    });
  });
});

describe('rejectionText', () => {
  it('names every reason the confirm route gives, and shows an unknown one as its code', () => {
    expect(Object.keys(rejectionTexts).sort()).toEqual([
      'checksum_mismatch',
      'missing_object',
      'size_mismatch',
      'type_mismatch',
    ]);
    expect(rejectionText('virus_found')).toEqual({
      vi: 'Bị từ chối (virus_found)',
      en: 'Rejected (virus_found)',
    });
  });
});

describe('text tables', () => {
  it.each([
    ['answers', answerTexts],
    ['score reasons', scoreReasonTexts],
    ['rejections', rejectionTexts],
    ['evidence kinds', evidenceKindTexts],
    ['targeting reasons', targetingReasonTexts],
    ['notification types', notificationTypeTexts],
  ])('%s are written in Vietnamese and in English', (_name, table) => {
    for (const text of Object.values(table)) {
      expect(text.vi.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.vi).not.toBe(text.en);
    }
  });
});
