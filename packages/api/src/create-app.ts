import { Hono } from 'hono';
import { randomCursorKey } from './cursor';
import type { AppDeps, AppEnv, ResolvedDeps } from './deps';
import { notFound } from './errors';
import { guardedRoutes, inputGuard } from './guard';
import { handleError, problemResponse } from './problem';

/** A resource group's routes: a function that builds its Hono sub-app (`zoneRoutes`, `evidenceRoutes`, …). */
export type RouteModule = () => Hono<AppEnv>;

/**
 * The dependencies routes see, with the optional ones settled. `deps` is neither changed nor spread: it is the
 * prototype of what routes see, so a Lambda's clients, built in getters on first use, stay unbuilt until a route
 * reads them (spreading would run every getter at init).
 */
export function resolveDeps(deps: AppDeps): ResolvedDeps {
  if (deps.cursorKey !== undefined) return deps as ResolvedDeps;
  return Object.create(deps, { cursorKey: { value: randomCursorKey(), enumerable: true } });
}

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
  const resolved = resolveDeps(deps);
  const parts = [...(options.extraRoutes ?? []), ...options.routes.map((routes) => routes())];
  // One guard for every route, present and future: ids in the path, undeclared query parameters, request id.
  app.use(inputGuard(guardedRoutes(parts)));
  app.use(async (c, next) => {
    c.set('deps', resolved);
    await next();
  });
  for (const part of parts) app.route('/', part);
  app.notFound((c) => problemResponse(c, notFound('route')));
  app.onError(handleError);
  return app;
}
