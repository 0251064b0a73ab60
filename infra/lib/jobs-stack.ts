import { CfnOutput, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Bucket, EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { InvocationType, Trigger } from 'aws-cdk-lib/triggers';
import { Construct } from 'constructs';
import { AntoanFunction, type FunctionBucket, type FunctionTable } from './antoan-function';
import { evidenceKeyPrefixes } from './evidence-keys';
import { wildcardResourceFinding } from './nag';
import { alarmDeadLetterQueue, alarmFunction } from './ops';
import { functionEntry } from './paths';

export interface JobsStackProps extends StackProps {
  readonly table: FunctionTable;
  readonly evidenceBucket: FunctionBucket;
  /** createAwsDeps() reads the token settings at init, although these functions verify no token. */
  readonly auth: { readonly issuer: string; readonly audience: string };
  /** A sender verified in SES; when set, reminders are also e-mailed to each firm's contact address. */
  readonly notifyFrom?: string;
  /** Where the jobs' alarms (dead-letter queues, function errors and throttles) go. */
  readonly alarmTopic: ITopic;
}

/** Lambda retries a failed asynchronous invocation twice, then records it here. */
const asyncRetryAttempts = 2;

/**
 * The functions no HTTP route calls: `evidence-verify` on every upload (S3 ObjectCreated) and `reminders` once a
 * day (EventBridge Scheduler). Each has a dead-letter queue for invocations that still fail after retries.
 */
export class JobsStack extends Stack {
  readonly evidenceVerify: AntoanFunction;
  readonly reminders: AntoanFunction;
  readonly evidenceVerifyFailures: Queue;
  readonly reminderFailures: Queue;
  readonly backfill: AntoanFunction;

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);
    const { table, evidenceBucket, auth } = props;
    const environment = { JWT_ISSUER: auth.issuer, JWT_AUDIENCE: auth.audience };

    this.evidenceVerify = new AntoanFunction(this, 'EvidenceVerify', {
      entry: functionEntry('evidence-verify'),
      description: 'antoan: verify every uploaded evidence object (S3 ObjectCreated)',
      environment,
      // Streams and hashes up to 20 MB.
      timeout: Duration.seconds(60),
    })
      .bindTable(table, { access: 'readwrite' })
      .bindEvidenceBucket(evidenceBucket, { access: 'verify' });
    this.evidenceVerifyFailures = this.deadLetterQueue(
      'EvidenceVerifyFailures',
      'uploads that evidence-verify failed on after its retries',
    );
    this.evidenceVerify.configureAsyncInvoke({
      retryAttempts: asyncRetryAttempts,
      onFailure: new SqsDestination(this.evidenceVerifyFailures),
    });
    // Imported here, not in the data stack: a notification set there would make the data stack depend on
    // this one, which already depends on it. The notification resource then merges with (never replaces)
    // the bucket's other notifications.
    const notificationsRole = new Role(this, 'EvidenceNotificationsRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    });
    Validations.of(notificationsRole).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's deploy-time handler for Custom::S3BucketNotifications attaches this policy (log writes only); its other grants are Get/PutBucketNotification on the evidence bucket.",
    });
    Bucket.fromBucketAttributes(this, 'EvidenceBucket', {
      bucketArn: evidenceBucket.bucketArn,
      bucketName: evidenceBucket.bucketName,
      notificationsHandlerRole: notificationsRole,
    }).addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.evidenceVerify), {
      // Not quarantine/: moving a rejected file there must not trigger another verification.
      prefix: evidenceKeyPrefixes.evidence,
    });

    this.reminders = new AntoanFunction(this, 'Reminders', {
      entry: functionEntry('reminders'),
      description: 'antoan: daily reminders of expiring evidence and due self-inspections',
      environment,
      timeout: Duration.minutes(5),
    }).bindTable(table, { access: 'readwrite' });
    if (props.notifyFrom !== undefined) {
      this.reminders.addEnvironment('NOTIFY_FROM', props.notifyFrom);
      // SES authorizes sending by the verified identity: the sender's domain (or the address itself).
      const identity = props.notifyFrom.split('@').at(-1) ?? props.notifyFrom;
      this.reminders.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity })],
          conditions: { StringEquals: { 'ses:FromAddress': props.notifyFrom } },
        }),
      );
    }
    this.reminderFailures = this.deadLetterQueue(
      'ReminderFailures',
      'reminder runs that failed after retries',
    );
    // Runs are idempotent (conditional puts), so a retried run writes nothing twice.
    this.reminders.configureAsyncInvoke({
      retryAttempts: asyncRetryAttempts,
      onFailure: new SqsDestination(this.reminderFailures),
    });
    const scheduleRole = new Role(this, 'ReminderScheduleRole', {
      // As CDK's own target role: only this account's default schedule group may assume it.
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': this.account,
            'aws:SourceArn': this.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });
    Validations.of(scheduleRole).acknowledge({
      id: wildcardResourceFinding(scheduleRole, `${this.reminders.functionArn}:*`),
      reason:
        'lambda:InvokeFunction on the reminders function and its versions and aliases (grantInvoke); no other function.',
    });
    new Schedule(this, 'DailyReminders', {
      description: 'antoan: reminders at 01:00 Vietnam time',
      schedule: ScheduleExpression.cron({ minute: '0', hour: '1', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      // Scheduler's own dead-letter queue catches invocations it could not deliver.
      target: new LambdaInvoke(this.reminders, {
        role: scheduleRole,
        deadLetterQueue: this.reminderFailures,
        retryAttempts: asyncRetryAttempts,
        maxEventAge: Duration.hours(6),
      }),
    });

    this.backfill = new AntoanFunction(this, 'Backfill', {
      entry: functionEntry('backfill'),
      description:
        'antoan: rebuild counters and index entries from the records (idempotent; run after deploy)',
      environment,
      timeout: Duration.minutes(15),
    }).bindTable(table, { access: 'readwrite' });
    // Runs the backfill once per deployment whose backfill code changed (the first deploy included), and
    // waits for it: a failure fails the deployment. Running it again changes nothing, so by hand is safe too.
    new Trigger(this, 'BackfillAfterDeploy', {
      handler: this.backfill,
      invocationType: InvocationType.REQUEST_RESPONSE,
      executeOnHandlerChange: true,
      timeout: Duration.minutes(15),
    });

    new CfnOutput(this, 'BackfillFunctionName', { value: this.backfill.functionName });

    const alarms = new Construct(this, 'Alarms');
    alarmFunction(alarms, 'evidence-verify', this.evidenceVerify, props.alarmTopic);
    alarmFunction(alarms, 'reminders', this.reminders, props.alarmTopic);
    alarmFunction(alarms, 'backfill', this.backfill, props.alarmTopic);
    alarmDeadLetterQueue(alarms, 'EvidenceVerifyFailures', this.evidenceVerifyFailures, props.alarmTopic);
    alarmDeadLetterQueue(alarms, 'ReminderFailures', this.reminderFailures, props.alarmTopic);
  }

  /** An encrypted, TLS-only queue that keeps failed invocations for 14 days, the most SQS allows. */
  private deadLetterQueue(id: string, holds: string): Queue {
    const queue = new Queue(this, id, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: `This queue is itself a dead-letter queue: it holds ${holds}, and nothing consumes it automatically.`,
    });
    return queue;
  }
}
