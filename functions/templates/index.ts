import { createAwsDeps } from '@antoan/api/aws';
import { cognitoTokens } from '@antoan/api/aws-tokens';
import { createApp } from '@antoan/api/create-app';
import { templateRoutes } from '@antoan/api/routes/templates';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `templates` resource group: its own routes and the clients it uses, built on first use. */
export const handler = handle(
  createApp(createAwsDeps(process.env, { tokens: cognitoTokens }), { routes: [templateRoutes] }),
);
