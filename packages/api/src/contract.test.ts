import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { type ResourceGroup, resourceGroups, routesOf } from './app';
import { contract } from './contract';
import { contractKeyOf, contractViolations } from './contract-check';
import { createApp } from './create-app';
import type { AppDeps } from './deps';
import { openApiDocument, problemStatusesOf } from './openapi';
import { docsRoutes } from './routes/docs';

const served = (Object.keys(resourceGroups) as ResourceGroup[]).flatMap((group) =>
  routesOf(group).map((route) => `${route.method} ${route.path}`),
);
/** The document's own routes are served, not described. */
const undocumented = new Set([
  'GET /v1/openapi.json',
  'GET /v1/docs',
  'GET /v1/docs/scalar.js',
  'GET /v1/docs/scalar.css',
]);

describe('the contract', () => {
  it('has an entry for every route the app serves, and none for a route it does not serve', () => {
    const missing = served.filter((key) => !undocumented.has(key) && !(key in contract));
    expect(missing, 'add these routes to packages/api/src/contract/<group>.ts').toEqual([]);
    expect(Object.keys(contract).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = openApiDocument();
    // validate() dereferences in place: give it a copy.
    const parsed = await SwaggerParser.validate(structuredClone(document) as never);
    expect((parsed as { openapi: string }).openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).length).toBeGreaterThan(15);
  });

  it('documents a 2xx and the problem answers for every operation', () => {
    for (const [key, route] of Object.entries(contract)) {
      expect(
        Object.keys(route.responses).some((status) => status.startsWith('2')),
        key,
      ).toBe(true);
      expect(problemStatusesOf(route)).toEqual(expect.arrayContaining([500, 503]));
      if (!route.public) expect(problemStatusesOf(route)).toEqual(expect.arrayContaining([401, 403]));
    }
  });

  it('refuses a body that does not match, so the checks below can fail', async () => {
    const answer = (body: unknown, status = 200, type = 'application/json') =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
    expect(await contractViolations('GET', '/v1/health', answer({ status: 'ok' }))).toEqual([]);
    expect(await contractViolations('GET', '/v1/health', answer({ status: 'ok', extra: 1 }))).not.toEqual([]);
    expect(await contractViolations('GET', '/v1/health', answer({ status: 'ok' }, 418))).not.toEqual([]);
    expect(
      await contractViolations(
        'GET',
        '/v1/zones',
        answer({ items: [{ id: 'z', code: 'Z' }], nextCursor: null }),
      ),
    ).not.toEqual([]);
    expect(contractKeyOf('GET', '/v1/zones/zone-a/dashboard?period=2026')).toBe(
      'GET /v1/zones/{zid}/dashboard',
    );
    expect(contractKeyOf('GET', '/v1/nowhere')).toBeUndefined();
  });

  it('is served without a token at /v1/openapi.json, and rendered at /v1/docs', async () => {
    // The docs group reads no dependency: the document is built from the schemas alone.
    const app = createApp({} as AppDeps, { routes: [docsRoutes] });
    const response = await app.request('/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const docs = await app.request('/v1/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(await docs.text()).toContain('/v1/openapi.json');
  });
});
