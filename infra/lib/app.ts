import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack';
import { AuthStack } from './auth-stack';
import { DataStack } from './data-stack';
import { JobsStack } from './jobs-stack';

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

/** The whole CDK app: its stacks, checked by cdk-nag's AWS Solutions rules when it synthesizes. */
export interface AntoanApp {
  readonly app: App;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
  readonly jobs: JobsStack;
}

/**
 * Builds the app. Stacks are environment-agnostic, so synthesis needs no AWS account and no lookups.
 * @example createAntoanApp().app.synth()
 */
export function createAntoanApp(props: AppProps = {}): AntoanApp {
  const app = new App({ ...props, context: { ...featureFlags, ...props.context } });
  const data = new DataStack(app, 'AntoanData', {
    description: 'antoan: table and evidence bucket',
    webOrigin: webOriginOf(app),
  });
  const auth = new AuthStack(app, 'AntoanAuth', { description: 'antoan: Cognito user pool' });
  const shared = {
    table: data.table,
    evidenceBucket: data.evidenceBucketExports,
    auth: { issuer: auth.issuer, audience: auth.audience },
  };
  const api = new ApiStack(app, 'AntoanApi', {
    description: 'antoan: HTTP API and its functions',
    ...shared,
  });
  const notifyFrom: unknown = app.node.tryGetContext(notifyFromContextKey);
  const jobs = new JobsStack(app, 'AntoanJobs', {
    description: 'antoan: evidence verification on upload and daily reminders',
    ...shared,
    ...(typeof notifyFrom === 'string' && notifyFrom !== '' ? { notifyFrom } : {}),
  });
  // The bucket arrives through named imports, which CDK does not count as references between stacks.
  for (const consumer of [api, jobs]) consumer.addStackDependency(data, 'imports the evidence bucket');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, auth, api, jobs };
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
