import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { tableDefinition } from '@antoan/db';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  type CfnFunction,
  LoggingFormat,
  type ParamsAndSecretsLayerVersion,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { evidenceKeyPrefixes } from './evidence-keys';
import { wildcardResourceFinding } from './nag';
import { repoRoot } from './paths';

/**
 * The table as a function needs it. Narrower than ITable, which aws-cdk-lib's own Table does not satisfy under
 * exactOptionalPropertyTypes.
 */
export type FunctionTable = Pick<ITable, 'tableArn' | 'tableName'>;

/** What a function may do with the table. */
export type TableAccess = 'read' | 'readwrite';

const readActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/** Only the calls `packages/db` makes; no `Scan`, because no access pattern scans. */
const tableActions: Record<TableAccess, string[]> = {
  read: readActions,
  readwrite: [
    ...readActions,
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/**
 * The evidence bucket as a function needs it. From another stack, pass the data stack's named exports
 * (`DataStack.evidenceBucketExports`): grants then name the bucket the same way in every template and finding.
 */
export type FunctionBucket = Pick<IBucket, 'bucketArn' | 'bucketName'>;

/**
 * What a function may do with evidence objects. `verify`: read an upload, move a rejected one to quarantine
 * and delete it. `presign-and-verify`: also sign the browser's upload form and download links, which S3
 * authorizes with the signer's own permissions.
 */
export type EvidenceAccess = 'verify' | 'presign-and-verify';

/** Construct metadata key recording which entry file a function is bundled from. */
export const entryMetadataKey = 'antoan:entry';

export interface AntoanFunctionProps {
  /** The entry file, relative to the repository root (`functions/<name>/index.ts`). */
  readonly entry: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
  /** 10 seconds unless given: API handlers stay well under API Gateway's 30-second limit. */
  readonly timeout?: Duration;
  /**
   * Files (absolute paths) copied next to `index.mjs` in the function's asset, for code that reads a file at run
   * time instead of importing it (the reports function's PDF font).
   */
  readonly filesBesideBundle?: readonly string[];
  /** The Parameters and Secrets Lambda Extension, for a function that reads a secret (`@antoan/api` secrets.ts). */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
  /**
   * Modules built with the function's own esbuild settings into files of their own beside `index.mjs`, by file name
   * (`{ 'report-renderers.mjs': '/abs/report-renderers.ts' }`): code the function imports at run time, only when a
   * request needs it, so that a cold start does not load and parse it.
   */
  readonly bundlesBeside?: Readonly<Record<string, string>>;
}

/** The banner every bundle starts with: ESM has no require(); CommonJS code in the bundle still calls it. */
export const bundleBanner =
  "import{createRequire as __antoanRequire}from'node:module';const require=__antoanRequire(import.meta.url);";

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The shell command that builds `entry` into `outfile` as CDK builds a function (the flags of `bundling` below, and
 * `cdkBuildOptions` in functions/bundling/esbuild.ts): the esbuild the infra package installs, which CDK runs too.
 */
export function esbuildCommand(entry: string, outfile: string): string {
  const esbuild = createRequire(join(repoRoot, 'infra/package.json')).resolve('esbuild/bin/esbuild');
  return [
    esbuild,
    '--bundle',
    entry,
    '--platform=node',
    '--target=node22',
    '--format=esm',
    '--minify',
    '--main-fields=module,main',
    `--banner:js=${bundleBanner}`,
    `--outfile=${outfile}`,
    '--log-level=warning',
  ]
    .map(shellQuote)
    .join(' ');
}

/**
 * A Lambda function with the project's fixed settings: Node.js 22 on arm64, a minified ESM bundle built by
 * the local esbuild, active tracing, JSON logs in its own log group, and a role with no managed policies.
 * @example new AntoanFunction(this, 'zones', { entry: 'functions/zones/index.ts' }).bindTable(table, { access: 'readwrite' })
 */
export class AntoanFunction extends NodejsFunction {
  private readonly executionRole: Role;

  constructor(scope: Construct, id: string, props: AntoanFunctionProps) {
    // Own role and log group, so the function gets write access to its log group only, instead of
    // AWSLambdaBasicExecutionRole (logs:CreateLogGroup and PutLogEvents on every log group).
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS });
    logGroup.grantWrite(role);
    super(scope, id, {
      entry: join(repoRoot, props.entry),
      handler: 'handler',
      ...(props.description === undefined ? {} : { description: props.description }),
      ...(props.environment === undefined ? {} : { environment: props.environment }),
      ...(props.paramsAndSecrets === undefined ? {} : { paramsAndSecrets: props.paramsAndSecrets }),
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        // Source maps would cost cold-start time (--enable-source-maps) for little gain on these small handlers.
        sourceMap: false,
        // Prefer packages' ESM builds so esbuild can tree-shake them (the AWS SDK in particular).
        mainFields: ['module', 'main'],
        // Bundle the SDK v3 clients we use, at the version tested, rather than the runtime's copy.
        bundleAwsSDK: true,
        // ESM has no require(); CommonJS code in the bundle still calls it (the SDK probes for its optional CRT signer).
        banner: bundleBanner,
        ...(props.filesBesideBundle?.length || Object.keys(props.bundlesBeside ?? {}).length
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_input: string, output: string) => [
                  ...(props.filesBesideBundle ?? []).map(
                    (file) => `cp ${shellQuote(file)} ${shellQuote(join(output, basename(file)))}`,
                  ),
                  ...Object.entries(props.bundlesBeside ?? {}).map(([name, entry]) =>
                    esbuildCommand(entry, join(output, name)),
                  ),
                ],
              },
            }
          : {}),
      },
    });
    this.executionRole = role;
    (this.node.defaultChild as CfnFunction).addMetadata(entryMetadataKey, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
    });
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x is the runtime the project targets and tests (architecture.md); newer runtimes are adopted deliberately.',
    });
  }

  /** Grants the table access the function needs (its indexes included) and tells it the table's name. */
  bindTable(table: FunctionTable, { access }: { access: TableAccess }): this {
    this.addToRolePolicy(
      new PolicyStatement({
        actions: tableActions[access],
        resources: [
          table.tableArn,
          ...tableDefinition.globalSecondaryIndexes.map(
            (index) => `${table.tableArn}/index/${index.indexName}`,
          ),
        ],
      }),
    );
    this.addEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /**
   * Grants the S3 calls `packages/storage` makes for `access`, on the evidence and quarantine prefixes only,
   * and tells the function the bucket's name (EVIDENCE_BUCKET).
   * @example fn.bindEvidenceBucket(bucket, { access: 'verify' })
   */
  bindEvidenceBucket(bucket: FunctionBucket, { access }: { access: EvidenceAccess }): this {
    const objectsUnder = (prefix: string) => {
      const objects = `${bucket.bucketArn}/${prefix}*`;
      Validations.of(this.executionRole).acknowledge({
        id: wildcardResourceFinding(this.executionRole, objects),
        reason: `Object keys are made per upload, so the narrowest grant is the ${prefix} key prefix, never the whole bucket.`,
      });
      return objects;
    };
    this.addToRolePolicy(
      new PolicyStatement({
        // HeadObject and GetObject read an upload, and are the source side of the quarantine copy; the
        // presigned POST (PutObject) and GET carry these permissions too.
        actions: [
          's3:GetObject',
          's3:DeleteObject',
          ...(access === 'presign-and-verify' ? ['s3:PutObject'] : []),
        ],
        resources: [objectsUnder(evidenceKeyPrefixes.evidence)],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        // The destination side of the quarantine copy; nobody may read quarantine.
        actions: ['s3:PutObject'],
        resources: [objectsUnder(evidenceKeyPrefixes.quarantine)],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        // Verified files are moved here (the copy's destination) and read back for presigned downloads.
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [objectsUnder(evidenceKeyPrefixes.verified)],
      }),
    );
    this.addToRolePolicy(
      new PolicyStatement({
        // Without it S3 answers 403 instead of 404 for a missing object, and verification could not report
        // `missing_object`. S3 checks it with the object's key as s3:prefix.
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${evidenceKeyPrefixes.evidence}*`] } },
      }),
    );
    this.addEnvironment('EVIDENCE_BUCKET', bucket.bucketName);
    return this;
  }
}
