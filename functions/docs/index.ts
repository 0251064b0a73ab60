import { createAwsDeps } from '@antoan/api/aws';
import { createApp } from '@antoan/api/create-app';
import { docsRoutes } from '@antoan/api/routes/docs';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `docs` resource group: the contract, built from the schemas; it uses no AWS client. */
export const handler = handle(createApp(createAwsDeps(), { routes: [docsRoutes] }));
