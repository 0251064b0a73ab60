import { roles } from '@antoan/api';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  ClientAttributes,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';

/** Custom attributes an administrator sets; the app client may read them (they ride in the ID token) but never write them. */
const adminAttributes = ['enterprise_id', 'zone_ids'] as const;

/**
 * Where the web app receives the sign-in redirect and where sign-out returns, as paths of the web origin. The
 * web app's OIDC client (`oidc-client-ts`) must use the same ones; the web stack also publishes them in
 * `/auth-config.json`.
 */
export const webSignInPaths = { callback: '/auth/callback', signedOut: '/' } as const;

export interface AuthStackProps extends StackProps {
  /** The web app's origin (`https://host[:port]`): the only place the managed login redirects to. */
  readonly webOrigin: string;
  /**
   * The managed login's domain prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique per region. Defaults
   * to `antoan-<account id>`.
   */
  readonly domainPrefix?: string;
}

/**
 * Identity: one user pool, whose groups are the API's roles, its managed login (hosted UI), and the web app's
 * client, which signs in with the Authorization Code flow and PKCE only.
 */
export class AuthStack extends Stack {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  /** The ID tokens' `iss`: `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  readonly issuer: string;
  /** The ID tokens' `aud`: the client id. */
  readonly audience: string;
  /** The managed login's domain, where the web app sends users to sign in and out. */
  readonly domain: UserPoolDomain;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the OAuth endpoints (authorize, token, logout). */
  readonly domainUrl: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new UserPool(this, 'Users', {
      // Accounts are created by the authority and zone managers, never by sign-up.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        enterprise_id: new StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        zone_ids: new StringAttribute({ mutable: true, maxLen: 2048 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional (TOTP): most users are staff of small enterprises filing a yearly self-assessment, and accounts are created by administrators only; requiring MFA for inspector and authority users is an open decision.',
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials tier: Plus threat protection is billed per active user and not budgeted; exposure is reduced by admin-only accounts, a 12-character policy with all character classes, and optional TOTP.',
    });

    for (const role of roles) this.userPool.addGroup(role, { groupName: role });

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `antoan-${this.account}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    this.domainUrl = this.domain.baseUrl();

    const { webOrigin } = props;
    this.client = this.userPool.addClient('WebClient', {
      // A browser cannot keep a secret: the code is bound to the browser by PKCE instead.
      generateSecret: false,
      // No password flows in the client (only ALLOW_REFRESH_TOKEN_AUTH): users sign in on the managed login
      // page. An empty object would leave Cognito's defaults (SRP and custom auth) switched on.
      authFlows: { userSrp: false },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${webOrigin}${webSignInPaths.callback}`],
        logoutUrls: [`${webOrigin}${webSignInPaths.signedOut}`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true, locale: true })
        .withCustomAttributes(...adminAttributes),
      // Never the custom attributes nor groups: a user's firm and zones are set by administrators only.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, locale: true }),
    });
    // Managed login (version 2) shows a page only for a client that has a style; Cognito's default one.
    new CfnManagedLoginBranding(this, 'WebClientLoginStyle', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.issuer = `https://${this.userPool.userPoolProviderUrl}`;
    this.audience = this.client.userPoolClientId;

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: this.domainUrl });
  }
}
