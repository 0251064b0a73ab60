import {
  Annotations,
  type CfnResource,
  Duration,
  type IAspect,
  RemovalPolicy,
  Stack,
  type StackProps,
  Token,
} from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { CfnFunction, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type ITopic, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

export interface OpsStackProps extends StackProps {
  /** Who receives the alarms; without it the topic has no subscriber (an info annotation says so). */
  readonly alarmEmail?: string;
}

/** Where every alarm goes: one SNS topic, encrypted, with the operator's e-mail subscribed. */
export class OpsStack extends Stack {
  readonly alarmTopic: Topic;

  constructor(scope: Construct, id: string, props: OpsStackProps = {}) {
    super(scope, id, props);
    // A customer managed key: CloudWatch cannot publish to a topic under the AWS managed SNS key.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'antoan: encrypts the alarm topic',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.alarmTopic = new Topic(this, 'Alarms', {
      displayName: 'antoan alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail === undefined) {
      Annotations.of(this).addInfo(
        'No antoan:alarmEmail in context: alarms go to the topic, which nobody is subscribed to.',
      );
    } else {
      this.alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));
    }
  }
}

/** Alarms that fire on the first occurrence in a five-minute period, and stay quiet without data. */
function alarmOnAny(scope: Construct, id: string, metric: Metric, description: string, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, id, {
    alarmDescription: description,
    metric: metric.with({ period: Duration.minutes(5), statistic: 'Sum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/**
 * An errors alarm and a throttles alarm for a function.
 * @example alarmFunction(this, 'zones', fn, topic)
 */
export function alarmFunction(scope: Construct, name: string, fn: IFunction, topic: ITopic): Alarm[] {
  return [
    alarmOnAny(scope, `${name}Errors`, fn.metricErrors(), `antoan: ${name} function errors`, topic),
    alarmOnAny(scope, `${name}Throttles`, fn.metricThrottles(), `antoan: ${name} function throttled`, topic),
  ];
}

/** An alarm as soon as a dead-letter queue holds a message: a job failed after its retries. */
export function alarmDeadLetterQueue(scope: Construct, name: string, queue: IQueue, topic: ITopic): Alarm {
  const alarm = new Alarm(scope, `${name}NotEmpty`, {
    alarmDescription: `antoan: ${name} dead-letter queue holds failed invocations; read them, fix, redrive`,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: 'Maximum',
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/**
 * The share of API responses that are 5xx over five minutes, once there are at least `minRequests` of them
 * (a single failure among three requests is not an incident).
 */
export function alarmServerErrorRate(
  scope: Construct,
  metrics: { serverErrors: Metric; requests: Metric },
  topic: ITopic,
  options: { thresholdPercent: number; minRequests: number },
): Alarm {
  const period = Duration.minutes(5);
  const alarm = new Alarm(scope, 'Api5xxRate', {
    alarmDescription: `antoan: more than ${options.thresholdPercent}% of API responses are 5xx`,
    metric: new MathExpression({
      expression: `IF(requests >= ${options.minRequests}, 100 * errors / requests, 0)`,
      usingMetrics: {
        errors: metrics.serverErrors.with({ period, statistic: 'Sum' }),
        requests: metrics.requests.with({ period, statistic: 'Sum' }),
      },
      period,
      label: 'API 5xx %',
    }),
    threshold: options.thresholdPercent,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
  });
  alarm.addAlarmAction(new SnsAction(topic));
  return alarm;
}

/** How long every function's logs are kept. */
export const functionLogRetention = RetentionDays.THREE_MONTHS;

/**
 * Gives every Lambda function that has no log group of its own (the handlers CDK adds for bucket notifications
 * and triggers) a log group with `functionLogRetention`, so no log lives forever. Their roles already carry
 * AWSLambdaBasicExecutionRole, which writes to any log group.
 */
export class LogRetentionForEveryFunction implements IAspect {
  visit(node: IConstruct): void {
    if (!isLambdaResource(node)) return;
    if (hasOwnLogGroup(node)) return;
    const logGroup = new LogGroup(node.node.scope as Construct, `${node.node.id}Logs`, {
      retention: functionLogRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    node.addPropertyOverride('LoggingConfig.LogGroup', logGroup.logGroupName);
  }
}

function isLambdaResource(node: IConstruct): node is CfnResource {
  return (
    typeof (node as Partial<CfnResource>).cfnResourceType === 'string' &&
    (node as CfnResource).cfnResourceType === 'AWS::Lambda::Function'
  );
}

function hasOwnLogGroup(node: CfnResource): boolean {
  if (node instanceof CfnFunction) {
    const config = node.loggingConfig;
    return (
      config !== undefined &&
      (Token.isUnresolved(config) || ('logGroup' in config && Boolean(config.logGroup)))
    );
  }
  // A plain CfnResource (CDK's own provider functions) keeps its properties here.
  const properties = (node as unknown as { _cfnProperties?: { LoggingConfig?: { LogGroup?: unknown } } })
    ._cfnProperties;
  return properties?.LoggingConfig?.LogGroup !== undefined;
}
