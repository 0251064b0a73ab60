import { join } from 'node:path';
import { tableDefinition } from '@antoan/db';
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
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

/** Construct metadata key recording which entry file a function is bundled from. */
export const entryMetadataKey = 'antoan:entry';

export interface AntoanFunctionProps {
  /** The entry file, relative to the repository root (`functions/<name>/index.ts`). */
  readonly entry: string;
  readonly description?: string;
  readonly environment?: Record<string, string>;
}

/**
 * A Lambda function with the project's fixed settings: Node.js 22 on arm64, a minified ESM bundle built by
 * the local esbuild, active tracing, JSON logs in its own log group, and a role with no managed policies.
 * @example new AntoanFunction(this, 'zones', { entry: 'functions/zones/index.ts' }).bindTable(table, { access: 'readwrite' })
 */
export class AntoanFunction extends NodejsFunction {
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
      projectRoot: repoRoot,
      depsLockFilePath: join(repoRoot, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(10),
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
        banner:
          "import{createRequire as __antoanRequire}from'node:module';const require=__antoanRequire(import.meta.url);",
      },
    });
    (this.node.defaultChild as CfnFunction).addMetadata(entryMetadataKey, props.entry);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions.',
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
}
