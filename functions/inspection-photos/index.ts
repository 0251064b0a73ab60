import { createAwsDeps } from '@antoan/api/aws';
import { s3EvidenceStore } from '@antoan/api/aws-evidence';
import { cognitoTokens } from '@antoan/api/aws-tokens';
import { createApp } from '@antoan/api/create-app';
import { inspectionPhotoRoutes } from '@antoan/api/routes/inspection-photos';
import { createDbContext } from '@antoan/db';
import { handle } from 'hono/aws-lambda';

/** Lambda entry for the `inspection-photos` resource group: its own routes and the clients it uses, built on first use. */
export const handler = handle(
  createApp(
    createAwsDeps(process.env, { db: createDbContext, evidence: s3EvidenceStore, tokens: cognitoTokens }),
    { routes: [inspectionPhotoRoutes] },
  ),
);
