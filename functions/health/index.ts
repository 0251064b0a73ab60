import { createAwsDeps } from '@antoan/api/aws';
import { createApp } from '@antoan/api/create-app';
import { healthRoutes } from '@antoan/api/routes/health';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `health` resource group: its own routes and the clients it uses, built on first use. */
export const handler = handle(createApp(createAwsDeps(), { routes: [healthRoutes] }));
