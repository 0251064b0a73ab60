import { createAwsDeps, runReminders } from '@antoan/api';
import { vietnamDate } from '@antoan/domain';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';

const deps = createAwsDeps();
const logger = new Logger({ serviceName: 'reminders' });

/** EventBridge Scheduler, daily: expiring evidence and due or overdue self-inspections into the outbox. */
export const handler = middy(async () => {
  const run = await runReminders(deps, vietnamDate(deps.now()));
  logger.info('reminders written', { ...run });
  return run;
}).use(injectLambdaContext(logger));
