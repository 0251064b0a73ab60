import { type ResourceGroup, resourceGroups, routesOf } from '@antoan/api';
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
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  AntoanFunction,
  type EvidenceAccess,
  type FunctionBucket,
  type FunctionTable,
  type TableAccess,
} from './antoan-function';
import { functionEntry } from './paths';

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
  evidence: 'readwrite',
  notifications: 'read',
  // Declaring an accident and recording an inspection also refresh the firm's entry in the priority index.
  accidents: 'readwrite',
  inspections: 'readwrite',
  // Dashboards and target lists only read aggregates and indexes.
  dashboards: 'read',
  targets: 'read',
  // The annual figures form writes (with the zone's report counters); the reports only read.
  reports: 'readwrite',
  // The OpenAPI document and its reference page are built from the schemas in the bundle.
  docs: 'none',
};

/** The groups that touch evidence files, and how; every other group gets no bucket access and no EVIDENCE_BUCKET. */
export const evidenceAccessOf: Partial<Record<ResourceGroup, EvidenceAccess>> = {
  evidence: 'presign-and-verify',
};

/** Routes open without a token (api.md); every other route goes through the JWT authorizer. */
export const publicRoutes: ReadonlySet<string> = new Set([
  'GET /v1/health',
  'GET /v1/openapi.json',
  'GET /v1/docs',
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
      throttle: { burstLimit: 200, rateLimit: 100 },
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

    const functionsScope = new Construct(this, 'Functions');
    const noAuthorizer = new HttpNoneAuthorizer();
    const functions = new Map<ResourceGroup, AntoanFunction>();
    for (const group of Object.keys(resourceGroups) as ResourceGroup[]) {
      const fn = new AntoanFunction(functionsScope, group, {
        entry: functionEntry(group),
        description: `antoan API: ${group} routes`,
        environment: { JWT_ISSUER: auth.issuer, JWT_AUDIENCE: auth.audience },
      });
      const access = tableAccessOf[group];
      // createAwsDeps() reads TABLE_NAME at init even in a function that never touches the table.
      if (access === 'none') fn.addEnvironment('TABLE_NAME', table.tableName);
      else fn.bindTable(table, { access });
      const evidenceAccess = evidenceAccessOf[group];
      if (evidenceAccess !== undefined) fn.bindEvidenceBucket(evidenceBucket, { access: evidenceAccess });
      functions.set(group, fn);

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

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
  }
}
