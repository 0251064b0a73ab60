import type { LegalBasis } from '@antoan/domain';

type Lang = 'vi' | 'en';

/** Vietnamese names of legal document types and parts, with their usual English renderings; longest first. */
const DOCUMENT_TYPES: Array<[string, string]> = [
  ['Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Law on Fire Prevention, Fighting, Rescue'],
  ['Luật An toàn, vệ sinh lao động', 'Law on Occupational Safety and Health'],
  ['Bộ luật Lao động', 'Labour Code'],
  ['Luật Hóa chất', 'Law on Chemicals'],
  ['Nghị định', 'Decree'],
  ['Thông tư', 'Circular'],
  ['Quyết định', 'Decision'],
  ['Luật', 'Law'],
];

const PARTS: Array<[RegExp, (n: string) => string]> = [
  [/^Điều (\S+)/, (n) => `Article ${n}`],
  [/^khoản (\S+)/, (n) => `clause ${n}`],
  [/^điểm (\S+)/, (n) => `point ${n}`],
  [/^Chương (\S+)/, (n) => `Chapter ${n}`],
  [/^Mục (\S+)/, (n) => `Section ${n}`],
  [/^Phần (\S+)/, (n) => `Part ${n}`],
  [/^Phụ lục (\S+)/, (n) => `Appendix ${n}`],
];

const ARTICLE_PHRASES: Record<string, string> = {
  'cần đối chiếu điều khoản': 'article to be checked',
  'Danh mục công việc có yêu cầu nghiêm ngặt về an toàn, vệ sinh lao động':
    'List of jobs with strict OSH requirements',
};

/** A document's number in English (`Nghị định 44/2016/NĐ-CP` → `Decree 44/2016/NĐ-CP`); the number stays. */
export function documentInEnglish(document: string): string {
  for (const [vi, en] of DOCUMENT_TYPES) {
    if (document.startsWith(`${vi} `)) return `${en} ${document.slice(vi.length + 1)}`;
  }
  return document;
}

/** An article reference in English (`Điều 16 khoản 1` → `Article 16, clause 1`); unknown parts stay Vietnamese. */
export function articleInEnglish(article: string): string {
  const phrase = ARTICLE_PHRASES[article];
  if (phrase) return phrase;
  return article
    .split(/,\s*/)
    .map((piece) => {
      const words: string[] = [];
      let rest = piece.trim();
      while (rest) {
        const part = PARTS.find(([pattern]) => pattern.test(rest));
        const match = part?.[0].exec(rest);
        if (!part || !match) return [...words, rest].join(', ');
        words.push(part[1](match[1] ?? ''));
        rest = rest.slice(match[0].length).trim();
      }
      return words.join(', ');
    })
    .join('; ');
}

/**
 * A legal basis as a reader of `lang` expects it: as written in Vietnamese, translated word for word (document
 * type, article, clause) in English where the words are known; document numbers never change.
 * @example legalBasisText({ document: 'Luật 84/2015/QH13', article: 'Điều 21 khoản 1' }, 'en') // 'Law 84/2015/QH13, Article 21, clause 1'
 */
export function legalBasisText(basis: LegalBasis, lang: Lang): string {
  if (lang === 'vi') return `${basis.document}, ${basis.article}`;
  return `${documentInEnglish(basis.document)}, ${articleInEnglish(basis.article)}`;
}
