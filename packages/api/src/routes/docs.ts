import { Hono } from 'hono';
import type { AppEnv } from '../deps';
import { docsPage, scalarScript, scalarStyle } from '../docs-page';
import { type OpenApiDocument, openApiDocument } from '../openapi';

let document: OpenApiDocument | undefined;

/**
 * The contract, generated from the Valibot schemas: `GET /v1/openapi.json` (OpenAPI 3.1) and `GET /v1/docs`, the
 * reference rendered by Scalar. Both are public, like `GET /v1/health`. The reference page loads Scalar's script and
 * stylesheet from here too (`docs-page.ts`), no CDN.
 */
export const docsRoutes = () =>
  new Hono<AppEnv>()
    .get('/v1/openapi.json', (c) => {
      document ??= openApiDocument();
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(document);
    })
    .get('/v1/docs', docsPage)
    .get('/v1/docs/scalar.js', scalarScript)
    .get('/v1/docs/scalar.css', scalarStyle);
