/**
 * Field messages in both languages. A schema's Valibot message stays the English string (the shared contract's
 * `errors[].message`); `said` records its Vietnamese beside it, and `vietnameseOf` finds it again when the API
 * turns an issue into a field error (`errors[].localized`). Messages are fixed when the schema module loads, so
 * the table holds one entry per message, never one per request.
 */
const vietnamese = new Map<string, string>();

/** The English message `en`, with `vi` on record as its Vietnamese. */
export function said(vi: string, en: string): string {
  vietnamese.set(en, vi);
  return en;
}

/** The Vietnamese of a message a schema gave through `said`; undefined for any other. */
export const vietnameseOf = (en: string): string | undefined => vietnamese.get(en);
