import { createApp, createAwsDeps } from '@antoan/api';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `docs` resource group: dependencies are built once per container. */
export const handler = handle(createApp(createAwsDeps(), { groups: ['docs'] }));
