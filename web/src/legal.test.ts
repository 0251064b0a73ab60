import { describe, expect, it } from 'vitest';
import { legalBasisText } from './legal';

describe('legalBasisText', () => {
  it('keeps the Vietnamese text in Vietnamese', () => {
    expect(legalBasisText({ document: 'Luật 84/2015/QH13', article: 'Điều 21 khoản 1' }, 'vi')).toBe(
      'Luật 84/2015/QH13, Điều 21 khoản 1',
    );
  });
  it('translates document types and article parts in English, keeping the numbers', () => {
    expect(legalBasisText({ document: 'Luật 84/2015/QH13', article: 'Điều 21 khoản 1' }, 'en')).toBe(
      'Law 84/2015/QH13, Article 21, clause 1',
    );
    expect(legalBasisText({ document: 'Nghị định 44/2016/NĐ-CP', article: 'Phụ lục I' }, 'en')).toBe(
      'Decree 44/2016/NĐ-CP, Appendix I',
    );
    expect(
      legalBasisText({ document: 'Bộ luật Lao động 45/2019/QH14', article: 'Điều 17, Điều 18' }, 'en'),
    ).toBe('Labour Code 45/2019/QH14, Article 17; Article 18');
    expect(legalBasisText({ document: 'QCVN 18:2021/BXD', article: 'Mục 2' }, 'en')).toBe(
      'QCVN 18:2021/BXD, Section 2',
    );
  });
});
