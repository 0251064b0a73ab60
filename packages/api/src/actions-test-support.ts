import type { AnswerRecord } from '@antoan/db';
import type { TemplateItem } from '@antoan/domain';
import { findTemplate } from '@antoan/templates';
import type { TokenRequest } from './local-issuer';
import { putEvidenceRecord, type TestApi } from './test-support';

const template = findTemplate('osh-self-inspection', 1);
if (!template) throw new Error('the default template is missing');
/** The items of template version 1 by id (`answeredDraft` pins that version). Tests only. */
export const templateItems = new Map<string, TemplateItem>(
  template.sections.flatMap((section) => section.items.map((item) => [item.id, item] as const)),
);

let evidenceSeq = 0;

/**
 * Answers every applicable item compliant, with verified evidence of the item's kind where it takes some (one
 * record per kind, stored straight in the table), except `gaps`, answered non-compliant. Tests only.
 */
export async function answersWithGaps(
  api: TestApi,
  enterpriseId: string,
  applicableItemIds: readonly string[],
  gaps: ReadonlySet<string>,
): Promise<Record<string, AnswerRecord>> {
  const evidenceOfKind = new Map<string, string>();
  const answers: Record<string, AnswerRecord> = {};
  for (const itemId of applicableItemIds) {
    if (gaps.has(itemId)) {
      answers[itemId] = { value: 'non_compliant' };
      continue;
    }
    const kind = templateItems.get(itemId)?.evidenceKinds?.[0];
    if (kind === undefined) {
      answers[itemId] = { value: 'compliant' };
      continue;
    }
    let evidenceId = evidenceOfKind.get(kind);
    if (evidenceId === undefined) {
      evidenceId = `ev-${enterpriseId}-${kind}-${++evidenceSeq}`.replaceAll('_', '-');
      // Dated: scoring version 2 does not count evidence of a kind without a legal validity period and no expiresOn.
      await putEvidenceRecord(api.db, {
        enterpriseId,
        id: evidenceId,
        kind,
        issuedOn: '2026-01-02',
        expiresOn: '2030-12-31',
      });
      evidenceOfKind.set(kind, evidenceId);
    }
    answers[itemId] = { value: 'compliant', evidenceIds: [evidenceId] };
  }
  return answers;
}

/** Creates a draft of `kind`, answers it and returns its id, unsubmitted. Tests only. */
export async function answeredDraft(
  api: TestApi,
  as: TokenRequest,
  enterpriseId: string,
  period: string,
  pickGaps: (applicable: readonly string[]) => string[],
  kind = 'periodic',
): Promise<{ id: string; gaps: string[] }> {
  const created = await api.call('POST', `/v1/enterprises/${enterpriseId}/assessments`, {
    as,
    // Version 1, the template `templateItems` reads (version 2 is the default for new assessments).
    body: { templateId: 'osh-self-inspection', templateVersion: 1, period, kind },
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  const draft = (await created.json()) as { id: string; applicableItemIds: string[] };
  const gaps = pickGaps(draft.applicableItemIds);
  const answers = await answersWithGaps(api, enterpriseId, draft.applicableItemIds, new Set(gaps));
  const saved = await api.call('PATCH', `/v1/enterprises/${enterpriseId}/assessments/${draft.id}`, {
    as,
    body: { answers },
    headers: { 'If-Match': '"1"' },
  });
  if (saved.status !== 200) throw new Error(`PATCH answered ${saved.status}: ${await saved.text()}`);
  return { id: draft.id, gaps };
}
