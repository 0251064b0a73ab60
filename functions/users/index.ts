import { createAwsDeps } from '@antoan/api/aws';
import { cognitoTokens } from '@antoan/api/aws-tokens';
import { cognitoUsers } from '@antoan/api/aws-users';
import { createApp } from '@antoan/api/create-app';
import { userRoutes } from '@antoan/api/routes/users';
import { createDbContext } from '@antoan/db';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `users` resource group: its routes, the table, and Cognito's admin API for the pool's users. */
export const handler = handle(
  createApp(createAwsDeps(process.env, { db: createDbContext, tokens: cognitoTokens, users: cognitoUsers }), {
    routes: [userRoutes],
  }),
);
