import { createAwsDeps } from '@antoan/api/aws';
import { cognitoTokens } from '@antoan/api/aws-tokens';
import { createApp } from '@antoan/api/create-app';
import { inspectionRoutes } from '@antoan/api/routes/inspections';
import { createDbContext } from '@antoan/db';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `inspections` resource group: its own routes and the clients it uses, built on first use. */
export const handler = handle(
  createApp(createAwsDeps(process.env, { db: createDbContext, tokens: cognitoTokens }), {
    routes: [inspectionRoutes],
  }),
);
