import { createAccident, encodeCursor } from '@antoan/db';
import { PATH_PARAMS } from '@antoan/schemas';
import { StorageOperationError } from '@antoan/storage';
import { Hono } from 'hono';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, appRoutes } from './app';
import { jsonContent, valid } from './body';
import { createApp } from './create-app';
import { CURSOR_TTL_SECONDS } from './cursor';
import type { AppEnv } from './deps';
import { undecodableQueryNames } from './guard';
import type { TokenRequest } from './local-issuer';
import { callers, createTestApi, seededAt, seedTwoFirms, type TestApi } from './test-support';

let api: TestApi;
let clock = new Date('2026-11-28T03:00:00Z');
const at = seededAt;

beforeAll(async () => {
  api = await createTestApi({ now: () => clock });
  await seedTwoFirms(api.db, { draftPeriod: '2026' });
  for (const [index, enterpriseId] of ['ent-a', 'ent-a', 'ent-a', 'ent-b', 'ent-b'].entries()) {
    await createAccident(api.db, {
      id: `acc-${index}`,
      enterpriseId,
      zoneId: enterpriseId === 'ent-a' ? 'zone-a' : 'zone-b',
      occurredAt: `2026-11-2${index}T01:00:00.000Z`,
      occurredOn: `2026-11-2${index}`,
      severity: 'minor',
      victims: 1,
      fatalities: 0,
      cause: 'Trượt ngã',
      description: 'Trượt ngã ở kho.',
      declareImmediately: false,
      investigation: { days: 4, dueOn: '2026-11-30', basis: { vi: 'x', en: 'x' } },
      reportedAt: at,
      reportedBy: 'seed',
    });
  }
});

const isProblem = async (response: Response) => {
  expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  return (await response.json()) as { status: number; requestId: string; errors?: Array<{ path: string }> };
};

/** A path of `route` with every parameter set to a valid id, except `bad` for the parameter at `badIndex`. */
const pathOf = (route: { path: string; params: string[] }, badIndex = -1, bad = '') => {
  let index = -1;
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    index++;
    if (index === badIndex) return bad;
    return name === 'ver' ? '1' : name === 'year' ? '2026' : 'ent-a';
  });
};

describe('path ids', () => {
  const badIds = [
    ['longer than any key', 'a'.repeat(2000)],
    ['65 characters', 'a'.repeat(65)],
    ['a space', 'a%20b'],
    ['a NUL', 'a%00b'],
    ['non-ASCII', '%C3%A9'],
    ['invalid UTF-8', '%ED%A0%80'],
    ['a dot segment', '..%2F..'],
  ] as const;

  it('every :param of every route is refused with a 404 problem when it is not of its kind', async () => {
    const token = await api.token(callers.authority);
    let checked = 0;
    for (const route of appRoutes()) {
      for (const [index] of route.params.entries()) {
        for (const [label, bad] of badIds) {
          const response = await api.app.request(pathOf(route, index, bad), {
            method: route.method,
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            ...(route.method === 'GET' ? {} : { body: '{}' }),
          });
          expect(response.status, `${route.method} ${route.path} with ${label}`).toBe(404);
          await isProblem(response);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every parameter name the app uses has its format declared in PATH_PARAMS', () => {
    const names = new Set(appRoutes().flatMap((route) => route.params));
    expect([...names].filter((name) => !(name in PATH_PARAMS))).toEqual([]);
  });

  it('a template version is 1–999999, a year four digits', () => {
    expect(PATH_PARAMS.ver?.test('1')).toBe(true);
    expect(PATH_PARAMS.ver?.test('0')).toBe(false);
    expect(PATH_PARAMS.ver?.test('1e3')).toBe(false);
    expect(PATH_PARAMS.year?.test('2026')).toBe(true);
    expect(PATH_PARAMS.year?.test('20266')).toBe(false);
  });
});

describe('query parameters', () => {
  it('an unknown query parameter is a 400 on every route', async () => {
    const token = await api.token(callers.authority);
    for (const route of appRoutes()) {
      const response = await api.app.request(`${pathOf(route)}?zzz=1`, {
        method: route.method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(route.method === 'GET' ? {} : { body: '{}' }),
      });
      // Routes that declare a query schema refuse it after the role gate, so a role never allowed still gets 403.
      expect([400, 403], `${route.method} ${route.path}`).toContain(response.status);
      if (route.method === 'GET') expect(response.status, `${route.method} ${route.path}`).toBe(400);
      const problem = await isProblem(response);
      if (response.status === 400) expect(problem.errors?.map((error) => error.path)).toContain('zzz');
    }
  });

  it('a value that does not percent-decode as UTF-8, or decodes to a control character, is a 400 at its name', async () => {
    const search = (query: string) =>
      api.call('GET', `/v1/zones/zone-a/firms?${query}`, { as: callers.managerA });
    // The free-text search takes accents, percent-encoded or not, and `+` as a space.
    for (const query of ['q=%C3%A9', 'q=Nh%C3%A0+m%C3%A1y', 'q=%F0%9F%8F%AD', 'q=100%25']) {
      expect((await search(query)).status, query).toBe(200);
    }
    for (const query of [
      'q=%FF',
      'q=%C3',
      'q=%ED%A0%80',
      'q=%ZZ',
      'q=a%00b',
      'q=%0D%0ASet-Cookie:x',
      'q=%C2%85',
      'q=%7F',
      'limit=10&q=ok%E9',
    ]) {
      const response = await search(query);
      expect(response.status, query).toBe(400);
      const problem = (await isProblem(response)) as Awaited<ReturnType<typeof isProblem>> & {
        detail: string;
        localized: { vi: string; en: string };
      };
      expect(problem.errors?.map((error) => error.path)).toEqual(['q']);
      expect(problem.detail).toMatch(/percent-encoded UTF-8/);
      expect(problem.localized.vi).toMatch(/mã hoá phần trăm/);
    }
    // Before the role gate and the route: an undecodable name or value is refused on every path, even unsigned.
    const unsigned = await api.app.request('/v1/zones/zone-a/firms?%FF=1');
    expect(unsigned.status).toBe(400);
    expect((await isProblem(unsigned)).errors?.map((error) => error.path)).toEqual(['%FF']);
  });

  it('undecodableQueryNames names each offending parameter once, as decoded where it can be', () => {
    expect(undecodableQueryNames('http://x/v1/a')).toEqual([]);
    expect(undecodableQueryNames('http://x/v1/a?q=%C3%A9&limit=2&&=&flag')).toEqual([]);
    expect(undecodableQueryNames('http://x/v1/a?q=%FF&q=%FE&sort=%00&%E9=1&ok=1#%FF')).toEqual([
      'q',
      'sort',
      '%E9',
    ]);
    expect(undecodableQueryNames('http://x/v1/a?a%01b=1')).toEqual(['a%01b']);
  });

  it('a repeated parameter is a 400, not an array reaching a handler', async () => {
    const response = await api.call('GET', '/v1/zones?limit=1&limit=2', { as: callers.authority });
    expect(response.status).toBe(400);
  });
});

describe('JSON bodies', () => {
  const post = (body: string | Uint8Array, contentType = 'application/json') =>
    api.token(callers.authority).then((token) =>
      api.app.request('/v1/zones', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
        body,
      }),
    );

  it('bytes that are not UTF-8 are a 400, never repaired into U+FFFD', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"code":"Z9","name":"A'),
      0xff,
      0xfe,
      0x22,
      0x7d,
    ]);
    const response = await post(bytes);
    expect(response.status).toBe(400);
    expect((await isProblem(response)).status).toBe(400);
    const overlong = new Uint8Array([
      ...new TextEncoder().encode('{"code":"Z9","name":"'),
      0xc0,
      0xaf,
      0x22,
      0x7d,
    ]);
    expect((await post(overlong)).status).toBe(400);
  });

  it('a lone surrogate in a string or a key is a 400 at its path', async () => {
    const response = await post('{"code":"Z9","name":"a\\ud800b"}');
    expect(response.status).toBe(400);
    expect((await isProblem(response)).errors?.[0]?.path).toBe('name');
    expect((await post('{"code":"Z9","name":"a","\\udc00":1}')).status).toBe(400);
  });

  it('numbers beyond 2^53, or that JSON turns into Infinity, and very deep nesting are 400', async () => {
    expect((await post('{"code":"Z9","name":1e400}')).status).toBe(400);
    expect((await post('{"code":"Z9","name":9007199254740993}')).status).toBe(400);
    expect((await post(`{"code":"Z9","name":${'['.repeat(40)}${']'.repeat(40)}}`)).status).toBe(400);
  });

  it('bounds every number of a body: headcount and strictEquipmentCount', async () => {
    const enterprise = (extra: Record<string, unknown>) =>
      api.call('POST', '/v1/enterprises', {
        as: callers.authority,
        body: {
          taxCode: '1800009999',
          name: 'X',
          zoneId: 'zone-a',
          sectorCode: 'F41',
          headcount: 3,
          ...extra,
        },
      });
    const tooMany = await enterprise({ headcount: 2 ** 53 - 1 });
    expect(tooMany.status).toBe(400);
    expect((await isProblem(tooMany)).errors?.[0]?.path).toBe('headcount');
    expect((await enterprise({ strictEquipmentCount: 1e15 })).status).toBe(400);
  });

  it('__proto__, prototype and constructor in answers or findings are refused as unknown items', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const patch = await api.call('PATCH', '/v1/enterprises/ent-a/assessments/asmt-a', {
        as: callers.enterpriseA,
        headers: { 'If-Match': '"1"' },
        body: `{"answers":{"${key}":{"value":"compliant"}}}`,
      });
      expect(patch.status, key).toBe(400);
      expect((await isProblem(patch)).errors?.map((error) => error.path)).toContain(`answers.${key}`);
      const inspection = await api.call('POST', '/v1/enterprises/ent-a/inspections', {
        as: callers.inspector,
        body: `{"conductedOn":"2026-11-20","templateId":"osh-self-inspection","templateVersion":1,"findings":{"${key}":"compliant"}}`,
      });
      expect(inspection.status, key).toBe(400);
      expect((await isProblem(inspection)).errors?.map((error) => error.path)).toContain(`findings.${key}`);
    }
  });

  it('a route that validates a JSON body without reading it through jsonContent does not start', () => {
    const careless = new Hono<AppEnv>().post('/v1/careless', valid('json', createZoneLike), (c) =>
      c.json({}),
    );
    expect(() => createApp(api.deps, { routes: [], extraRoutes: [careless] })).toThrow(/without jsonContent/);
    const careful = new Hono<AppEnv>().post('/v1/careful', jsonContent, valid('json', createZoneLike), (c) =>
      c.json({}),
    );
    expect(() => createApp(api.deps, { routes: [], extraRoutes: [careful] })).not.toThrow();
  });
});

const createZoneLike = v.strictObject({ code: v.string() });

describe('cursors', () => {
  const list = (query: string, as: TokenRequest = callers.managerA) =>
    api.call('GET', `/v1/enterprises/ent-a/accidents${query}`, { as });

  it('are opaque and signed: the next page opens with one, a tampered one is a 400', async () => {
    const first = (await (await list('?limit=2')).json()) as { nextCursor: string; items: unknown[] };
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { items: unknown[] }).items).toHaveLength(1);
    const [payload, mac] = first.nextCursor.split('.') as [string, string];
    const flipped = `${payload.slice(0, 5)}${payload[5] === 'A' ? 'B' : 'A'}${payload.slice(6)}.${mac}`;
    for (const forged of [
      flipped,
      `${payload}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`,
      payload,
      `${payload}.${mac}.x`,
      // What the data layer used to hand out: a bare key, with a number where a string is due.
      encodeCursor({ pk: 'ENT#ent-a', sk: 7 }) as string,
      'x',
    ]) {
      const response = await list(`?cursor=${forged}`);
      expect(response.status, forged).toBe(400);
      expect((await isProblem(response)).errors?.[0]?.path).toBe('cursor');
    }
  });

  it('are bound to their list and their caller', async () => {
    const { nextCursor } = (await (await list('?limit=1')).json()) as { nextCursor: string };
    // Another firm's list, another kind of list, another caller with the same firm in scope.
    expect(
      (
        await api.call('GET', `/v1/enterprises/ent-b/accidents?cursor=${nextCursor}`, {
          as: callers.authority,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.call('GET', `/v1/enterprises/ent-a/inspections?cursor=${nextCursor}`, {
          as: callers.managerA,
        })
      ).status,
    ).toBe(400);
    expect((await list(`?cursor=${nextCursor}`, callers.authority)).status).toBe(400);
    expect((await list(`?cursor=${nextCursor}`)).status).toBe(200);
  });

  it('expire after a day', async () => {
    const { nextCursor } = (await (await list('?limit=1')).json()) as { nextCursor: string };
    const issued = clock;
    try {
      clock = new Date(issued.getTime() + (CURSOR_TTL_SECONDS - 60) * 1000);
      expect((await list(`?cursor=${nextCursor}`)).status).toBe(200);
      clock = new Date(issued.getTime() + (CURSOR_TTL_SECONDS + 60) * 1000);
      const expired = await list(`?cursor=${nextCursor}`);
      expect(expired.status).toBe(400);
      expect(JSON.stringify(await expired.json())).toContain('expired');
    } finally {
      clock = issued;
    }
  });
});

describe('request ids and the error map', () => {
  const failing = new Hono<AppEnv>().get('/v1/test/fail/:kind', (c) => {
    const kind = c.req.param('kind');
    if (kind === 'storage') throw new StorageOperationError('get', 'S3 said no');
    if (kind === 'slowdown')
      throw Object.assign(new Error('Please reduce your request rate.'), { name: 'SlowDown' });
    if (kind === 'http503')
      throw Object.assign(new Error('x'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } });
    if (kind === 'refused') {
      throw new Error('wrapped', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    }
    throw new Error('secret internals');
  });
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp(api.deps, { routes: allRoutes(), extraRoutes: [failing] });
  });

  it('storage and database failures a retry can get past are 503 with Retry-After', async () => {
    for (const kind of ['storage', 'slowdown', 'http503', 'refused']) {
      const response = await app.request(`/v1/test/fail/${kind}`);
      expect(response.status, kind).toBe(503);
      expect(response.headers.get('Retry-After'), kind).toBe('2');
      await isProblem(response);
    }
  });

  it('a 500 is a problem with the request id of its log line, never the error itself', async () => {
    const response = await app.request('/v1/test/fail/bug');
    expect(response.status).toBe(500);
    const body = await isProblem(response);
    expect(JSON.stringify(body)).not.toContain('secret internals');
    expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('X-Request-Id')).toBe(body.requestId);
  });

  it('takes API Gateway’s request id when there is one, and puts it in every problem', async () => {
    const response = await app.request(
      '/v1/nothing',
      {},
      { event: { requestContext: { requestId: 'Ab1-gw=' } } },
    );
    expect(response.status).toBe(404);
    expect((await isProblem(response)).requestId).toBe('Ab1-gw=');
  });
});
