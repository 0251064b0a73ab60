import { createAwsDeps, readAwsConfig, runReminders } from '@antoan/api';
import { sesDelivery } from '@antoan/api/email';
import { vietnamDate } from '@antoan/domain';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';

const deps = createAwsDeps();
const logger = new Logger({ serviceName: 'reminders' });
const { notifyFrom } = readAwsConfig();
const deliver = notifyFrom ? sesDelivery(new SESv2Client({}), notifyFrom) : undefined;

/** EventBridge Scheduler, daily: expiring evidence and due or overdue self-inspections into the outbox, and e-mail. */
export const handler = middy(async () => {
  const run = await runReminders(deps, vietnamDate(deps.now()), deliver);
  logger.info('reminders written', { ...run });
  return run;
}).use(injectLambdaContext(logger));
