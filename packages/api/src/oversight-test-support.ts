import type { TokenRequest } from './local-issuer';
import type { TestApi } from './test-support';

/** A submitted self-assessment as the submit route answers it. */
export interface SubmittedScore {
  total: number;
  rating: 'A' | 'B' | 'C' | 'D';
  sections: Array<{ id: string; score: number | null }>;
}

/**
 * Creates, fills and submits a self-assessment through the API, answering each applicable item with
 * `answer(itemId, index)`. Tests only.
 */
export async function submitThroughApi(
  api: TestApi,
  as: TokenRequest,
  enterpriseId: string,
  period: string,
  answer: (itemId: string, index: number) => 'compliant' | 'partial' | 'non_compliant',
): Promise<SubmittedScore> {
  const draft = await createDraftThroughApi(api, as, enterpriseId, period);
  const answers = Object.fromEntries(
    draft.applicableItemIds.map((itemId, index) => [itemId, { value: answer(itemId, index) }]),
  );
  const saved = await api.call('PATCH', `/v1/enterprises/${enterpriseId}/assessments/${draft.id}`, {
    as,
    body: { answers },
    headers: { 'If-Match': '"1"' },
  });
  if (saved.status !== 200) throw new Error(`PATCH answered ${saved.status}: ${await saved.text()}`);
  const submitted = await api.call('POST', `/v1/enterprises/${enterpriseId}/assessments/${draft.id}/submit`, {
    as,
  });
  if (submitted.status !== 200)
    throw new Error(`submit answered ${submitted.status}: ${await submitted.text()}`);
  return ((await submitted.json()) as { score: SubmittedScore }).score;
}

/** Creates a draft through the API. Tests only. */
export async function createDraftThroughApi(
  api: TestApi,
  as: TokenRequest,
  enterpriseId: string,
  period: string,
): Promise<{ id: string; applicableItemIds: string[] }> {
  const created = await api.call('POST', `/v1/enterprises/${enterpriseId}/assessments`, {
    as,
    body: { templateId: 'osh-self-inspection', period },
  });
  if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
  return (await created.json()) as { id: string; applicableItemIds: string[] };
}

/** Registers an enterprise through the API as the authority and returns its id. Tests only. */
export async function registerThroughApi(
  api: TestApi,
  firm: {
    taxCode: string;
    name: string;
    zoneId: string;
    sectorCode: string;
    headcount: number;
    hazardous?: number;
  },
): Promise<string> {
  const { hazardous = 0, ...profile } = firm;
  const response = await api.call('POST', '/v1/enterprises', {
    as: { sub: 'auth-1', role: 'authority' },
    body: { ...profile, workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous } },
  });
  if (response.status !== 201)
    throw new Error(`register answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** An enterprise officer's token request. Tests only. */
export const officerOf = (enterpriseId: string): TokenRequest => ({
  sub: `officer-${enterpriseId}`,
  role: 'enterprise',
  enterpriseId,
});
