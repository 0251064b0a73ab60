import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRoutes } from './app';
import type { GuardedRoute } from './guard';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, type TokenRequest } from './local-issuer';
import {
  callers,
  createTestApi,
  putEvidenceRecord,
  seededAt,
  seedTwoFirms,
  type TestApi,
} from './test-support';

/**
 * Fuzzing every route the app serves (enumerated from the app, so routes added later are covered): hostile path
 * ids, query strings, bodies and headers, with valid tokens of every role and invalid ones. Whatever comes in:
 * no 5xx, a problem+json body on every error, and a refused request leaves the table exactly as it was.
 */

const SEED = 20_261_130;
// Bodies that pass reach the database and the scoring; the other classes are refused early and cost little.
const RUNS = { pathIds: 1300, queries: 1400, bodies: 600, headers: 1000 };

let api: TestApi;
const _at = seededAt;

/** Tokens by kind: every role, plus tokens that must all be refused. */
const tokens = new Map<string, string | undefined>();
/** Cursors issued by real lists, to be replayed on other lists and by other callers. */
const cursorPool: string[] = [];
/** Status counts per class of input, printed at the end (the issue's closing note lists them). */
const tally = new Map<string, Map<number, number>>();
let requests = 0;

const roles: Record<string, TokenRequest> = callers;

beforeAll(async () => {
  api = await createTestApi({ now: () => new Date('2026-11-28T03:00:00Z') });
  api.db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (/Put|Update|Delete|TransactWrite|BatchWrite/.test(context.commandName ?? '')) {
        // The table as it was before this request's first write (reads change nothing).
        if (writes === writesAtStart) snapshot ??= await tableChecksum();
        writes++;
      }
      return next(args);
    },
    { step: 'initialize', name: 'countWrites' },
  );
  await seedTwoFirms(api.db, { draftPeriod: '2026' });
  await putEvidenceRecord(api.db, {
    enterpriseId: 'ent-a',
    id: 'ev-a',
    kind: 'osh_plan',
    issuedOn: '2026-01-02',
  });
  for (const [name, request] of Object.entries(roles)) tokens.set(name, await api.token(request));
  tokens.set('none', undefined);
  tokens.set('garbage', 'not.a.token');
  const [header, payload] = (tokens.get('authority') as string).split('.') as [string, string];
  tokens.set('tampered-claims', `${header}.${payload.slice(0, -2)}xx.${'A'.repeat(43)}`);
  const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  tokens.set('alg-none', `${none}.${payload}.`);
  // Signed by a key the API does not trust, with every claim otherwise right.
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = (await exportJWK(publicKey)).n?.slice(0, 8) ?? 'x';
  tokens.set(
    'foreign-key',
    await new SignJWT({ 'cognito:groups': ['authority'], token_use: 'id' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject('intruder')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey),
  );
  for (const [path, as] of [
    ['/v1/zones?limit=1', 'authority'],
    ['/v1/enterprises/ent-a/assessments?limit=1', 'enterpriseA'],
    ['/v1/enterprises/ent-a/evidence?limit=1', 'managerA'],
    ['/v1/zones/zone-a/enterprises?period=2026&limit=1', 'inspector'],
  ] as const) {
    const response = await api.call('GET', path, { token: tokens.get(as) as string });
    const { nextCursor } = (await response.json()) as { nextCursor?: string | null };
    if (typeof nextCursor === 'string') cursorPool.push(nextCursor);
  }
  cursorPool.push('x', 'eyJwayI6IlpPTkVTIiwic2siOjF9', `${'A'.repeat(40)}.${'B'.repeat(43)}`);
}, 60_000);

afterAll(() => {
  const lines = [...tally.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, statuses]) => {
      const counts = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
      return `${kind.padEnd(34)} ${counts.join(' ')}`;
    });
  console.log(`fuzz: ${requests} requests\n${lines.join('\n')}`);
});

/** Every item of the table in a canonical order, hashed: equal before and after a refused request. */
async function tableChecksum(): Promise<{ count: number; sha256: string }> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await api.db.doc.send(
      new ScanCommand({ TableName: api.db.tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value instanceof Set
        ? [...value].sort()
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.keys(value)
                .sort()
                .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
            )
          : value;
  const lines = items.map((item) => JSON.stringify(canonical(item))).sort();
  return { count: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

let snapshot: { count: number; sha256: string } | undefined;
/** Write commands the app sent to the table; a request that sent none cannot have changed it. */
let writes = 0;
/** `writes` when the current request started. */
let writesAtStart = 0;

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The status the request must get, when the class of input has one answer whatever the route and caller. */
  status?: number;
}

/** Sends one request and checks the three promises; records its status under its class. */
async function check(request: FuzzRequest): Promise<void> {
  writesAtStart = writes;
  const response = await api.app.request(request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  requests++;
  const statuses = tally.get(request.kind) ?? new Map<number, number>();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  tally.set(request.kind, statuses);
  const label = `${request.kind}: ${request.method} ${request.path.slice(0, 300)} → ${response.status}`;
  expect(response.status, label).toBeLessThan(500);
  if (request.status !== undefined) expect(response.status, label).toBe(request.status);
  const text = await response.text();
  let verdict = false;
  if (response.status >= 400) {
    const type = response.headers.get('Content-Type') ?? '';
    const body = JSON.parse(text) as { status?: unknown; requestId?: unknown };
    // The one 4xx that is a verdict, not a problem: a confirmed upload that failed verification (api.md).
    verdict = response.status === 422 && body.status === 'rejected';
    if (!verdict) {
      expect(type, label).toBe('application/problem+json; charset=utf-8');
      expect(body.status, label).toBe(response.status);
      expect(typeof body.requestId, label).toBe('string');
    }
  }
  // The table is compared whenever a refused request sent a write (an idempotency claim released on failure,
  // say); the snapshot was taken just before its first write. After an accepted write it is taken again lazily.
  if (writes === writesAtStart) return;
  if (response.status >= 400 && !verdict) {
    expect(await tableChecksum(), `${label}: the table changed`).toEqual(snapshot);
  }
  snapshot = undefined;
}

const routes = () => appRoutes();
const validId: Record<string, string[]> = {
  eid: ['ent-a', 'ent-b', 'ent-none'],
  aid: ['asmt-a', 'asmt-none'],
  vid: ['ev-a', 'ev-none'],
  zid: ['zone-a', 'zone-b', 'zone-none'],
  tid: ['osh-self-inspection', 'none'],
  ver: ['1', '2'],
  year: ['2026'],
};

/** Path segments an attacker would try, percent-encoded as they would travel. */
const hostileSegment = fc.oneof(
  fc.constant({ kind: 'id over the key limits', value: 'a'.repeat(1500) }),
  fc.constant({ kind: 'id over the key limits', value: 'ENT%23'.repeat(400) }),
  fc.constantFrom(
    { kind: 'id with key syntax', value: 'ent-a%23SK' },
    { kind: 'id with key syntax', value: 'ZONE%23zone-a' },
    { kind: 'id traversal/encoded slash', value: '..%2F..%2Fzones' },
    { kind: 'id traversal/encoded slash', value: '%2e%2e' },
    { kind: 'id invalid UTF-8', value: '%ED%A0%80' },
    { kind: 'id invalid UTF-8', value: '%FF%FE' },
    { kind: 'id control characters', value: 'a%00b' },
    { kind: 'id control characters', value: '%0D%0ASet-Cookie:x' },
    { kind: 'id other tenant/missing', value: 'ent-b' },
    { kind: 'id other tenant/missing', value: 'zone-b' },
  ),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 80 })
    .map((text) => ({ kind: 'id random Unicode', value: encodeLoosely(text) })),
  fc
    .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 70 })
    .map((text) => ({ kind: 'id random ASCII', value: encodeLoosely(text) })),
);

/** `encodeURIComponent`, or for a lone surrogate (which it refuses) the bytes a careless client would send. */
function encodeLoosely(text: string): string {
  try {
    return encodeURIComponent(text) || '-';
  } catch {
    return [...text]
      .map((char) => {
        try {
          return encodeURIComponent(char);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

const tokenKind = fc.constantFrom(
  ...[...Object.keys(callers), 'none', 'garbage', 'tampered-claims', 'alg-none', 'foreign-key'],
);
const withToken = (kind: string, headers: Record<string, string> = {}) => {
  const token = tokens.get(kind);
  return token === undefined ? headers : { ...headers, Authorization: `Bearer ${token}` };
};

/** A body each known route accepts, to mutate; a route added later gets random objects until listed here. */
const validBodies: Record<string, () => Record<string, unknown>> = {
  'POST /v1/zones': () => ({ code: 'ZF1', name: 'Fuzz zone' }),
  'POST /v1/enterprises': () => ({
    taxCode: '1800000999',
    name: 'Fuzz firm',
    zoneId: 'zone-a',
    sectorCode: 'F41',
    headcount: 3,
    workforce: { women: 1, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
    strictEquipmentCount: 2,
  }),
  'POST /v1/enterprises/:eid/assessments': () => ({ templateId: 'osh-self-inspection', period: '2025' }),
  'PATCH /v1/enterprises/:eid/assessments/:aid': () => ({
    answers: { 'I-1-1': { value: 'compliant', note: 'ok', evidenceIds: ['ev-a'] } },
  }),
  'POST /v1/enterprises/:eid/evidence': () => ({
    kind: 'osh_plan',
    fileName: 'ke-hoach.pdf',
    contentType: 'application/pdf',
    size: 1000,
    sha256: 'b'.repeat(64),
    issuedOn: '2026-01-02',
    workersCovered: 3,
  }),
  'POST /v1/enterprises/:eid/accidents': () => ({
    occurredAt: '2026-11-20T08:00:00+07:00',
    severity: 'minor',
    victims: 1,
    fatalities: 0,
    cause: 'Trượt ngã',
    description: 'Trượt ngã ở kho.',
  }),
  'POST /v1/enterprises/:eid/inspections': () => ({
    conductedOn: '2026-11-20',
    templateId: 'osh-self-inspection',
    templateVersion: 1,
    findings: { 'I-1-1': 'compliant' },
    notes: 'ok',
  }),
};

/** Values that have broken APIs: huge and odd numbers, lone surrogates, key syntax, prototype names, nesting. */
const hostileValue: fc.Arbitrary<{ kind: string; value: unknown }> = fc.oneof(
  fc
    .constantFrom(2 ** 53, 2 ** 53 + 2, 1e21, 1e308, -1, -0, 0.5, Number.MAX_SAFE_INTEGER, 10_001, 1_000_001)
    .map((value) => ({ kind: 'body number out of range/odd', value })),
  fc.integer().map((value) => ({ kind: 'body random integer', value })),
  fc.double().map((value) => ({ kind: 'body random double', value: Number.isFinite(value) ? value : null })),
  fc.constantFrom('\ud800', 'a\udc00b', '\udbff').map((value) => ({ kind: 'body lone surrogate', value })),
  fc
    .string({ unit: 'binary', maxLength: 300 })
    .map((value) => ({ kind: 'body random Unicode string', value })),
  fc
    .constantFrom(
      'ENT#ent-b',
      'x'.repeat(5000),
      '',
      ' ',
      '\u0000',
      '<script>',
      'C10',
      '2026-02-30',
      '0000-01-01',
      '9999-12-31',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59+14:00',
      '0000',
      '9999-H2',
    )
    .map((value) => ({ kind: 'body odd string', value })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({ kind: 'body random JSON value', value })),
  fc
    .constantFrom('__proto__', 'constructor', 'prototype', 'I-99-99', 'a'.repeat(65))
    .map((key) => ({ kind: 'body prototype/unknown record key', value: { [key]: 'compliant' } })),
);

describe('fuzz: every route, hostile input', () => {
  it('path ids: no 5xx, problems, nothing written', async () => {
    const all = routes().filter((route) => route.params.length > 0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all),
        fc.nat(),
        hostileSegment,
        tokenKind,
        async (route: GuardedRoute, which, segment, token) => {
          const bad = which % route.params.length;
          let index = -1;
          const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
            index++;
            return index === bad ? segment.value : (validId[name]?.[0] ?? 'x');
          });
          const body = validBodies[`${route.method} ${route.path}`];
          await check({
            kind: segment.kind,
            method: route.method,
            path,
            headers: withToken(token, { 'Content-Type': 'application/json', 'If-Match': '"1"' }),
            ...(route.method === 'GET' ? {} : { body: JSON.stringify(body?.() ?? {}) }),
          });
        },
      ),
      { seed: SEED, numRuns: RUNS.pathIds, endOnFailure: true },
    );
  }, 300_000);

  it('query strings and cursors: no 5xx, problems, nothing written', async () => {
    const names = [
      'q',
      'limit',
      'cursor',
      'period',
      'order',
      'sort',
      'zoneId',
      'sectorCode',
      'expiringWithinDays',
    ];
    const param = fc.oneof(
      fc
        .tuple(fc.constantFrom(...names), fc.string({ unit: 'binary', maxLength: 40 }))
        .map(([name, value]) => ({
          kind: `query ${name}=random`,
          pair: `${name}=${encodeLoosely(value)}`,
        })),
      fc
        .constantFrom(...cursorPool)
        .map((cursor) => ({ kind: 'query cursor replayed/foreign', pair: `cursor=${cursor}` })),
      fc.constantFrom(...cursorPool).map((cursor) => ({
        kind: 'query cursor tampered',
        pair: `cursor=${cursor.slice(0, -3)}${cursor.endsWith('A') ? 'B' : 'A'}${cursor.slice(-2)}`,
      })),
      fc
        .constantFrom('0', '201', '-1', '1e3', '99999999999999999999', '', '1.5')
        .map((value) => ({ kind: 'query limit out of range', pair: `limit=${value}` })),
      fc
        .constantFrom('2026', '2026-H1', '2026-Q1', '0000', '0000-H1', '9999-H2', '9999', '2026-H3')
        .map((value) => ({ kind: 'query period', pair: `period=${value}` })),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).map((name) => ({
        kind: 'query unknown parameter',
        pair: `${encodeLoosely(name)}=1`,
      })),
      fc
        .constantFrom('limit=1&limit=2', 'period=2026&period=2025', '%ZZ=1', 'a=%ED%A0%80', '=', '&&')
        .map((pair) => ({
          kind: 'query repeated/malformed',
          pair,
        })),
      // A name or value that does not percent-decode as UTF-8 or holds a control character: 400 before any route.
      fc
        .oneof(
          fc.tuple(
            fc.constantFrom(...names),
            fc.constantFrom('%FF', '%C3', '%ED%A0%80', '%F4%90%80%80', 'a%00b', '%0D%0A', '%7F', '%C2%9B'),
          ),
          fc.tuple(fc.constantFrom('%FF', 'a%00', '%E9'), fc.constantFrom('1', '')),
        )
        .map(([name, value]) => ({ kind: 'query undecodable', pair: `${name}=${value}`, status: 400 })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes()),
        fc.array(param, { minLength: 1, maxLength: 4 }),
        tokenKind,
        async (route, params, token) => {
          let index = 0;
          const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
            const options = validId[name] ?? ['x'];
            return options[index++ % options.length] as string;
          });
          const body = validBodies[`${route.method} ${route.path}`];
          const undecodable = params.some((p) => 'status' in p);
          await check({
            kind: params.length === 1 ? (params[0]?.kind as string) : 'query several at once',
            ...(undecodable ? { status: 400 } : {}),
            method: route.method,
            path: `${path}?${params.map((p) => p.pair).join('&')}`,
            headers: withToken(token, { 'Content-Type': 'application/json', 'If-Match': '"1"' }),
            ...(route.method === 'GET' ? {} : { body: JSON.stringify(body?.() ?? {}) }),
          });
        },
      ),
      { seed: SEED, numRuns: RUNS.queries, endOnFailure: true },
    );
  }, 300_000);

  it('bodies: no 5xx, problems, nothing written', async () => {
    const bodyRoutes = routes().filter((route) => route.method !== 'GET');
    const fieldNames = [
      ...new Set(Object.values(validBodies).flatMap((make) => Object.keys(make()))),
      'extra',
      '__proto__',
    ];
    const body = fc.oneof(
      // A valid body with one field replaced by a hostile value (or an unknown one added).
      fc.tuple(fc.constantFrom(...fieldNames), hostileValue).map(([field, hostile]) => ({
        kind: hostile.kind,
        make: (base: Record<string, unknown>) => JSON.stringify({ ...base, [field]: hostile.value }),
      })),
      // The same inside a record: answers and findings keyed by hostile item ids.
      fc
        .tuple(
          fc.constantFrom('__proto__', 'constructor', 'prototype', 'I-1-1', 'x'.repeat(70)),
          hostileValue,
        )
        .map(([key, hostile]) => ({
          kind: 'body hostile record key',
          make: (base: Record<string, unknown>) =>
            JSON.stringify(base)
              .replace('"I-1-1"', JSON.stringify(key))
              .replace(/"compliant"/, JSON.stringify(hostile.value) ?? 'null'),
        })),
      fc
        .jsonValue({ maxDepth: 4 })
        .map((value) => ({ kind: 'body random JSON document', make: () => JSON.stringify(value) })),
      fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({
        kind: 'body random bytes (mostly not UTF-8)',
        make: () => bytes,
      })),
      fc
        .constantFrom(
          new Uint8Array([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
          new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
          new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
        )
        .map((bytes) => ({ kind: 'body invalid UTF-8 / BOM', make: () => bytes })),
      fc
        .constantFrom(
          '{"a":1e400}',
          '{"a":-1e400}',
          `${'['.repeat(5000)}${']'.repeat(5000)}`,
          '{"a":1,"a":2}',
          '',
          'null',
          '[]',
          '"x"',
          '{',
        )
        .map((text) => ({ kind: 'body malformed/extreme JSON', make: () => text })),
      fc.constant({ kind: 'body valid', make: (base: Record<string, unknown>) => JSON.stringify(base) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes), body, tokenKind, async (route, mutation, token) => {
        let index = 0;
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
          const options = validId[name] ?? ['x'];
          return options[index++ % 1] as string;
        });
        const base = validBodies[`${route.method} ${route.path}`]?.() ?? { field: 'value' };
        // The role that may use the route, most of the time, so bodies get past the role gate.
        const owner =
          route.method === 'POST' && route.path === '/v1/enterprises/:eid/inspections' ? 'inspector' : token;
        await check({
          kind: mutation.kind,
          method: route.method,
          path,
          headers: withToken(
            route.path.startsWith('/v1/enterprises/:eid') && route.path !== '/v1/enterprises/:eid/inspections'
              ? 'enterpriseA'
              : route.path === '/v1/zones' || route.path === '/v1/enterprises'
                ? 'authority'
                : owner,
            { 'Content-Type': 'application/json', 'If-Match': '"1"' },
          ),
          body: mutation.make(base),
        });
      }),
      { seed: SEED, numRuns: RUNS.bodies, endOnFailure: true },
    );
  }, 300_000);

  it('headers and tokens: no 5xx, problems, nothing written', async () => {
    const header = fc.oneof(
      fc
        .constantFrom(
          'text/plain',
          'application/json; charset=latin1',
          'application/jsonx',
          '',
          'multipart/form-data; boundary=x',
        )
        .map((value) => ({ kind: 'header odd Content-Type', name: 'Content-Type', value })),
      fc
        .constantFrom('"1"', '"999999999999"', '*', 'W/"1"', '"-1"', 'x'.repeat(500))
        .map((value) => ({ kind: 'header odd If-Match', name: 'If-Match', value })),
      fc
        .oneof(
          fc.constantFrom('short', 'x'.repeat(129), 'ok-key-12345', 'ok:key.12345'),
          fc.string({ unit: 'grapheme-ascii', maxLength: 140 }),
        )
        .map((value) => ({ kind: 'header odd Idempotency-Key', name: 'Idempotency-Key', value })),
      fc
        .constantFrom(
          'Basic YTpi',
          'Bearer',
          'Bearer ',
          `Bearer ${'a'.repeat(5000)}`,
          'bearer x.y.z',
          'Bearer a.b.c d',
        )
        .map((value) => ({ kind: 'header odd Authorization', name: 'Authorization', value })),
      fc
        .constantFrom('X-Request-Id', 'X-Forwarded-For', 'Content-Length', 'Transfer-Encoding')
        .map((name) => ({
          kind: 'header spoofed/hop-by-hop',
          name,
          value: name === 'Content-Length' ? '3' : 'x',
        })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes()),
        tokenKind,
        fc.array(header, { maxLength: 3 }),
        async (route, token, extra) => {
          let index = 0;
          const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
            const options = validId[name] ?? ['x'];
            return options[index++ % 1] as string;
          });
          const headers = withToken(token, { 'Content-Type': 'application/json' });
          for (const { name, value } of extra) {
            if (name === 'Content-Length' || name === 'Transfer-Encoding') continue; // set by the client, not the app
            headers[name] = value;
          }
          const body = validBodies[`${route.method} ${route.path}`];
          await check({
            kind: extra.length === 0 ? `token ${token}` : (extra[0]?.kind as string),
            method: route.method,
            path,
            headers,
            ...(route.method === 'GET' ? {} : { body: JSON.stringify(body?.() ?? {}) }),
          });
        },
      ),
      { seed: SEED, numRuns: RUNS.headers, endOnFailure: true },
    );
  }, 300_000);
});
