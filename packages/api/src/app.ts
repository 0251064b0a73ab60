import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './deps';
import { notFound } from './errors';
import { handleError, problemResponse } from './problem';
import { accidentRoutes } from './routes/accidents';
import { assessmentRoutes } from './routes/assessments';
import { dashboardRoutes } from './routes/dashboards';
import { docsRoutes } from './routes/docs';
import { enterpriseRoutes } from './routes/enterprises';
import { evidenceRoutes } from './routes/evidence';
import { healthRoutes } from './routes/health';
import { inspectionRoutes } from './routes/inspections';
import { notificationRoutes } from './routes/notifications';
import { reportRoutes } from './routes/reports';
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
  reports: reportRoutes,
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
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  for (const extra of options.extraRoutes ?? []) app.route('/', extra);
  for (const group of options.groups ?? (Object.keys(resourceGroups) as ResourceGroup[])) {
    app.route('/', resourceGroups[group]());
  }
  app.notFound((c) => problemResponse(c, notFound('route')));
  app.onError(handleError);
  return app;
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
