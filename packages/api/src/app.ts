import { Hono } from 'hono';
import { randomCursorKey } from './cursor';
import type { AppDeps, AppEnv, ResolvedDeps } from './deps';
import { notFound } from './errors';
import { type GuardedRoute, guardedRoutes, inputGuard } from './guard';
import { handleError, problemResponse } from './problem';
import { accidentRoutes } from './routes/accidents';
import { actionRoutes } from './routes/actions';
import { assessmentRoutes } from './routes/assessments';
import { auditRoutes } from './routes/audit';
import { dashboardRoutes } from './routes/dashboards';
import { docsRoutes } from './routes/docs';
import { enterpriseRoutes } from './routes/enterprises';
import { evidenceRoutes } from './routes/evidence';
import { healthRoutes } from './routes/health';
import { inspectionRoutes } from './routes/inspections';
import { notificationRoutes } from './routes/notifications';
import { targetRoutes } from './routes/targets';
import { templateRoutes } from './routes/templates';
import { zoneRoutes } from './routes/zones';

/** The API's resource groups. On AWS each group is one Lambda function; locally one process serves them all. */
export const resourceGroups = {
  health: healthRoutes,
  zones: zoneRoutes,
  enterprises: enterpriseRoutes,
  templates: templateRoutes,
  assessments: assessmentRoutes,
  evidence: evidenceRoutes,
  notifications: notificationRoutes,
  accidents: accidentRoutes,
  inspections: inspectionRoutes,
  dashboards: dashboardRoutes,
  targets: targetRoutes,
  actions: actionRoutes,
  audit: auditRoutes,
  docs: docsRoutes,
} as const;
export type ResourceGroup = keyof typeof resourceGroups;

/**
 * Builds the Hono app with the given groups (all by default).
 * @example handle(createApp(deps, { groups: ['zones'] }))
 */
export function createApp(
  deps: AppDeps,
  options: { groups?: readonly ResourceGroup[]; extraRoutes?: readonly Hono<AppEnv>[] } = {},
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const resolved: ResolvedDeps = { ...deps, cursorKey: deps.cursorKey ?? randomCursorKey() };
  const parts = [
    ...(options.extraRoutes ?? []),
    ...(options.groups ?? (Object.keys(resourceGroups) as ResourceGroup[])).map((group) =>
      resourceGroups[group](),
    ),
  ];
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

/**
 * Every route the API serves (all groups, plus `extraRoutes`), as the input guard sees them: method, path, its
 * `:param` names and whether it declares a query schema. Tests enumerate it, so a route added later is covered.
 */
export function appRoutes(extraRoutes: readonly Hono<AppEnv>[] = []): GuardedRoute[] {
  return guardedRoutes([...extraRoutes, ...Object.values(resourceGroups).map((group) => group())]);
}

/** The routes a group serves, as API Gateway spells them (`GET /v1/enterprises/{eid}`). */
export function routesOf(group: ResourceGroup): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  return resourceGroups[group]()
    .routes.filter((route) => route.method !== 'ALL')
    .map((route) => ({ method: route.method, path: route.path.replace(/:(\w+)/g, '{$1}') }))
    .filter((route) => {
      const id = `${route.method} ${route.path}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
}
