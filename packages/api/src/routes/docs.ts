import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import type { AppEnv } from '../deps';
import { type OpenApiDocument, openApiDocument } from '../openapi';

let document: OpenApiDocument | undefined;

/**
 * The contract, generated from the Valibot schemas: `GET /v1/openapi.json` (OpenAPI 3.1) and `GET /v1/docs`, the
 * reference rendered by Scalar. Both are public, like `GET /v1/health`. The reference page loads Scalar's script
 * from its CDN (jsDelivr); the document itself is served from here.
 */
export const docsRoutes = () =>
  new Hono<AppEnv>()
    .get('/v1/openapi.json', (c) => {
      document ??= openApiDocument();
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(document);
    })
    .get('/v1/docs', Scalar({ url: '/v1/openapi.json', pageTitle: 'antoan API' }));
