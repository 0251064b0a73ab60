import type { Hono } from 'hono';
import type { RouteModule } from './create-app';
import type { AppEnv } from './deps';
import { type GuardedRoute, guardedRoutes } from './guard';
import { accidentRoutes } from './routes/accidents';
import { actionRoutes } from './routes/actions';
import { assessmentRoutes } from './routes/assessments';
import { auditRoutes } from './routes/audit';
import { dashboardRoutes } from './routes/dashboards';
import { docsRoutes } from './routes/docs';
import { enterpriseRoutes } from './routes/enterprises';
import { evidenceRoutes } from './routes/evidence';
import { evidenceConfirmationRoutes } from './routes/evidence-confirmations';
import { evidenceReviewRoutes } from './routes/evidence-reviews';
import { healthRoutes } from './routes/health';
import { inspectionPhotoRoutes } from './routes/inspection-photos';
import { inspectionRoutes } from './routes/inspections';
import { notificationRoutes } from './routes/notifications';
import { providerRoutes } from './routes/providers';
import { reportRoutes } from './routes/reports';
import { submissionRoutes } from './routes/submissions';
import { targetRoutes } from './routes/targets';
import { templateRoutes } from './routes/templates';
import { userRoutes } from './routes/users';
import { zoneRoutes } from './routes/zones';

/**
 * The registry of the API's resource groups: infra makes one Lambda function and its routes per group, and the
 * local platform serves them all. A Lambda entry does NOT import this file: it imports its own route module and
 * `createApp` from `./create-app`, so its bundle holds its group only.
 */
export const resourceGroups = {
  health: healthRoutes,
  zones: zoneRoutes,
  enterprises: enterpriseRoutes,
  templates: templateRoutes,
  assessments: assessmentRoutes,
  submissions: submissionRoutes,
  evidence: evidenceRoutes,
  confirmations: evidenceConfirmationRoutes,
  notifications: notificationRoutes,
  accidents: accidentRoutes,
  inspections: inspectionRoutes,
  'inspection-photos': inspectionPhotoRoutes,
  dashboards: dashboardRoutes,
  targets: targetRoutes,
  providers: providerRoutes,
  reviews: evidenceReviewRoutes,
  actions: actionRoutes,
  audit: auditRoutes,
  users: userRoutes,
  reports: reportRoutes,
  docs: docsRoutes,
} as const;
export type ResourceGroup = keyof typeof resourceGroups;

/** Every group's routes, for the one process that serves them all (the local platform, tests). */
export const allRoutes = (): RouteModule[] => Object.values(resourceGroups);

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
