import { createAwsDeps } from '@antoan/api/aws';
import { readAwsConfig } from '@antoan/api/config';
import { sesDelivery } from '@antoan/api/email';
import { runDailyJobs } from '@antoan/api/jobs/daily';
import { createDbContext } from '@antoan/db';
import { vietnamDate } from '@antoan/domain';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';

const deps = createAwsDeps(process.env, { db: createDbContext });
const logger = new Logger({ serviceName: 'reminders' });
const { notifyFrom } = readAwsConfig();
const deliver = notifyFrom ? sesDelivery(new SESv2Client({}), notifyFrom) : undefined;

/** EventBridge Scheduler, daily: reminders (outbox and e-mail), priorities for expired proof, target re-rank. */
export const handler = middy(async () => {
  const run = await runDailyJobs(deps, vietnamDate(deps.now()), deliver);
  logger.info('daily jobs done', { ...run });
  return run;
}).use(injectLambdaContext(logger));
