import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const create = (body: unknown) => api.call('POST', '/v1/zones', { as: callers.authority, body });

describe('zones', () => {
  it('creates zones and lists them by code with cursor pagination', async () => {
    for (const code of ['HP1', 'TN1', 'OM']) {
      expect((await create({ code, name: `KCN ${code}` })).status).toBe(201);
    }
    const first = await api.call('GET', '/v1/zones?limit=2', { as: callers.inspector });
    const page1 = (await first.json()) as { items: Array<{ code: string }>; nextCursor: string };
    expect(page1.items.map((z) => z.code)).toEqual(['HP1', 'OM']);
    const second = await api.call('GET', `/v1/zones?limit=2&cursor=${page1.nextCursor}`, {
      as: callers.inspector,
    });
    const page2 = (await second.json()) as { items: Array<{ code: string }>; nextCursor: string | null };
    expect(page2.items.map((z) => z.code)).toEqual(['TN1']);
    expect(page2.nextCursor).toBeNull();
  });

  it('409 for a duplicate code', async () => {
    expect((await create({ code: 'DUP', name: 'One' })).status).toBe(201);
    const again = await create({ code: 'DUP', name: 'Two' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'zone_code_taken', status: 409 });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=forged', 'cursor'],
    ['sort=name', 'sort'],
  ])('400 for ?%s', async (query, path) => {
    const response = await api.call('GET', `/v1/zones?${query}`, { as: callers.authority });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path }] });
  });

  it.each([
    [{ code: 'lower', name: 'x' }, 'code'],
    [{ code: 'OK1', name: '' }, 'name'],
    [{ code: 'OK2' }, 'name'],
    [{ code: 'OK3', name: 'x', id: 'mine' }, 'id'],
  ])('400 for %j', async (body, path) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path }] });
  });
});
