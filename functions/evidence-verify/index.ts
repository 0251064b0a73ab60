import { createAwsDeps } from '@antoan/api/aws';
import { s3EvidenceStore } from '@antoan/api/aws-evidence';
import { verifyUploadedObject } from '@antoan/api/evidence-confirmation';
import { createDbContext } from '@antoan/db';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';

const deps = createAwsDeps(process.env, { db: createDbContext, evidence: s3EvidenceStore });
const logger = new Logger({ serviceName: 'evidence-verify' });

/**
 * S3 ObjectCreated → the same server-side verification as `confirm`. A thrown error makes Lambda retry and
 * then send the event to the dead-letter queue, so no upload is left unverified silently.
 */
export const handler = middy(async (event: S3Event) => {
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    logger.info('verified uploaded object', { key, ...(await verifyUploadedObject(deps, key)) });
  }
}).use(injectLambdaContext(logger));
