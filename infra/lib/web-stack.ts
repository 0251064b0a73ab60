import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  Annotations,
  Aws,
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { webSignInPaths } from './auth-stack';
import { wildcardResourceFinding } from './nag';
import { repoRoot } from './paths';

/** Where `pnpm --filter @antoan/web build` writes the web app. */
export const webDistDir = join(repoRoot, 'web', 'dist');

/** The API's path prefix: CloudFront sends it to the HTTP API, everything else to the web bucket. */
export const apiPathPattern = '/v1/*';

/**
 * The viewer-request function on the web app's behaviour: a path whose last segment has no extension is an app
 * route (`/zones/z1`), answered with `index.html` so the client router takes over; files (`/assets/x.js`) pass
 * unchanged and a missing one stays a 403/404. `/v1/*` never reaches it (its own behaviour), and it leaves any
 * `/v1` path alone anyway, so an API error is never turned into the app's page.
 */
export const spaRewriteCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/v1' || uri.indexOf('/v1/') === 0) return request;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

export interface WebStackProps extends StackProps {
  /** The public origin of the site (`https://host`); with `certificateArn`, the distribution serves this host. */
  readonly webOrigin: string;
  /** An ACM certificate in us-east-1 for the origin's host; without it the site is the cloudfront.net domain. */
  readonly certificateArn?: string;
  /** The HTTP API's id, in this account and region. */
  readonly apiId: string;
  /** The evidence bucket's name: browsers upload to and download from it directly (presigned). */
  readonly evidenceBucketName: string;
  /** What the web app needs to start its OIDC sign-in, published as `/auth-config.json`. */
  readonly auth: { readonly issuer: string; readonly clientId: string; readonly domainUrl: string };
  /** The built web app; `web/dist` unless given. A placeholder page is deployed when it has no index.html. */
  readonly distDir?: string;
}

/**
 * The web app on AWS: a private bucket read by CloudFront through origin access control, `/v1/*` forwarded
 * uncached to the HTTP API on the same origin (so the API needs no CORS), strict security headers, and the
 * SPA fallback for app routes only.
 */
export class WebStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeaders: ResponseHeadersPolicy;
  /** Whether the deployment carries the built app (false: the placeholder page). */
  readonly deploysBuiltApp: boolean;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with an ACL grant to the awslogsdelivery account.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs as IBucket,
      serverAccessLogsPrefix: 'site/',
      // The content is the build, redeployed on every deploy: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const region = Aws.REGION;
    const evidenceOrigin = `https://${props.evidenceBucketName}.s3.${region}.amazonaws.com`;
    const issuerOrigin = `https://cognito-idp.${region}.amazonaws.com`;
    const csp = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      // data: for the inline favicon; the evidence bucket for previews of presigned downloads.
      `img-src 'self' data: ${evidenceOrigin}`,
      "font-src 'self'",
      "manifest-src 'self'",
      // The API is same-origin; the OIDC client reads the issuer's metadata and keys and calls the token
      // endpoint on the login domain; evidence is posted to and fetched from the bucket with presigned URLs.
      `connect-src 'self' ${props.auth.domainUrl} ${issuerOrigin} ${evidenceOrigin}`,
      `form-action 'self' ${props.auth.domainUrl} ${evidenceOrigin}`,
      // The evidence review queue frames a PDF from a local object URL of its downloaded bytes.
      'frame-src blob:',
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
      'upgrade-insecure-requests',
    ].join('; ');
    this.responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'antoan: strict CSP, HSTS, nosniff, referrer policy, no framing',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: false,
          override: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      },
    });

    const spaRewrite = new EdgeFunction(this, 'SpaRewrite', {
      comment: 'antoan: app routes (no file extension) get index.html; never /v1',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(spaRewriteCode),
    });

    const host = new URL(props.webOrigin).host;
    const customDomain =
      props.certificateArn === undefined
        ? {}
        : {
            domainNames: [host],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          };
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'antoan web app and API',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs as IBucket,
      logFilePrefix: 'cloudfront/',
      ...customDomain,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket as IBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [apiPathPattern]: {
          origin: new HttpOrigin(`${props.apiId}.execute-api.${region}.${Aws.URL_SUFFIX}`, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Every API response is per user: never cached. The viewer's headers (Authorization, If-Match,
          // Idempotency-Key) and query strings go to the API; the Host header does not, so API Gateway sees its own.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeaders,
          compress: true,
        },
      },
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the site serves Vietnamese enterprises and authorities, some of whose staff work from abroad; access is controlled by sign-in.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF web ACL yet (billed per ACL and rule): the API is throttled per stage and every route needs a Cognito token except health; adding AWS managed rules is an open operations decision.',
    });
    if (props.certificateArn === undefined) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without a custom domain the distribution uses CloudFront's default *.cloudfront.net certificate, whose TLS policy cannot be chosen; with antoan:webCertificateArn it requires TLSv1.2_2021.",
      });
    }

    const distDir = props.distDir ?? webDistDir;
    this.deploysBuiltApp = existsSync(join(distDir, 'index.html'));
    const app: ISource = this.deploysBuiltApp
      ? Source.asset(distDir)
      : Source.data('index.html', placeholderPage);
    if (!this.deploysBuiltApp) {
      Annotations.of(this).addInfo(
        `web/dist has no index.html: a placeholder page is deployed. Build the web app first (pnpm --filter @antoan/web build).`,
      );
    }
    const deployLogs = new LogGroup(this, 'DeployLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const deployment = new BucketDeployment(this, 'Deploy', {
      sources: [
        app,
        Source.jsonData('auth-config.json', {
          authority: props.auth.issuer,
          clientId: props.auth.clientId,
          signInDomain: props.auth.domainUrl,
          redirectPath: webSignInPaths.callback,
          postLogoutRedirectPath: webSignInPaths.signedOut,
          scope: 'openid email profile',
        }),
      ],
      destinationBucket: this.bucket as IBucket,
      // cdk destroy removes the build with the deployment, so the (then empty) site bucket can go too.
      retainOnDelete: false,
      // Browsers revalidate (ETag) instead of running an old build; hashed assets answer 304 cheaply.
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      logGroup: deployLogs,
      memoryLimit: 512,
    });
    acknowledgeDeploymentHandler(this, this.bucket);
    void deployment;

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
}

/** Deployed when the web app was not built (tests, or a deploy run before `pnpm --filter @antoan/web build`). */
const placeholderPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>antoan</title></head>
<body><h1>antoan</h1><p>The web app was not built when this stack was deployed. Run <code>pnpm --filter @antoan/web build</code>, then deploy again.</p></body></html>
`;

/** cdk-nag findings on the BucketDeployment's CDK-provided handler, each with why it is accepted. */
function acknowledgeDeploymentHandler(stack: Stack, site: Bucket): void {
  // The handler is a singleton in the stack, next to the deployment; its role is named by CDK.
  for (const construct of stack.node.findAll()) {
    if (!construct.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    Validations.of(construct).acknowledge(
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "CDK's BucketDeployment handler attaches this policy (log writes only); it runs at deploy time to copy the build into the site bucket.",
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetObject*]',
        reason:
          "BucketDeployment's handler reads the build from CDK's asset bucket and the site bucket (grantRead/grantReadWrite); deploy time only.",
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        reason:
          "BucketDeployment's handler reads the asset and site buckets' settings (grantRead); deploy time only.",
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:List*]',
        reason:
          "BucketDeployment's handler lists the asset and site buckets to sync the build and prune old files; deploy time only.",
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        reason: "BucketDeployment's handler prunes files of the previous build, in the site bucket only.",
      },
      {
        id: 'AwsSolutions-IAM5[Action::s3:Abort*]',
        reason:
          "BucketDeployment's handler writes the build into the site bucket only (grantReadWrite), aborting failed multipart uploads.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason:
          "BucketDeployment's handler reads the build's zip from CDK's bootstrap asset bucket, whose object keys are content hashes.",
      },
      {
        id: wildcardResourceFinding(site, `${site.bucketArn}/*`),
        reason:
          "BucketDeployment's handler writes the build into the site bucket and prunes old files: every object of that bucket only.",
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          "BucketDeployment's handler creates a CloudFront invalidation, which has no resource-level permissions in its grant.",
      },
      {
        id: 'AwsSolutions-L1',
        reason: "The BucketDeployment handler's runtime is chosen by aws-cdk-lib and upgraded with it.",
      },
    );
  }
}
