import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pagesWithCursors, type ResourceGroup, resourceGroups, routesOf } from '@antoan/api';
import { SCALAR_FILES, scalarFilePath } from '@antoan/api/docs-page';
import { REPORT_RENDERERS_FILE } from '@antoan/api/report-files';
import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import {
  AntoanFunction,
  type EvidenceAccess,
  type FunctionBucket,
  type FunctionTable,
  type TableAccess,
} from './antoan-function';
import { alarmFunction, alarmServerErrorRate } from './ops';
import { functionEntry, repoRoot } from './paths';

/** Requests per second (steady) and burst the default stage allows, account-wide limits permitting. */
export interface ApiThrottle {
  readonly rateLimit: number;
  readonly burstLimit: number;
}

/** A few hundred concurrent users at most per province; raise it with `antoan:apiRateLimit`/`antoan:apiBurstLimit`. */
export const defaultApiThrottle: ApiThrottle = { rateLimit: 100, burstLimit: 200 };

/**
 * What each resource group's function may do with the table. Typed over every group, so a new group in
 * `packages/api` does not compile here until someone decides its access.
 */
export const tableAccessOf: Record<ResourceGroup, TableAccess | 'none'> = {
  health: 'none',
  zones: 'readwrite',
  enterprises: 'readwrite',
  // Published templates ship inside the bundle; nothing to read from the table.
  templates: 'none',
  assessments: 'readwrite',
  // The submission transaction: the assessment, its score index, counters, actions, firm-year facts, target entry.
  submissions: 'readwrite',
  evidence: 'readwrite',
  // Settles the upload (and its audit entry), and refreshes the target entry after critical proof.
  confirmations: 'readwrite',
  notifications: 'read',
  // Declaring an accident and recording an inspection also refresh the firm's entry in the priority index.
  accidents: 'readwrite',
  inspections: 'readwrite',
  // Declares a photo (an evidence record and its audit entry) and settles it on confirm.
  'inspection-photos': 'readwrite',
  // Dashboards and target lists only read aggregates and indexes.
  dashboards: 'read',
  targets: 'read',
  providers: 'readwrite',
  // The queue reads; a verdict writes the review, its audit entry, the notification and the actions a rejection opens.
  reviews: 'readwrite',
  actions: 'readwrite',
  audit: 'read',
  // Reads firms and zones to check a user administrator's scope, writes the audit entry of each change; the users
  // live in Cognito (USER_POOL_ID).
  users: 'readwrite',
  // The annual figures form writes (with the zone's report counters); the reports only read.
  reports: 'readwrite',
  // The OpenAPI document and its reference page are built from the schemas in the bundle.
  docs: 'none',
};

/**
 * Files a group's code reads at run time, shipped beside its bundle: the reports function embeds DejaVu Sans in
 * every PDF (ExcelJS and PDFKit are bundled beside it, `bundlesBesideOf`).
 */
export const filesBesideBundleOf: Partial<Record<ResourceGroup, string[]>> = {
  // The API reference's Scalar bundle and stylesheet, served by the docs function itself (no CDN).
  docs: [scalarFilePath(SCALAR_FILES.script), scalarFilePath(SCALAR_FILES.style)],
  reports: [
    createRequire(join(repoRoot, 'packages/api/package.json')).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  ],
};

/**
 * Modules a group imports at run time only when a request needs them, built into files of their own beside its
 * bundle: the reports function's XLSX and PDF renderers (ExcelJS, PDFKit, fontkit: about 1.9 MB), which a JSON
 * answer never loads (`reportRenderers` in packages/api/src/report-files.ts).
 */
export const bundlesBesideOf: Partial<Record<ResourceGroup, Record<string, string>>> = {
  reports: {
    [REPORT_RENDERERS_FILE]: createRequire(join(repoRoot, 'infra/package.json')).resolve(
      '@antoan/api/report-renderers',
    ),
  },
};

/** The groups that touch evidence files, and how; every other group gets no bucket access and no EVIDENCE_BUCKET. */
export const evidenceAccessOf: Partial<Record<ResourceGroup, EvidenceAccess>> = {
  evidence: 'presign-and-verify',
  // Confirming reads the upload, moves it to verified/ or quarantine; it signs nothing.
  confirmations: 'verify',
  // The photos behind an inspection's findings are uploaded and verified like evidence (recording the inspection
  // only reads the photo records: the inspections function has no bucket access).
  'inspection-photos': 'presign-and-verify',
};

/** What the `users` function may do in the user pool: invite, list by group, read and disable users. */
export const userAdministrationActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:ListUsersInGroup',
] as const;

/** Routes open without a token (api.md); every other route goes through the JWT authorizer. */
export const publicRoutes: ReadonlySet<string> = new Set([
  'GET /v1/health',
  'GET /v1/openapi.json',
  'GET /v1/docs',
  'GET /v1/docs/scalar.js',
  'GET /v1/docs/scalar.css',
]);

/** `GET /v1/zones`, as API Gateway writes a route key. */
export const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

const httpMethod = (method: string): HttpMethod => {
  const known = Object.values(HttpMethod).find((value) => value === method);
  if (known === undefined) throw new Error(`the app serves ${method}, which an HTTP API route cannot match`);
  return known;
};

export interface ApiStackProps extends StackProps {
  readonly table: FunctionTable;
  /** Who signs the tokens the API accepts, and for which client. */
  readonly auth: { readonly issuer: string; readonly audience: string };
  /** The evidence bucket, bound to the groups in `evidenceAccessOf` only. */
  readonly evidenceBucket: FunctionBucket;
  /** Stage throttling; `defaultApiThrottle` unless given. */
  readonly throttle?: ApiThrottle;
  /** The user pool the `users` group administers through Cognito's admin API (only that function may). */
  readonly userPool?: { readonly userPoolId: string; readonly userPoolArn: string };
  /** Where the API's alarms (function errors and throttles, 5xx rate) go. */
  readonly alarmTopic: ITopic;
}

/** The HTTP API: one Lambda function per resource group, serving exactly the routes that group's Hono app serves. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions: ReadonlyMap<ResourceGroup, AntoanFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { table, auth, evidenceBucket } = props;

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'antoan API v1',
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer('Cognito', auth.issuer, { jwtAudience: [auth.audience] }),
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.ONE_YEAR });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? defaultApiThrottle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    // The key that signs page cursors (HMAC-SHA-256), shared by every function whose lists page, so a cursor issued
    // by one container opens in another. Functions get its ARN, never its value: they read it through the
    // Parameters and Secrets Lambda Extension on first use and keep it for the container's life (API.md, Secrets).
    const cursorKey = new Secret(this, 'CursorKey', {
      description: 'antoan API: HMAC key for page cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(cursorKey).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The cursor key only signs page cursors that expire within 24 hours; rotating it would only make open cursors restart from page one, and each container keeps the key it first read for its life, so rotation would also split cursors between containers.',
    });

    // The secret mixed into the weekly random draw of the target list, so firms cannot compute the draw
    // (TARGETING.md). Only the targets function reads it.
    const drawSecret = new Secret(this, 'TargetingDrawSecret', {
      description: 'antoan API: secret of the weekly random draw of inspection targets',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(drawSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "Rotating the draw secret would only reshuffle the weekly random share mid-week; the targets function keeps the value it first read for the container's life.",
    });

    const paramsAndSecrets = ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103);
    const functionsScope = new Construct(this, 'Functions');
    const noAuthorizer = new HttpNoneAuthorizer();
    const functions = new Map<ResourceGroup, AntoanFunction>();
    const alarms = new Construct(this, 'Alarms');
    for (const group of Object.keys(resourceGroups) as ResourceGroup[]) {
      const fn = new AntoanFunction(functionsScope, group, {
        entry: functionEntry(group),
        description: `antoan API: ${group} routes`,
        environment: {
          JWT_ISSUER: auth.issuer,
          JWT_AUDIENCE: auth.audience,
        },
        // The extension (a layer) only where a secret is read: it costs every cold start a process of its own.
        ...(pagesWithCursors(group) || group === 'targets' ? { paramsAndSecrets } : {}),
        ...(filesBesideBundleOf[group] ? { filesBesideBundle: filesBesideBundleOf[group] } : {}),
        ...(bundlesBesideOf[group] ? { bundlesBeside: bundlesBesideOf[group] } : {}),
      });
      const access = tableAccessOf[group];
      // createAwsDeps() reads TABLE_NAME at init even in a function that never touches the table.
      if (access === 'none') fn.addEnvironment('TABLE_NAME', table.tableName);
      else fn.bindTable(table, { access });
      const evidenceAccess = evidenceAccessOf[group];
      if (evidenceAccess !== undefined) fn.bindEvidenceBucket(evidenceBucket, { access: evidenceAccess });
      if (group === 'users' && props.userPool) {
        fn.addEnvironment('USER_POOL_ID', props.userPool.userPoolId);
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: [...userAdministrationActions],
            resources: [props.userPool.userPoolArn],
          }),
        );
      }
      if (pagesWithCursors(group)) {
        fn.addEnvironment('CURSOR_KEY_SECRET_ID', cursorKey.secretArn);
        cursorKey.grantRead(fn);
      }
      if (group === 'targets') {
        fn.addEnvironment('TARGETING_DRAW_SECRET_ID', drawSecret.secretArn);
        drawSecret.grantRead(fn);
      }
      functions.set(group, fn);
      alarmFunction(alarms, group, fn, props.alarmTopic);

      const integration = new HttpLambdaIntegration(`${group}Integration`, fn);
      for (const route of routesOf(group)) {
        const isPublic = publicRoutes.has(routeKey(route));
        const [added] = this.api.addRoutes({
          path: route.path,
          methods: [httpMethod(route.method)],
          integration,
          ...(isPublic ? { authorizer: noAuthorizer } : {}),
        });
        if (isPublic && added) {
          Validations.of(added).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason: `${routeKey(route)} is public by contract (api.md): it reports liveness and reads no data.`,
          });
        }
      }
    }
    this.functions = functions;
    alarmServerErrorRate(
      alarms,
      { serverErrors: this.api.metricServerError(), requests: this.api.metricCount() },
      props.alarmTopic,
      { thresholdPercent: 5, minRequests: 20 },
    );

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
  }
}
