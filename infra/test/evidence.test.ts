import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AntoanFunction, type EvidenceAccess, entryMetadataKey } from '../lib/antoan-function';
import { evidenceAccessOf } from '../lib/api-stack';
import { createAntoanApp, notifyFromContextKey, webOriginContextKey } from '../lib/app';
import { type SynthesizedApp, synthesizeApp, testWebOrigin } from './synth';

interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

let synth: SynthesizedApp;
let data: Template;
let api: Template;
let jobs: Template;

beforeAll(() => {
  synth = synthesizeApp();
  data = Template.fromStack(synth.data);
  api = Template.fromStack(synth.api);
  jobs = Template.fromStack(synth.jobs);
});

/** The logical id of an L2 construct's resource in its stack's template. */
const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** A policy resource as text: `import(<export>)/enterprises/*` for a joined import. */
function render(expression: unknown): string {
  if (typeof expression === 'string') return expression;
  const { 'Fn::Join': join, 'Fn::ImportValue': imported } = expression as {
    'Fn::Join'?: [string, unknown[]];
    'Fn::ImportValue'?: unknown;
  };
  if (join) return join[1].map(render).join(join[0]);
  if (imported !== undefined) return `import(${render(imported)})`;
  return JSON.stringify(expression);
}

/** The statements of every policy attached to the role, in the template of its stack. */
function statementsOf(template: Template, stack: Stack, roleConstruct: IConstruct): PolicyStatement[] {
  const roleId = logicalId(stack, roleConstruct);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const s3Statements = (statements: PolicyStatement[]) =>
  statements
    .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')))
    .map((statement) => ({
      actions: [statement.Action].flat().sort(),
      resources: [statement.Resource].flat().map(render),
      ...(statement.Condition === undefined ? {} : { condition: statement.Condition }),
    }));

describe('evidence bucket', () => {
  const evidenceBucket = () => data.toJSON().Resources[logicalId(synth.data, synth.data.evidenceBucket)];

  it('lets only the web origin post uploads and fetch downloads', () => {
    expect(evidenceBucket().Properties.CorsConfiguration).toEqual({
      CorsRules: [{ AllowedOrigins: [testWebOrigin], AllowedMethods: ['POST', 'GET'], MaxAge: 3600 }],
    });
  });

  it('moves evidence to infrequent access after 90 days and expires quarantine after 30', () => {
    const rules = evidenceBucket().Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        {
          Id: 'evidence',
          Status: 'Enabled',
          Prefix: 'enterprises/',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }],
          NoncurrentVersionExpiration: { NoncurrentDays: 365 },
          ExpiredObjectDeleteMarker: true,
        },
        {
          Id: 'verified',
          Status: 'Enabled',
          Prefix: 'verified/',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 90 }],
          NoncurrentVersionExpiration: { NoncurrentDays: 365 },
          ExpiredObjectDeleteMarker: true,
        },
        {
          Id: 'quarantine',
          Status: 'Enabled',
          Prefix: 'quarantine/',
          ExpirationInDays: 30,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
        },
      ]),
    );
    // No rule expires current evidence: only quarantined files go away on their own.
    const expiring = rules.filter(
      (rule: { ExpirationInDays?: number }) => rule.ExpirationInDays !== undefined,
    );
    expect(expiring.map((rule: { Prefix?: string }) => rule.Prefix)).toEqual(['quarantine/']);
  });

  it('exports its ARN and name under stable names', () => {
    const bucketId = logicalId(synth.data, synth.data.evidenceBucket);
    const outputs = Object.values(data.toJSON().Outputs) as Array<{
      Value: unknown;
      Export?: { Name: string };
    }>;
    expect(outputs).toEqual(
      expect.arrayContaining([
        { Value: { 'Fn::GetAtt': [bucketId, 'Arn'] }, Export: { Name: 'AntoanData-EvidenceBucketArn' } },
        { Value: { Ref: bucketId }, Export: { Name: 'AntoanData-EvidenceBucketName' } },
      ]),
    );
  });

  it('requires the web origin as context, and only an origin', () => {
    expect(() => createAntoanApp()).toThrow(webOriginContextKey);
    for (const notAnOrigin of [
      'https://app.antoan.test/',
      'https://app.antoan.test/app',
      'app.antoan.test',
    ]) {
      expect(() => createAntoanApp({ context: { [webOriginContextKey]: notAnOrigin } }), notAnOrigin).toThrow(
        'must be an http(s) origin',
      );
    }
  });
});

describe('evidence grants', () => {
  const bucket = 'import(AntoanData-EvidenceBucketArn)';
  const expectedS3: Record<EvidenceAccess, unknown[]> = {
    verify: [
      { actions: ['s3:DeleteObject', 's3:GetObject'], resources: [`${bucket}/enterprises/*`] },
      { actions: ['s3:PutObject'], resources: [`${bucket}/quarantine/*`] },
      { actions: ['s3:GetObject', 's3:PutObject'], resources: [`${bucket}/verified/*`] },
      {
        actions: ['s3:ListBucket'],
        resources: [bucket],
        condition: { StringLike: { 's3:prefix': ['enterprises/*'] } },
      },
    ],
    'presign-and-verify': [
      {
        actions: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
        resources: [`${bucket}/enterprises/*`],
      },
      { actions: ['s3:PutObject'], resources: [`${bucket}/quarantine/*`] },
      { actions: ['s3:GetObject', 's3:PutObject'], resources: [`${bucket}/verified/*`] },
      {
        actions: ['s3:ListBucket'],
        resources: [bucket],
        condition: { StringLike: { 's3:prefix': ['enterprises/*'] } },
      },
    ],
  };

  /** Every function of the app, with its stack, template and the evidence access it should have. */
  const functions = () => [
    ...[...synth.api.functions].map(([group, fn]) => ({
      name: `api ${group}`,
      fn,
      stack: synth.api as Stack,
      template: api,
      access: evidenceAccessOf[group],
    })),
    {
      name: 'evidence-verify',
      fn: synth.jobs.evidenceVerify,
      stack: synth.jobs,
      template: jobs,
      access: 'verify',
    },
    { name: 'reminders', fn: synth.jobs.reminders, stack: synth.jobs, template: jobs, access: undefined },
  ];
  const roleOf = (fn: AntoanFunction): IConstruct => {
    if (!fn.role) throw new Error(`${fn.node.path} has no role`);
    return fn.role;
  };

  it('grants each function exactly the S3 actions and key prefixes its access needs', () => {
    for (const { name, fn, stack, template, access } of functions()) {
      const granted = s3Statements(statementsOf(template, stack, roleOf(fn)));
      expect(granted, name).toEqual(access === undefined ? [] : expectedS3[access as EvidenceAccess]);
    }
  });

  it('never allows s3:* or every object in the bucket', () => {
    for (const template of [api, jobs]) {
      const allowed = Object.values(template.findResources('AWS::IAM::Policy'))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[])
        .filter((statement) => statement.Effect === 'Allow');
      for (const statement of allowed) {
        expect([statement.Action].flat()).not.toContain('s3:*');
        expect([statement.Resource].flat().map(render)).not.toContain(`${bucket}/*`);
      }
    }
  });

  it('tells only the evidence functions the bucket name', () => {
    const withBucket = functions()
      .filter(({ fn, stack, template }) => {
        const properties = template.toJSON().Resources[logicalId(stack, fn)].Properties;
        const bucketName = properties.Environment.Variables.EVIDENCE_BUCKET;
        if (bucketName !== undefined)
          expect(bucketName).toEqual({ 'Fn::ImportValue': 'AntoanData-EvidenceBucketName' });
        return bucketName !== undefined;
      })
      .map(({ name }) => name);
    // Inspection photos are uploaded and verified like evidence, in a function of their own.
    expect(withBucket.sort()).toEqual([
      'api confirmations',
      'api evidence',
      'api inspection-photos',
      'evidence-verify',
    ]);
  });
});

describe('JobsStack', () => {
  const id = (construct: IConstruct) => logicalId(synth.jobs, construct);

  it('runs both entries on the project runtime, with the token settings createAwsDeps reads', () => {
    for (const [fn, entry] of [
      [synth.jobs.evidenceVerify, 'functions/evidence-verify/index.ts'],
      [synth.jobs.reminders, 'functions/reminders/index.ts'],
    ] as const) {
      const { Metadata, Properties } = jobs.toJSON().Resources[id(fn)];
      expect(Metadata[entryMetadataKey]).toBe(entry);
      expect(Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
      expect(Object.keys(Properties.Environment.Variables)).toEqual(
        expect.arrayContaining(['TABLE_NAME', 'JWT_ISSUER', 'JWT_AUDIENCE']),
      );
    }
  });

  it('verifies every object created under enterprises/, and nothing else', () => {
    const notifications = Object.values(jobs.findResources('Custom::S3BucketNotifications'));
    expect(notifications).toHaveLength(1);
    expect(notifications[0]?.Properties).toMatchObject({
      BucketName: { 'Fn::ImportValue': 'AntoanData-EvidenceBucketName' },
      Managed: false,
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'enterprises/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [id(synth.jobs.evidenceVerify), 'Arn'] },
          },
        ],
      },
    });
    expect(notifications[0]?.Properties.NotificationConfiguration).not.toHaveProperty('QueueConfigurations');
    jobs.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [id(synth.jobs.evidenceVerify), 'Arn'] },
      SourceArn: { 'Fn::ImportValue': 'AntoanData-EvidenceBucketArn' },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('retries failed invocations twice, then keeps them 14 days in an encrypted, TLS-only queue', () => {
    for (const [fn, queue] of [
      [synth.jobs.evidenceVerify, synth.jobs.evidenceVerifyFailures],
      [synth.jobs.reminders, synth.jobs.reminderFailures],
    ] as const) {
      jobs.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: id(fn) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [id(queue), 'Arn'] } } },
      });
      expect(jobs.toJSON().Resources[id(queue)].Properties).toEqual({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      jobs.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id(queue) }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
    jobs.resourceCountIs('AWS::SQS::Queue', 2);
  });

  it('runs the reminders daily at 01:00 Vietnam time, with a dead-letter queue for the schedule', () => {
    const schedules = Object.values(jobs.findResources('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    const reminderQueue = id(synth.jobs.reminderFailures);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      State: 'ENABLED',
      Target: {
        Arn: { 'Fn::GetAtt': [id(synth.jobs.reminders), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [reminderQueue, 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2 },
      },
    });
    // The schedule's role may invoke the reminders function and fill its queue, nothing more.
    const roleId = schedules[0]?.Properties.Target.RoleArn['Fn::GetAtt'][0];
    const statements = Object.values(jobs.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[])
      .map((statement) => ({ actions: [statement.Action].flat(), resources: [statement.Resource].flat() }));
    const reminders = { 'Fn::GetAtt': [id(synth.jobs.reminders), 'Arn'] };
    expect(statements).toEqual([
      { actions: ['lambda:InvokeFunction'], resources: [reminders, { 'Fn::Join': ['', [reminders, ':*']] }] },
      { actions: ['sqs:SendMessage'], resources: [{ 'Fn::GetAtt': [reminderQueue, 'Arn'] }] },
    ]);
    jobs.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: Match.objectLike({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }) },
          }),
        ],
      },
    });
  });
});

describe('reminder e-mail', () => {
  const sesStatements = (template: Template) =>
    Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as PolicyStatement[])
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('ses:')));

  it('is off without a sender: no NOTIFY_FROM and no SES permission', () => {
    expect(sesStatements(jobs)).toEqual([]);
    expect(JSON.stringify(jobs.toJSON())).not.toContain('NOTIFY_FROM');
  });

  it('with antoan:notifyFrom, the reminders function may send only as that sender', () => {
    const { jobs: stack } = createAntoanApp({
      context: { [webOriginContextKey]: testWebOrigin, [notifyFromContextKey]: 'nhac-viec@antoan.test' },
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ NOTIFY_FROM: 'nhac-viec@antoan.test' }) },
    });
    const [statement, ...others] = sesStatements(template);
    expect(others).toEqual([]);
    expect(statement).toMatchObject({
      Action: 'ses:SendEmail',
      Condition: { StringEquals: { 'ses:FromAddress': 'nhac-viec@antoan.test' } },
    });
    expect(render(statement?.Resource)).toContain(':identity/antoan.test');
  });
});
