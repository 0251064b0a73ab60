import { App, type AppProps, Aspects, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack, type ApiThrottle, defaultApiThrottle } from './api-stack';
import { AuthStack } from './auth-stack';
import { DataStack } from './data-stack';
import { JobsStack } from './jobs-stack';
import { LogRetentionForEveryFunction, OpsStack } from './ops';
import { WebStack } from './web-stack';

/**
 * Feature flags the stacks rely on. Set here rather than in cdk.json so that tests synthesize exactly what
 * the CLI does.
 */
const featureFlags = {
  // Access-log delivery through a bucket policy, so the log bucket can disable ACLs (BucketOwnerEnforced).
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  // Exports/imports: CloudFormation refuses to delete the data or auth stack while the API still uses it.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
};

/**
 * Context key of the web app's origin, the only origin the evidence bucket's CORS rule allows. Required:
 * cdk.json sets `http://localhost:3000` for local synthesis; a deployment passes its own with
 * `-c antoan:webOrigin=https://…`.
 */
export const webOriginContextKey = 'antoan:webOrigin';

/**
 * Context key of the SES sender for reminder e-mails (an address or domain verified in SES). Optional:
 * without it reminders stay in each firm's outbox only.
 */
export const notifyFromContextKey = 'antoan:notifyFrom';

/** Context key of the e-mail address that receives the alarms (optional: without it nobody is subscribed). */
export const alarmEmailContextKey = 'antoan:alarmEmail';

/** Context keys of the API stage's throttling: steady requests per second, and burst. */
export const apiRateLimitContextKey = 'antoan:apiRateLimit';
export const apiBurstLimitContextKey = 'antoan:apiBurstLimit';

/**
 * Context key of an ACM certificate (us-east-1) for the web origin's host. Optional: without it the site is
 * served on its cloudfront.net domain, which must then be the `antoan:webOrigin`.
 */
export const webCertificateContextKey = 'antoan:webCertificateArn';

/** Context key of the managed login's domain prefix (optional; `antoan-<account id>` by default). */
export const authDomainPrefixContextKey = 'antoan:authDomainPrefix';

/** The whole CDK app: its stacks, checked by cdk-nag's AWS Solutions rules when it synthesizes. */
export interface AntoanApp {
  readonly app: App;
  readonly ops: OpsStack;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly jobs: JobsStack;
  readonly web: WebStack;
}

/**
 * Builds the app. Stacks are environment-agnostic, so synthesis needs no AWS account and no lookups.
 * @example createAntoanApp().app.synth()
 */
export function createAntoanApp(props: AppProps = {}): AntoanApp {
  const app = new App({ ...props, context: { ...featureFlags, ...props.context } });
  const webOrigin = webOriginOf(app);
  const alarmEmail = optionalString(app, alarmEmailContextKey);
  const ops = new OpsStack(app, 'AntoanOps', {
    description: 'antoan: alarm topic',
    ...(alarmEmail === undefined ? {} : { alarmEmail }),
  });
  const data = new DataStack(app, 'AntoanData', {
    description: 'antoan: table and evidence bucket',
    webOrigin,
  });
  const domainPrefix = optionalString(app, authDomainPrefixContextKey);
  const auth = new AuthStack(app, 'AntoanAuth', {
    description: 'antoan: Cognito user pool, managed login and the web client',
    webOrigin,
    ...(domainPrefix === undefined ? {} : { domainPrefix }),
  });
  const shared = {
    table: data.table,
    evidenceBucket: data.evidenceBucketExports,
    auth: { issuer: auth.issuer, audience: auth.audience },
    userPool: { userPoolId: auth.userPool.userPoolId, userPoolArn: auth.userPool.userPoolArn },
    alarmTopic: ops.alarmTopic,
  };
  const api = new ApiStack(app, 'AntoanApi', {
    description: 'antoan: HTTP API and its functions',
    ...shared,
    throttle: apiThrottleOf(app),
  });
  const notifyFrom = optionalString(app, notifyFromContextKey);
  const jobs = new JobsStack(app, 'AntoanJobs', {
    description: 'antoan: evidence verification on upload, daily reminders, backfill after deploy',
    ...shared,
    ...(notifyFrom === undefined ? {} : { notifyFrom }),
  });
  const certificateArn = optionalString(app, webCertificateContextKey);
  const web = new WebStack(app, 'AntoanWeb', {
    description: 'antoan: web app on CloudFront, with /v1/* to the HTTP API',
    webOrigin,
    ...(certificateArn === undefined ? {} : { certificateArn }),
    apiId: api.api.apiId,
    evidenceBucketName: data.evidenceBucketExports.bucketName,
    auth: { issuer: auth.issuer, clientId: auth.audience, domainUrl: auth.domainUrl },
  });
  // The bucket arrives through named imports, which CDK does not count as references between stacks.
  for (const consumer of [api, jobs, web]) consumer.addStackDependency(data, 'imports the evidence bucket');
  Aspects.of(app).add(new LogRetentionForEveryFunction());
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, ops, data, auth, api, jobs, web };
}

/** A non-empty string from context, or undefined. */
function optionalString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`context ${key} must be a string`);
  return value;
}

/** The stage throttling from context (numbers, or strings as `-c` passes them), the defaults otherwise. */
export function apiThrottleOf(app: App): ApiThrottle {
  const limit = (key: string, fallback: number) => {
    const value: unknown = app.node.tryGetContext(key);
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > 10_000) {
      throw new Error(
        `context ${key} must be a whole number of requests per second from 1 to 10000, not ${value}`,
      );
    }
    return number;
  };
  const throttle = {
    rateLimit: limit(apiRateLimitContextKey, defaultApiThrottle.rateLimit),
    burstLimit: limit(apiBurstLimitContextKey, defaultApiThrottle.burstLimit),
  };
  if (throttle.burstLimit < throttle.rateLimit) {
    throw new Error(`context ${apiBurstLimitContextKey} must be at least ${apiRateLimitContextKey}`);
  }
  return throttle;
}

/** The web origin from the app's context, checked to be an origin (no path, no trailing slash). */
function webOriginOf(app: App): string {
  const value: unknown = app.node.tryGetContext(webOriginContextKey);
  if (typeof value !== 'string' || value === '') {
    throw new Error(
      `context ${webOriginContextKey} is required: the web app's origin, as in -c ${webOriginContextKey}=https://app.example.org`,
    );
  }
  const origin = URL.canParse(value) ? new URL(value).origin : undefined;
  if (origin !== value || !/^https?:/.test(origin)) {
    throw new Error(
      `context ${webOriginContextKey} must be an http(s) origin such as https://app.example.org (no path, no trailing slash), not ${value}`,
    );
  }
  return value;
}
