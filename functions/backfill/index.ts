import { createAwsDeps } from '@antoan/api/aws';
import { runBackfill } from '@antoan/api/jobs/backfill';
import { createDbContext } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';

const { db } = createAwsDeps(process.env, { db: createDbContext });
const logger = new Logger({ serviceName: 'backfill' });

/**
 * Rebuilds counters and index entries from the records (idempotent). Invoked once after each deploy that
 * changes it (a CDK trigger), or by hand: `aws lambda invoke --function-name <BackfillFunctionName> out.json`.
 */
export const handler = middy(async () => {
  const run = await runBackfill({ db }, { today: vietnamDate(new Date()) });
  logger.info('backfill done', { ...run });
  return run;
}).use(injectLambdaContext(logger));
