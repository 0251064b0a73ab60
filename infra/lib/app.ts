import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './api-stack';
import { AuthStack } from './auth-stack';
import { DataStack } from './data-stack';

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

/** The whole CDK app: its stacks, checked by cdk-nag's AWS Solutions rules when it synthesizes. */
export interface AntoanApp {
  readonly app: App;
  readonly data: DataStack;
  readonly auth: AuthStack;
  readonly api: ApiStack;
}

/**
 * Builds the app. Stacks are environment-agnostic, so synthesis needs no AWS account and no lookups.
 * @example createAntoanApp().app.synth()
 */
export function createAntoanApp(props: AppProps = {}): AntoanApp {
  const app = new App({ ...props, context: { ...featureFlags, ...props.context } });
  const data = new DataStack(app, 'AntoanData', { description: 'antoan: table and evidence bucket' });
  const auth = new AuthStack(app, 'AntoanAuth', { description: 'antoan: Cognito user pool' });
  const api = new ApiStack(app, 'AntoanApi', {
    description: 'antoan: HTTP API and its functions',
    table: data.table,
    auth: { issuer: auth.issuer, audience: auth.audience },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, data, auth, api };
}
