import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppEnv } from '@antoan/api';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

/** Where `pnpm --filter @antoan/web build` writes the web app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../web/dist', import.meta.url));

const isApiPath = (path: string) => path === '/v1' || path.startsWith('/v1/');
// A path whose last segment has no dot is one of the app's own routes (`/enterprises/ent-001`), not a file.
const isAppRoute = (path: string) => !(path.split('/').pop() ?? '').includes('.');

/**
 * Serves the built web app at `/`, after the API's routes: its files, and `index.html` for the app's own routes.
 * Paths under `/v1` are left to the API, so an unknown one still gets its problem+json 404. When the app is not
 * built, logs how to build it and serves the API alone.
 */
export function mountWebApp(app: Hono<AppEnv>, log: (line: string) => void, distDir = WEB_DIST_DIR): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    log('web app not built: run `pnpm --filter @antoan/web build` to serve it at /');
    return;
  }
  const files = serveStatic({ root: distDir });
  const index = serveStatic({ root: distDir, path: 'index.html' });
  app.get(
    '*',
    (c, next) => {
      if (isApiPath(c.req.path)) return next();
      // Built asset names carry a content hash, so they never change; everything else is fetched fresh.
      c.header(
        'Cache-Control',
        c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      return files(c, next);
    },
    (c, next) => {
      if (isApiPath(c.req.path) || !isAppRoute(c.req.path)) {
        // No such file: the 404 must not be cached like a built asset.
        c.header('Cache-Control', undefined);
        return next();
      }
      c.header('Cache-Control', 'no-cache');
      return index(c, next);
    },
  );
}
