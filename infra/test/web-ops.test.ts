import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultApiThrottle } from '../lib/api-stack';
import { apiBurstLimitContextKey, apiRateLimitContextKey, apiThrottleOf } from '../lib/app';
import { webSignInPaths } from '../lib/auth-stack';
import { spaRewriteCode } from '../lib/web-stack';
import { type SynthesizedApp, synthesizeApp, testAlarmEmail, testWebOrigin } from './synth';

let synth: SynthesizedApp;
let web: Template;
let auth: Template;
let api: Template;
let jobs: Template;
let ops: Template;

beforeAll(() => {
  synth = synthesizeApp();
  web = Template.fromStack(synth.web);
  auth = Template.fromStack(synth.auth);
  api = Template.fromStack(synth.api);
  jobs = Template.fromStack(synth.jobs);
  ops = Template.fromStack(synth.ops);
});

const logicalId = (stack: Stack, construct: IConstruct) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

/** A CloudFormation string expression as text: `<import:name>` for an import, `<Id>` for a reference. */
function render(expression: unknown): string {
  if (typeof expression === 'string') return expression;
  const e = expression as Record<string, unknown>;
  if (e['Fn::Join']) {
    const [delimiter, parts] = e['Fn::Join'] as [string, unknown[]];
    return parts.map(render).join(delimiter);
  }
  if (e['Fn::ImportValue'] !== undefined) return `<import:${render(e['Fn::ImportValue'])}>`;
  if (e.Ref !== undefined) return `<${String(e.Ref)}>`;
  if (e['Fn::GetAtt']) return `<${(e['Fn::GetAtt'] as string[]).join('.')}>`;
  return JSON.stringify(expression);
}

function distributionConfig() {
  const distributions = Object.values(web.findResources('AWS::CloudFront::Distribution'));
  expect(distributions).toHaveLength(1);
  return distributions[0]?.Properties.DistributionConfig;
}

describe('AntoanWeb: CloudFront', () => {
  it('sends /v1/* to the HTTP API, uncached, with every method and the viewer headers but Host', () => {
    const config = distributionConfig();
    expect(config.CacheBehaviors).toHaveLength(1);
    const [behaviour] = config.CacheBehaviors;
    expect(behaviour).toMatchObject({
      PathPattern: '/v1/*',
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'https-only',
    });
    expect([...behaviour.AllowedMethods].sort()).toEqual(
      ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].sort(),
    );
    const origin = config.Origins.find((o: { Id: string }) => o.Id === behaviour.TargetOriginId);
    expect(render(origin.DomainName)).toMatch(
      /^<import:AntoanApi:ExportsOutputRefHttpApi\w+>\.execute-api\.<AWS::Region>\.<AWS::URLSuffix>$/,
    );
    expect(origin.CustomOriginConfig).toEqual({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
  });

  it('serves the app from the private bucket through origin access control', () => {
    const config = distributionConfig();
    const site = logicalId(synth.web, synth.web.bucket);
    const origin = config.Origins.find(
      (o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId,
    );
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [site, 'RegionalDomainName'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Id'] });
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
    web.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    // Only CloudFront, and only this distribution, may read the site.
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: site },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('falls back to index.html through a viewer-request function, never through error responses', () => {
    const config = distributionConfig();
    // Distribution-wide error responses would also turn /v1 errors into the app page.
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.any(String), 'FunctionARN'] } },
    ]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    web.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: spaRewriteCode,
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('rewrites app routes only: not files, not the API', () => {
    const rewrite = (uri: string): string =>
      runInNewContext(`${spaRewriteCode}; handler({ request: { uri: ${JSON.stringify(uri)} } }).uri`);
    expect(rewrite('/')).toBe('/index.html');
    expect(rewrite('/zones/zone-a')).toBe('/index.html');
    expect(rewrite('/enterprises/e1/assessments/a1/')).toBe('/index.html');
    expect(rewrite('/assets/index-3f9a.js')).toBe('/assets/index-3f9a.js');
    expect(rewrite('/auth-config.json')).toBe('/auth-config.json');
    expect(rewrite('/v1/zones')).toBe('/v1/zones');
    expect(rewrite('/v1')).toBe('/v1');
  });

  it('adds a strict CSP, HSTS, nosniff, a referrer policy and no framing to every response', () => {
    const policies = Object.entries(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const [policyId, policy] = policies[0] ?? [];
    const config = distributionConfig();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    const headers = policy?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.ReferrerPolicy).toEqual({
      ReferrerPolicy: 'strict-origin-when-cross-origin',
      Override: true,
    });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    const csp = Object.fromEntries(
      render(headers.ContentSecurityPolicy.ContentSecurityPolicy)
        .split('; ')
        .map((directive) => {
          const [name, ...values] = directive.split(' ');
          return [name, values];
        }),
    ) as Record<string, string[]>;
    const loginDomain = expect.stringMatching(
      /^https:\/\/<import:AntoanAuth:\S+>\.auth\.<AWS::Region>\.amazoncognito\.com$/,
    );
    const bucket = 'https://<import:AntoanData-EvidenceBucketName>.s3.<AWS::Region>.amazonaws.com';
    expect(csp).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', bucket],
      'font-src': ["'self'"],
      'manifest-src': ["'self'"],
      'connect-src': ["'self'", loginDomain, 'https://cognito-idp.<AWS::Region>.amazonaws.com', bucket],
      'form-action': ["'self'", loginDomain, bucket],
      'frame-src': ['blob:'],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'object-src': ["'none'"],
      'upgrade-insecure-requests': [],
    });
    // Nothing inline or evaluated, and no wildcard source.
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-|\*/);
  });

  it('deploys the build (or a placeholder when web/dist is absent) with the sign-in settings, then invalidates', () => {
    const deployments = Object.values(web.findResources('Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    const deployment = deployments[0]?.Properties;
    expect(deployment.DestinationBucketName).toEqual({ Ref: logicalId(synth.web, synth.web.bucket) });
    expect(deployment.DistributionPaths).toEqual(['/*']);
    expect(deployment.Prune).toBe(true);
    // Two sources: the app (or its placeholder) and auth-config.json, whose markers CDK fills in at deploy time.
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    const assets = (deployment.SourceObjectKeys as string[]).map((key) =>
      join(synth.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`),
    );
    const configDir = assets.find((dir) => existsSync(join(dir, 'auth-config.json')));
    expect(configDir).toBeDefined();
    const config = JSON.parse(readFileSync(join(configDir as string, 'auth-config.json'), 'utf8'));
    expect(config).toEqual({
      authority: 'https://<<marker:0xbaba:0>>',
      clientId: '<<marker:0xbaba:1>>',
      signInDomain: 'https://<<marker:0xbaba:2>>.auth.<<marker:0xbaba:3>>.amazoncognito.com',
      redirectPath: webSignInPaths.callback,
      postLogoutRedirectPath: webSignInPaths.signedOut,
      scope: 'openid email profile',
    });
    const markers = deployment.SourceMarkers[assets.indexOf(configDir as string)];
    expect(render(markers['<<marker:0xbaba:0>>'])).toMatch(/ProviderURL/);
    expect(render(markers['<<marker:0xbaba:1>>'])).toMatch(/WebClient/);
    // The app: the build when web/dist has one, otherwise the placeholder page alone.
    const appDir = assets.find((dir) => dir !== configDir) as string;
    const page = readFileSync(join(appDir, 'index.html'), 'utf8');
    if (synth.web.deploysBuiltApp) expect(page).toContain('<div id="root">');
    else expect(page).toContain('The web app was not built');
    expect(typeof synth.web.deploysBuiltApp).toBe('boolean');
  });
});

describe('AntoanAuth: managed login and the web client', () => {
  it('has a managed login domain with a style for the web client', () => {
    auth.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['antoan-', { Ref: 'AWS::AccountId' }]] },
      ManagedLoginVersion: 2,
    });
    auth.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: logicalId(synth.auth, synth.auth.client) },
      UseCognitoProvidedValues: true,
    });
  });

  it('signs in with the authorization code flow only (PKCE in the browser), no secret, back to the web origin', () => {
    const clients = Object.values(auth.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const client = clients[0]?.Properties;
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [`${testWebOrigin}${webSignInPaths.callback}`],
      LogoutURLs: [`${testWebOrigin}${webSignInPaths.signedOut}`],
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
    });
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    // No password flow in the client: only refreshing tokens the managed login issued.
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.ReadAttributes).toEqual(
      expect.arrayContaining(['custom:enterprise_id', 'custom:zone_ids']),
    );
    expect(client.WriteAttributes.filter((name: string) => name.startsWith('custom:'))).toEqual([]);
  });

  it('is the audience the API authorizer and the functions check', () => {
    const clientExport = Match.stringLikeRegexp('WebClient');
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Audience: [{ 'Fn::ImportValue': clientExport }] },
    });
    for (const fn of Object.values(api.findResources('AWS::Lambda::Function'))) {
      expect(render(fn.Properties.Environment.Variables.JWT_AUDIENCE)).toMatch(/WebClient/);
      expect(render(fn.Properties.Environment.Variables.JWT_ISSUER)).toMatch(
        /^https:\/\/<import:.*ProviderURL/,
      );
    }
  });
});

describe('operations', () => {
  /** Alarm resources of a template whose metric is `metric` of `namespace`. */
  const alarmsOn = (template: Template, namespace: string, metric: string) =>
    Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter(
      (alarm) => alarm.Properties.Namespace === namespace && alarm.Properties.MetricName === metric,
    );
  const topicImport = { 'Fn::ImportValue': expect.stringMatching(/^AntoanOps:.*Alarms/) };

  it('sends alarms to an encrypted SNS topic with the e-mail from context', () => {
    ops.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    ops.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: testAlarmEmail });
    ops.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('alarms on errors and throttles of every function', () => {
    for (const [template, stack, functions] of [
      [api, synth.api, [...synth.api.functions.values()]],
      [jobs, synth.jobs, [synth.jobs.evidenceVerify, synth.jobs.reminders, synth.jobs.backfill]],
    ] as const) {
      for (const metric of ['Errors', 'Throttles']) {
        const alarmed = alarmsOn(template, 'AWS/Lambda', metric).map((alarm) => {
          expect(alarm.Properties).toMatchObject({
            Statistic: 'Sum',
            Period: 300,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            AlarmActions: [topicImport],
          });
          return alarm.Properties.Dimensions[0].Value.Ref;
        });
        expect(alarmed.sort()).toEqual(functions.map((fn) => logicalId(stack, fn)).sort());
      }
    }
  });

  it('alarms as soon as a dead-letter queue holds a message', () => {
    const alarmed = alarmsOn(jobs, 'AWS/SQS', 'ApproximateNumberOfMessagesVisible').map((alarm) => {
      expect(alarm.Properties).toMatchObject({ Threshold: 1, AlarmActions: [topicImport] });
      return alarm.Properties.Dimensions[0].Value['Fn::GetAtt'][0];
    });
    expect(alarmed.sort()).toEqual(
      [synth.jobs.evidenceVerifyFailures, synth.jobs.reminderFailures]
        .map((q) => logicalId(synth.jobs, q))
        .sort(),
    );
  });

  it('alarms on the API 5xx rate', () => {
    const rate = Object.values(api.findResources('AWS::CloudWatch::Alarm')).filter((alarm) =>
      alarm.Properties.Metrics?.some((m: { Expression?: string }) =>
        m.Expression?.includes('errors / requests'),
      ),
    );
    expect(rate).toHaveLength(1);
    const metrics: Array<{ MetricStat?: { Metric: { MetricName: string } } }> = rate[0]?.Properties.Metrics;
    expect(rate[0]?.Properties).toMatchObject({ Threshold: 5, AlarmActions: [topicImport] });
    const names = metrics.flatMap((m) => (m.MetricStat ? [m.MetricStat.Metric.MetricName] : [])).sort();
    expect(names).toEqual(['5xx', 'Count']);
  });

  it('throttles the API stage from context, with defaults', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: {
        ThrottlingRateLimit: defaultApiThrottle.rateLimit,
        ThrottlingBurstLimit: defaultApiThrottle.burstLimit,
      },
    });
    const app = (context: Record<string, unknown>) => new App({ context });
    expect(apiThrottleOf(app({}))).toEqual(defaultApiThrottle);
    expect(apiThrottleOf(app({ [apiRateLimitContextKey]: '50', [apiBurstLimitContextKey]: 80 }))).toEqual({
      rateLimit: 50,
      burstLimit: 80,
    });
    expect(() => apiThrottleOf(app({ [apiRateLimitContextKey]: 'fast' }))).toThrow(/whole number/);
    expect(() => apiThrottleOf(app({ [apiRateLimitContextKey]: 300 }))).toThrow(/at least/);
  });

  it('keeps every function’s logs in a log group with a retention, CDK’s own handlers included', () => {
    let functions = 0;
    for (const stack of [synth.api, synth.jobs, synth.web, synth.data, synth.auth, synth.ops]) {
      const template = Template.fromStack(stack).toJSON();
      const resources: Record<
        string,
        { Type: string; Properties: { LoggingConfig?: { LogGroup?: { Ref?: string } } } }
      > = template.Resources;
      for (const [id, resource] of Object.entries(resources)) {
        if (resource.Type !== 'AWS::Lambda::Function') continue;
        functions++;
        const logGroup = resource.Properties.LoggingConfig?.LogGroup?.Ref;
        expect(logGroup, `${stack.stackName} ${id}`).toEqual(expect.any(String));
        expect(template.Resources[logGroup as string]).toMatchObject({
          Type: 'AWS::Logs::LogGroup',
          Properties: { RetentionInDays: expect.any(Number) },
        });
      }
    }
    // 11 API groups, evidence-verify, reminders, backfill, the notifications and trigger handlers, the deployment.
    expect(functions).toBe(synth.api.functions.size + 6);
  });

  it('runs the backfill after deploy, waiting for it', () => {
    jobs.hasResourceProperties('Custom::Trigger', {
      HandlerArn: { Ref: Match.stringLikeRegexp('^BackfillCurrentVersion') },
      InvocationType: 'RequestResponse',
    });
  });
});
