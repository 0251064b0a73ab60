import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devToken, pnpmStart, type StartedPlatform } from './start';

type Item = { id: string; weight: number; evidenceKinds?: string[]; allowNotApplicable: boolean };
type Template = { sections: Array<{ id: string; items: Item[] }> };

describe('an enterprise fills and submits its self-check through the API', () => {
  let platform: StartedPlatform;
  let call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<Response>;
  beforeAll(async () => {
    platform = await pnpmStart({ PORT: '0', ANTOAN_IN_MEMORY: '1' });
    const users = (await (await fetch(`${platform.url}/v1/dev/users`)).json()) as {
      items: Array<{ name: string; role: string; enterpriseId?: string }>;
    };
    const officer = users.items.find((u) => u.role === 'enterprise');
    if (!officer) throw new Error('no demo enterprise user');
    const { name: _name, ...claims } = officer;
    const token = await devToken(platform.url, claims);
    call = (method, path, body, headers = {}) =>
      fetch(`${platform.url}${path.replace('{eid}', officer.enterpriseId ?? '')}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('creates, fills, submits, and gets the score a hand computation gives', async () => {
    const profile = (await (await call('GET', '/v1/enterprises/{eid}')).json()) as { highRisk: boolean };
    const period = profile.highRisk ? '2026-H2' : '2026';
    const created = await call('POST', '/v1/enterprises/{eid}/assessments', {
      templateId: 'osh-self-inspection',
      period,
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as {
      id: string;
      templateVersion: number;
      applicableItemIds: string[];
    };
    // The draft names the template version it was made from (the newest published one by default).
    const template = (await (
      await call('GET', `/v1/templates/osh-self-inspection/versions/${draft.templateVersion}`)
    ).json()) as Template;
    const items = new Map(template.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));

    // No evidence is uploaded here, so items that need proof earn nothing; one plain item is partial.
    const applicable = draft.applicableItemIds.map((id) => items.get(id) as Item);
    const partial = applicable.find((item) => !item.evidenceKinds);
    const answers = Object.fromEntries(
      applicable.map((item) => [item.id, { value: item === partial ? 'partial' : 'compliant' }]),
    );
    const saved = await call(
      'PATCH',
      `/v1/enterprises/{eid}/assessments/${draft.id}`,
      { answers },
      { 'If-Match': '"1"' },
    );
    expect(saved.status).toBe(200);

    const submitted = await call('POST', `/v1/enterprises/{eid}/assessments/${draft.id}/submit`);
    expect(submitted.status).toBe(200);
    const { score } = (await submitted.json()) as { score: { total: number; rating: string } };
    const possible = applicable.reduce((sum, item) => sum + item.weight, 0);
    const lost = applicable.reduce(
      (sum, item) => sum + (item.evidenceKinds ? item.weight : item === partial ? item.weight / 2 : 0),
      0,
    );
    expect(score.total).toBe(Math.round((1000 * (possible - lost)) / possible) / 10);

    const read = (await (await call('GET', `/v1/enterprises/{eid}/assessments/${draft.id}`)).json()) as {
      status: string;
      score: { total: number };
    };
    expect(read).toMatchObject({ status: 'submitted', score: { total: score.total } });
  });
});
