import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';

/**
 * The API reference page (`GET /v1/docs`) with everything it loads served from here, no third-party CDN: Scalar's
 * standalone bundle and its stylesheet, from the pinned `@scalar/api-reference` package (beside the docs function's
 * bundle on AWS, infra/lib/api-stack.ts). No inline script or style, so the page runs under a CSP of `'self'` only,
 * the policy CloudFront puts on every response of the site.
 */

/** The two files of `@scalar/api-reference` the page loads, by the name they have beside the function bundle. */
export const SCALAR_FILES = { script: 'standalone.js', style: 'style.css' } as const;

/** Where a Scalar file is: in the installed package (tests, local platform), else beside the bundle (Lambda). */
export function scalarFilePath(file: (typeof SCALAR_FILES)[keyof typeof SCALAR_FILES]): string {
  try {
    const dist = dirname(createRequire(import.meta.url).resolve('@scalar/api-reference/style.css'));
    return file === SCALAR_FILES.style ? join(dist, file) : join(dist, 'browser', file);
  } catch {
    return fileURLToPath(new URL(file, import.meta.url));
  }
}

/** The page's policy: its own scripts, styles and the document, nothing else, and never framed. */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Scalar's settings: the contract from this API, the system fonts (no font CDN). */
const scalarConfiguration = { url: '/v1/openapi.json', withDefaultFonts: false };

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>antoan API</title>
    <link rel="stylesheet" href="/v1/docs/scalar.css" />
  </head>
  <body>
    <noscript>The reference needs JavaScript; the contract is at <a href="/v1/openapi.json">/v1/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script src="/v1/docs/scalar.js"></script>
  </body>
</html>
`;

/** A file's bytes, gzipped once per container (Scalar's bundle is 4.3 MB, about 1.2 MB gzipped). */
interface Asset {
  raw: Buffer;
  gzipped: Buffer;
}
const assets = new Map<string, Promise<Asset>>();

function assetOf(name: string, read: () => Promise<Buffer>): Promise<Asset> {
  let asset = assets.get(name);
  if (!asset) {
    asset = read().then(
      (raw) =>
        new Promise<Asset>((resolve, reject) =>
          gzip(raw, (error, gzipped) => (error ? reject(error) : resolve({ raw, gzipped }))),
        ),
    );
    asset.catch(() => assets.delete(name));
    assets.set(name, asset);
  }
  return asset;
}

/** Answers a static asset: gzipped when the client takes it, cached a day (the URL names no version). */
async function serveAsset(c: Context, asset: Asset, contentType: string): Promise<Response> {
  const gzipOk = /\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '');
  const body = gzipOk ? asset.gzipped : asset.raw;
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Cache-Control': 'public, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
  };
  if (gzipOk) headers['Content-Encoding'] = 'gzip';
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** `GET /v1/docs`: the page, with its policy. */
export const docsPage = (c: Context) => {
  c.header('Content-Security-Policy', DOCS_CSP);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(page);
};

/** `GET /v1/docs/scalar.js`: Scalar's standalone bundle, then the one call that mounts it on the page. */
export const scalarScript = async (c: Context) =>
  serveAsset(
    c,
    await assetOf('script', async () =>
      Buffer.concat([
        await readFile(scalarFilePath(SCALAR_FILES.script)),
        Buffer.from(`\n;Scalar.createApiReference('#app', ${JSON.stringify(scalarConfiguration)});\n`),
      ]),
    ),
    'text/javascript; charset=utf-8',
  );

/** `GET /v1/docs/scalar.css`: Scalar's stylesheet (the bundle's own injected copy is refused by the CSP). */
export const scalarStyle = async (c: Context) =>
  serveAsset(
    c,
    await assetOf('style', () => readFile(scalarFilePath(SCALAR_FILES.style))),
    'text/css; charset=utf-8',
  );
