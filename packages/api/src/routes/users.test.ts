import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, seedTwoFirms, type TestApi } from '../test-support';

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await seedTwoFirms(api.db);
});

const invite = (as: (typeof callers)[keyof typeof callers], body: unknown) =>
  api.call('POST', '/v1/users', { as, body });
const list = async (as: (typeof callers)[keyof typeof callers], query = '') => {
  const response = await api.call('GET', `/v1/users${query}`, { as });
  return { status: response.status, body: (await response.json()) as { items: Array<{ email: string }> } };
};
const emails = (page: { items: Array<{ email: string }> }) => page.items.map((user) => user.email).sort();

describe('users', () => {
  it('the authority invites every role; the user can then be listed and has the claims asked for', async () => {
    const created = await invite(callers.authority, {
      email: 'ZM.One@kcn.vn',
      role: 'zone_manager',
      zoneIds: ['zone-a'],
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({
      id: expect.any(String),
      email: 'zm.one@kcn.vn',
      role: 'zone_manager',
      zoneIds: ['zone-a'],
      enabled: true,
      createdAt: expect.any(String),
    });
    expect((await invite(callers.authority, { email: 'insp@sld.vn', role: 'inspector' })).status).toBe(201);
    expect((await invite(callers.authority, { email: 'boss@sld.vn', role: 'authority' })).status).toBe(201);
    expect(
      (await invite(callers.authority, { email: 'b1@firm-b.vn', role: 'enterprise', enterpriseId: 'ent-b' }))
        .status,
    ).toBe(201);
    const all = await list(callers.authority);
    expect(emails(all.body)).toEqual(
      expect.arrayContaining(['zm.one@kcn.vn', 'insp@sld.vn', 'boss@sld.vn', 'b1@firm-b.vn']),
    );
  });

  it('a zone manager invites enterprise users for firms in their zones, and nothing else', async () => {
    const ok = await invite(callers.managerA, {
      email: 'a1@firm-a.vn',
      role: 'enterprise',
      enterpriseId: 'ent-a',
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ role: 'enterprise', enterpriseId: 'ent-a' });
    // A firm in another zone looks exactly like a missing one.
    expect(
      (await invite(callers.managerA, { email: 'x@firm-b.vn', role: 'enterprise', enterpriseId: 'ent-b' }))
        .status,
    ).toBe(404);
    expect(
      (await invite(callers.managerA, { email: 'x@none.vn', role: 'enterprise', enterpriseId: 'ent-none' }))
        .status,
    ).toBe(404);
    expect((await invite(callers.managerA, { email: 'i@sld.vn', role: 'inspector' })).status).toBe(403);
    expect(
      (await invite(callers.managerA, { email: 'z@kcn.vn', role: 'zone_manager', zoneIds: ['zone-a'] }))
        .status,
    ).toBe(403);
  });

  it('409 for an e-mail that already has an account, whatever its case', async () => {
    expect((await invite(callers.authority, { email: 'dup@sld.vn', role: 'inspector' })).status).toBe(201);
    const again = await invite(callers.authority, { email: 'DUP@sld.vn', role: 'authority' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'email_taken' });
  });

  it.each([
    [{ email: 'not-an-email', role: 'inspector' }, 'email'],
    [{ email: 'a@b.vn', role: 'admin' }, 'role'],
    [{ email: 'a@b.vn', role: 'enterprise' }, 'enterpriseId'],
    [{ email: 'a@b.vn', role: 'inspector', enterpriseId: 'ent-a' }, 'enterpriseId'],
    [{ email: 'a@b.vn', role: 'zone_manager' }, 'zoneIds'],
    [{ email: 'a@b.vn', role: 'inspector', admin: true }, 'admin'],
  ])('400 for %j on %s, and nothing is created', async (body, path) => {
    const before = (await list(callers.authority, '?limit=200')).body.items.length;
    const response = await invite(callers.authority, body);
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: Array<{ path: string }> }).errors.map((e) => e.path),
    ).toContain(path);
    expect((await list(callers.authority, '?limit=200')).body.items.length).toBe(before);
  });

  it('404 when a new zone manager is given a zone that does not exist', async () => {
    const response = await invite(callers.authority, {
      email: 'zm2@kcn.vn',
      role: 'zone_manager',
      zoneIds: ['zone-a', 'zone-x'],
    });
    expect(response.status).toBe(404);
  });

  it('lists by zone and by firm within the caller’s scope; outside it is 404', async () => {
    const zoneA = await list(callers.authority, '?zoneId=zone-a');
    expect(emails(zoneA.body)).toEqual(['a1@firm-a.vn', 'zm.one@kcn.vn']);
    expect(emails((await list(callers.authority, '?enterpriseId=ent-b')).body)).toEqual(['b1@firm-b.vn']);
    // A zone manager sees their firms' users only.
    expect(emails((await list(callers.managerA)).body)).toEqual(['a1@firm-a.vn']);
    expect((await list(callers.managerA, '?zoneId=zone-b')).status).toBe(404);
    expect((await list(callers.managerA, '?enterpriseId=ent-b')).status).toBe(404);
    expect((await list(callers.authority, '?zoneId=zone-none')).status).toBe(404);
    expect((await list(callers.authority, '?role=inspector')).status).toBe(400);
    expect((await list(callers.authority, '?cursor=forged')).status).toBe(400);
  });

  it('names the firm of each enterprise user in the list, and no firm for other roles', async () => {
    const response = await api.call('GET', '/v1/users?zoneId=zone-a', { as: callers.authority });
    const body = (await response.json()) as { items: Array<{ email: string; enterpriseName?: string }> };
    const byEmail = new Map(body.items.map((user) => [user.email, user]));
    expect(byEmail.get('a1@firm-a.vn')?.enterpriseName).toBe('Firm ent-a');
    expect(byEmail.get('zm.one@kcn.vn')).not.toHaveProperty('enterpriseName');
  });

  it('pages through users with limit and cursor', async () => {
    const first = await api.call('GET', '/v1/users?limit=2', { as: callers.authority });
    const page1 = (await first.json()) as { items: Array<{ id: string }>; nextCursor: string };
    expect(page1.items).toHaveLength(2);
    const second = await api.call('GET', `/v1/users?limit=2&cursor=${page1.nextCursor}`, {
      as: callers.authority,
    });
    const page2 = (await second.json()) as { items: Array<{ id: string }> };
    expect(page2.items.map((u) => u.id)).not.toContain(page1.items[0]?.id);
  });

  it('disables a user (who can then no longer refresh), within scope only', async () => {
    const a1 = (await list(callers.managerA)).body.items[0] as unknown as { id: string };
    const b1 = (await list(callers.authority, '?enterpriseId=ent-b')).body.items[0] as unknown as {
      id: string;
    };
    expect((await api.call('POST', `/v1/users/${b1.id}/disable`, { as: callers.managerA })).status).toBe(404);
    expect((await api.call('POST', '/v1/users/no-such-user/disable', { as: callers.managerA })).status).toBe(
      404,
    );
    const disabled = await api.call('POST', `/v1/users/${a1.id}/disable`, { as: callers.managerA });
    expect(disabled.status).toBe(200);
    expect(await disabled.json()).toMatchObject({ id: a1.id, enabled: false });
    expect(await api.deps.users.getUser(a1.id)).toMatchObject({ enabled: false });
    // Disabling twice changes nothing more.
    expect((await api.call('POST', `/v1/users/${a1.id}/disable`, { as: callers.managerA })).status).toBe(200);
    // A malformed id is refused by the input guard like any unknown id.
    expect((await api.call('POST', '/v1/users/bad%20id/disable', { as: callers.authority })).status).toBe(
      404,
    );
  });

  it('refuses to let the authority disable their own account', async () => {
    const created = await invite(callers.authority, { email: 'self@sld.vn', role: 'authority' });
    const { id } = (await created.json()) as { id: string };
    const response = await api.call('POST', `/v1/users/${id}/disable`, {
      as: { sub: id, role: 'authority' },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'cannot_disable_self' });
  });
});
