import { describe, expect, inject, it } from 'vitest';

const webUrl = inject('webUrl');

describe('the platform serves the built app beside the API', () => {
  it('answers the app at / and at its own routes, fresh each time', async () => {
    for (const path of ['/', '/zones/zone-tn1', '/enterprises/ent-001/assessments/x']) {
      const response = await fetch(`${webUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for good, and never a missing file', async () => {
    const html = await (await fetch(webUrl)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${webUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${webUrl}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('leaves /v1 to the API: an unknown route is still a problem+json 404', async () => {
    const response = await fetch(`${webUrl}/v1/no-such-route`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
