import { accidentsContract } from './accidents';
import { actionsContract } from './actions';
import { assessmentsContract } from './assessments';
import { auditContract } from './audit';
import { dashboardsContract } from './dashboards';
import { enterprisesContract } from './enterprises';
import { evidenceContract } from './evidence';
import { healthContract } from './health';
import { inspectionsContract } from './inspections';
import { notificationsContract } from './notifications';
import { providersContract } from './providers';
import { reportsContract } from './reports';
import { reviewsContract } from './reviews';
import { targetsContract } from './targets';
import { templatesContract } from './templates';
import type { GroupContract } from './types';
import { usersContract } from './users';
import { zonesContract } from './zones';

export * from './types';

/**
 * Every route of the API, one group per resource group of `app.ts`. A new group adds a file beside this one and
 * ONE line here; a new route in an existing group adds one entry to its group's file.
 */
export const contract: GroupContract = {
  ...healthContract,
  ...zonesContract,
  ...enterprisesContract,
  ...templatesContract,
  ...assessmentsContract,
  ...evidenceContract,
  ...notificationsContract,
  ...accidentsContract,
  ...inspectionsContract,
  ...dashboardsContract,
  ...targetsContract,
  ...providersContract,
  ...reviewsContract,
  ...actionsContract,
  ...auditContract,
  ...usersContract,
  ...reportsContract,
};
