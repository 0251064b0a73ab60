import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './deps';
import { notFound } from './errors';
import { handleError, problemResponse } from './problem';

/** A resource group's routes: a function that builds its Hono sub-app (`zoneRoutes`, `evidenceRoutes`, …). */
export type RouteModule = () => Hono<AppEnv>;

/**
 * Builds the Hono app from the route modules it serves. A Lambda entry passes only its own module, so its bundle
 * carries only that group's code; the local platform passes them all (`allRoutes` in `./app`).
 * @example handle(createApp(createAwsDeps(), { routes: [zoneRoutes] }))
 */
export function createApp(
  deps: AppDeps,
  options: { routes: readonly RouteModule[]; extraRoutes?: readonly Hono<AppEnv>[] },
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  for (const extra of options.extraRoutes ?? []) app.route('/', extra);
  for (const routes of options.routes) app.route('/', routes());
  app.notFound((c) => problemResponse(c, notFound('route')));
  app.onError(handleError);
  return app;
}
