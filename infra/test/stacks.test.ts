import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagesWithCursors, roles } from '@antoan/api';
import { REPORT_RENDERERS_FILE } from '@antoan/api/report-files';
import { projectionOf, tableDefinition } from '@antoan/db';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { CfnRole } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesBesideBundleOf, tableAccessOf, userAdministrationActions } from '../lib/api-stack';
import { type SynthesizedApp, synthesizeApp } from './synth';

let synth: SynthesizedApp;
let data: Template;
let auth: Template;
let api: Template;

beforeAll(() => {
  synth = synthesizeApp();
  data = Template.fromStack(synth.data);
  auth = Template.fromStack(synth.auth);
  api = Template.fromStack(synth.api);
});

const retained = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };

/** The attributes an INCLUDE index names, as the table definition lists them. */
const includedIn = (index: (typeof tableDefinition.globalSecondaryIndexes)[number]) => {
  const projection = projectionOf(index);
  return projection.type === 'INCLUDE' ? projection.attributes : [];
};

describe('DataStack', () => {
  it('builds the table from tableDefinition', () => {
    const keys = (partition: string, sort: string) => [
      { AttributeName: partition, KeyType: 'HASH' },
      { AttributeName: sort, KeyType: 'RANGE' },
    ];
    const { partitionKey, sortKey, globalSecondaryIndexes, timeToLiveAttribute } = tableDefinition;
    const attributes = [
      partitionKey,
      sortKey,
      ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ];
    data.resourceCountIs('AWS::DynamoDB::Table', 1);
    data.hasResource('AWS::DynamoDB::Table', {
      ...retained,
      Properties: {
        KeySchema: keys(partitionKey, sortKey),
        AttributeDefinitions: Match.arrayEquals(
          attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        ),
        GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: keys(index.partitionKey, index.sortKey),
          // gsi2 and gsi3 project what their queries read (packages/db table.ts); gsi1 every attribute.
          Projection:
            index.indexName === 'gsi2' || index.indexName === 'gsi3'
              ? { ProjectionType: 'INCLUDE', NonKeyAttributes: includedIn(index) }
              : { ProjectionType: 'ALL' },
        })),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: timeToLiveAttribute, Enabled: true },
      },
    });
  });

  it('keeps evidence private, encrypted, versioned and access-logged', () => {
    const evidence = synth.data.getLogicalId(synth.data.evidenceBucket.node.defaultChild as CfnBucket);
    const buckets = data.findResources('AWS::S3::Bucket');
    const logBucket = Object.keys(buckets).find((id) => id !== evidence);
    expect(Object.keys(buckets)).toHaveLength(2);
    expect(buckets[evidence]).toMatchObject({
      ...retained,
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: logBucket } },
      },
    });
    for (const bucket of Object.values(buckets)) {
      expect(bucket).toMatchObject({
        ...retained,
        Properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [
              { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            BlockPublicPolicy: true,
            IgnorePublicAcls: true,
            RestrictPublicBuckets: true,
          },
        },
      });
    }
  });

  it('denies plain HTTP on both buckets', () => {
    for (const bucketId of Object.keys(data.findResources('AWS::S3::Bucket'))) {
      data.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });
});

describe('AuthStack', () => {
  it('has one group per role', () => {
    auth.resourceCountIs('AWS::Cognito::UserPoolGroup', roles.length);
    for (const role of roles) auth.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('lets only administrators create users and set scope attributes', () => {
    auth.hasResource('AWS::Cognito::UserPool', {
      ...retained,
      Properties: {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        DeletionProtection: 'ACTIVE',
        Schema: Match.arrayWith([
          Match.objectLike({ Name: 'enterprise_id', AttributeDataType: 'String', Mutable: true }),
          Match.objectLike({ Name: 'zone_ids', AttributeDataType: 'String', Mutable: true }),
        ]),
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        MfaConfiguration: 'OPTIONAL',
      },
    });
    const clients = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const client = clients[0]?.Properties;
    expect(client.GenerateSecret).toBe(false);
    // Sign-in is on the managed login page (web-ops.test.ts); the client itself only refreshes tokens.
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:enterprise_id', 'custom:zone_ids']),
    );
    expect(client.WriteAttributes.length).toBeGreaterThan(0);
    expect(client.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
  });
});

describe('ApiStack', () => {
  it('logs access and throttles on the default stage', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
  });

  it('checks Cognito ID tokens for the web client', () => {
    api.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: {
          'Fn::Join': ['', ['https://', { 'Fn::ImportValue': Match.stringLikeRegexp('ProviderURL') }]],
        },
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('WebClient') }],
      },
    });
  });

  it('runs every function on nodejs22.x, arm64, traced, with the token settings', () => {
    const functions = Object.values(api.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(synth.api.functions.size);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: 512,
        Timeout: 10,
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
      });
      // EVIDENCE_BUCKET goes to the evidence functions only (evidence.test.ts); USER_POOL_ID and
      // TARGETING_DRAW_SECRET_ID to one function each, the secret ids and the extension's settings to the functions
      // that read a secret (the tests below).
      const settings = Object.keys(fn.Properties.Environment.Variables).filter(
        (name) =>
          !['EVIDENCE_BUCKET', 'USER_POOL_ID', 'TARGETING_DRAW_SECRET_ID', 'CURSOR_KEY_SECRET_ID'].includes(
            name,
          ) && !/^(PARAMETERS_SECRETS_EXTENSION|SECRETS_MANAGER|SSM_PARAMETER_STORE)_/.test(name),
      );
      expect(settings.sort()).toEqual(['JWT_AUDIENCE', 'JWT_ISSUER', 'TABLE_NAME']);
    }
  });

  it('puts no secret value in any function configuration: functions read the secrets they are granted', () => {
    const secrets = api.findResources('AWS::SecretsManager::Secret');
    const secretId = (name: string) => {
      const id = Object.keys(secrets).find((logicalId) => logicalId.startsWith(name));
      expect(id, name).toBeDefined();
      return id as string;
    };
    const cursorKey = secretId('CursorKey');
    const drawSecret = secretId('TargetingDrawSecret');
    // Both values are generated by Secrets Manager at deploy time, never written in the template.
    for (const id of [cursorKey, drawSecret]) {
      expect(secrets[id]?.Properties.GenerateSecretString).toBeDefined();
      expect(secrets[id]?.Properties.SecretString).toBeUndefined();
    }
    const readers = (secret: string) =>
      Object.values(api.findResources('AWS::IAM::Policy'))
        .filter((policy) =>
          policy.Properties.PolicyDocument.Statement.some(
            (statement: { Action: unknown; Resource: unknown }) =>
              [statement.Action].flat().includes('secretsmanager:GetSecretValue') &&
              JSON.stringify(statement.Resource) === JSON.stringify({ Ref: secret }),
          ),
        )
        .flatMap((policy) => policy.Properties.Roles.map((role: { Ref: string }) => role.Ref));
    let paging = 0;
    for (const [group, fn] of synth.api.functions) {
      const id = synth.api.getLogicalId(fn.node.defaultChild as CfnFunction);
      const properties = api.findResources('AWS::Lambda::Function')[id]?.Properties;
      const variables = properties.Environment.Variables as Record<string, unknown>;
      const text = JSON.stringify(variables);
      // No secret is resolved into the environment (no dynamic reference, no value).
      expect(text, group).not.toContain('resolve:secretsmanager');
      expect(text, group).not.toContain('SecretString');
      const role = synth.api.getLogicalId(fn.role?.node.defaultChild as CfnRole);
      const pages = pagesWithCursors(group);
      if (pages) paging++;
      // A function whose lists page is told the cursor key's ARN and may read it; the others neither.
      expect(variables.CURSOR_KEY_SECRET_ID, group).toEqual(pages ? { Ref: cursorKey } : undefined);
      expect(readers(cursorKey).includes(role), group).toBe(pages);
      expect(variables.TARGETING_DRAW_SECRET_ID, group).toEqual(
        group === 'targets' ? { Ref: drawSecret } : undefined,
      );
      expect(readers(drawSecret).includes(role), group).toBe(group === 'targets');
      // The secrets extension (a layer) where a secret is read, and nowhere else.
      const reads = pages || group === 'targets';
      expect((properties.Layers ?? []).length, group).toBe(reads ? 1 : 0);
      if (reads) expect(variables.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, group).toBe('2773');
    }
    expect(paging).toBeGreaterThan(10);
    expect(pagesWithCursors('health')).toBe(false);
  });

  it('gives the user pool to the users function and the draw secret to the targets function only', () => {
    for (const [group, fn] of synth.api.functions) {
      const id = synth.api.getLogicalId(fn.node.defaultChild as CfnFunction);
      const variables = api.findResources('AWS::Lambda::Function')[id]?.Properties.Environment.Variables;
      expect(Object.hasOwn(variables, 'USER_POOL_ID'), group).toBe(group === 'users');
      expect(Object.hasOwn(variables, 'TARGETING_DRAW_SECRET_ID'), group).toBe(group === 'targets');
    }
    const usersRole = synth.api.getLogicalId(
      synth.api.functions.get('users')?.role?.node.defaultChild as CfnRole,
    );
    const cognitoActions = Object.values(api.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: usersRole }]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .flatMap((statement) => [statement.Action].flat())
      .filter((action: string) => action.startsWith('cognito-idp:'));
    expect(cognitoActions.sort()).toEqual([...userAdministrationActions].sort());
  });

  it('grants table access only to the functions that use it, and never Scan', () => {
    for (const [group, fn] of synth.api.functions) {
      const roleId = synth.api.getLogicalId(fn.role?.node.defaultChild as CfnRole);
      const statements = Object.values(api.findResources('AWS::IAM::Policy'))
        .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
      const tableActions = statements.flatMap((statement) =>
        [statement.Action].flat().filter((action: string) => action.startsWith('dynamodb:')),
      );
      expect(tableActions, group).not.toContain('dynamodb:Scan');
      const access = tableAccessOf[group];
      if (access === 'none') expect(tableActions, group).toEqual([]);
      else expect(tableActions, group).toContain('dynamodb:Query');
      if (access !== 'readwrite') expect(tableActions, group).not.toContain('dynamodb:PutItem');
      else expect(tableActions, group).toContain('dynamodb:PutItem');
    }
    api.resourcePropertiesCountIs('AWS::IAM::Role', { ManagedPolicyArns: Match.anyValue() }, 0);
  });

  it('ships ExcelJS and PDFKit beside the reports bundle, in a file of their own with the DejaVu font, in no other function', () => {
    const assetOf = (group: string) => {
      const fn = synth.api.functions.get(group as never)?.node.defaultChild as CfnFunction;
      const { S3Key } = api.toJSON().Resources[synth.api.getLogicalId(fn)].Properties.Code;
      return join(synth.assembly.directory, `asset.${String(S3Key).replace(/\.zip$/, '')}`);
    };
    const reports = assetOf('reports');
    const renderers = readFileSync(join(reports, REPORT_RENDERERS_FILE), 'utf8');
    // ExcelJS writes these part names; PDFKit names itself as the producer.
    expect(renderers).toContain('xl/workbook.xml');
    expect(renderers).toContain('PDFKit');
    // The bundle itself (what every cold start loads) names the file it imports on the first file asked for.
    const code = readFileSync(join(reports, 'index.mjs'), 'utf8');
    expect(code).not.toContain('xl/workbook.xml');
    expect(code).not.toContain('PDFKit');
    expect(code).toContain(REPORT_RENDERERS_FILE);
    const [font] = filesBesideBundleOf.reports ?? [];
    expect(font).toMatch(/DejaVuSans\.ttf$/);
    expect(readFileSync(join(reports, 'DejaVuSans.ttf')).equals(readFileSync(font as string))).toBe(true);
    for (const group of ['zones', 'dashboards', 'evidence']) {
      const other = assetOf(group);
      expect(existsSync(join(other, 'DejaVuSans.ttf')), group).toBe(false);
      expect(existsSync(join(other, REPORT_RENDERERS_FILE)), group).toBe(false);
      expect(readFileSync(join(other, 'index.mjs'), 'utf8'), group).not.toContain('xl/workbook.xml');
    }
    // The renderers as synthesized render a PDF with the font beside them, in a fresh process with no node_modules.
    const script = `
      const { renderPdf } = await import(${JSON.stringify(pathToFileURL(join(reports, REPORT_RENDERERS_FILE)).href)});
      const pdf = Buffer.from(await renderPdf({ title: 'Báo cáo năm 2026', lines: [], tables: [], fileName: 'x' }));
      process.stdout.write(JSON.stringify({ pdf: pdf.subarray(0, 5).toString('latin1'), font: /DejaVuSans/.test(pdf.toString('latin1')) }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], {
      cwd: reports,
      env: { PATH: process.env.PATH },
    });
    expect(JSON.parse(output.toString())).toEqual({ pdf: '%PDF-', font: true });
  });

  it('bundles a runnable ESM handler', () => {
    const health = synth.api.functions.get('health')?.node.defaultChild as CfnFunction;
    const { S3Key } = api.toJSON().Resources[synth.api.getLogicalId(health)].Properties.Code;
    const bundle = join(
      synth.assembly.directory,
      `asset.${String(S3Key).replace(/\.zip$/, '')}`,
      'index.mjs',
    );
    expect(existsSync(bundle)).toBe(true);
    // A fresh Node process imports the bundle as Lambda's runtime does, then serves one request.
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const response = await handler({ version: '2.0', rawPath: '/v1/health', rawQueryString: '', headers: {},
        isBase64Encoded: false, requestContext: { http: { method: 'GET', path: '/v1/health' } } });
      process.stdout.write(JSON.stringify(response));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '--no-warnings', '-e', script], {
      env: {
        PATH: process.env.PATH,
        AWS_REGION: 'ap-southeast-1',
        TABLE_NAME: 'antoan-test',
        JWT_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_test',
        JWT_AUDIENCE: 'test-client',
      },
    });
    expect(JSON.parse(output.toString())).toMatchObject({ statusCode: 200, body: '{"status":"ok"}' });
  });
});
