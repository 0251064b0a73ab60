import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from './create-app';
import type { AppDeps } from './deps';
import { DOCS_CSP, SCALAR_FILES, scalarFilePath } from './docs-page';
import { docsRoutes } from './routes/docs';

// The docs group reads no dependency.
const app = createApp({} as AppDeps, { routes: [docsRoutes] });

describe('the API reference page', () => {
  it('loads nothing from another origin and has no inline script or style, under a self-only CSP', async () => {
    const response = await app.request('/v1/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/);
    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toBe(DOCS_CSP);
    for (const directive of csp.split('; ')) {
      const [, ...sources] = directive.split(' ');
      for (const source of sources) expect(["'self'", "'none'", 'data:'], directive).toContain(source);
    }
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<style/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes]) => attributes?.trim())).toEqual(['src="/v1/docs/scalar.js"']);
    expect(scripts.every(([, , body]) => body?.trim() === '')).toBe(true);
    expect(html).toContain('href="/v1/docs/scalar.css"');
  });

  it('serves Scalar’s standalone bundle, then the call that mounts it on the contract, gzipped when asked', async () => {
    const standalone = await readFile(scalarFilePath(SCALAR_FILES.script));
    const plain = await app.request('/v1/docs/scalar.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    const text = Buffer.from(await plain.arrayBuffer());
    expect(text.subarray(0, standalone.length).equals(standalone)).toBe(true);
    expect(text.subarray(standalone.length).toString()).toContain(
      `Scalar.createApiReference('#app', {"url":"/v1/openapi.json","withDefaultFonts":false})`,
    );
    const zipped = await app.request('/v1/docs/scalar.js', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(zipped.headers.get('Content-Encoding')).toBe('gzip');
    expect(zipped.headers.get('Vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 2);
    expect(gunzipSync(bytes).equals(text)).toBe(true);
  });

  it('serves Scalar’s stylesheet', async () => {
    const response = await app.request('/v1/docs/scalar.css');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(
      Buffer.from(await response.arrayBuffer()).equals(await readFile(scalarFilePath(SCALAR_FILES.style))),
    ).toBe(true);
  });
});
