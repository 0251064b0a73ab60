import type { IncomingMessage, ServerResponse } from 'node:http';
import { cognitoClaims } from '@antoan/api/local-issuer';
import type { LocalUserStore } from '@antoan/api/local-users';
import type { JWK } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

/** Where the provider is mounted on the platform's origin: its issuer is `<origin>/oidc`. */
export const OIDC_MOUNT = '/oidc';
/** The web app's client id at the local provider (on AWS, the Cognito app client id). */
export const LOCAL_WEB_CLIENT_ID = 'antoan-web';
/** Where the web app receives the authorization code, and where it lands after signing out. */
export const CALLBACK_PATH = '/auth/callback';

/** The scopes the web app asks for; Cognito's managed login grants the same. */
const OIDC_SCOPES = ['openid', 'email', 'profile'];

/** The local OpenID provider and the Node handler that serves it under `/oidc`. */
export interface LocalOidc {
  provider: Provider;
  /** Serves `/oidc/*` (except the login pages, which the Hono app serves); false when the path is not the provider's. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * A certified OpenID provider (`oidc-provider`) configured as Cognito's managed login behaves for the web app
 * client: Authorization Code with PKCE (S256) and no client secret, RS256 ID tokens with `aud` = client id,
 * `token_use: "id"` and Cognito's claims, JWT access tokens with `token_use: "access"`, refresh tokens, and
 * RP-initiated logout. Its JWKS is at `<issuer>/.well-known/jwks.json`, where Cognito serves its own.
 */
export function createLocalOidc(options: {
  issuer: string;
  /** The web app origins that may start a sign-in (`http://localhost:3000`, `http://127.0.0.1:3000`). */
  webOrigins: readonly string[];
  signingKey: JWK;
  users: LocalUserStore;
  /** ID and access token lifetime; Cognito's web client gives one hour. */
  tokenTtlSeconds?: number;
}): LocalOidc {
  const { issuer, users, webOrigins } = options;
  const ttl = options.tokenTtlSeconds ?? 3600;
  // JWT access tokens need a resource server; this one is the API, as Cognito's access tokens are meant for it.
  const apiResource = `${issuer}/api`;

  const findAccount: Configuration['findAccount'] = async (_ctx, sub) => {
    const account = users.account(sub);
    // A disabled account can neither sign in nor refresh its tokens, as in Cognito.
    if (!account?.enabled) return undefined;
    return {
      accountId: sub,
      claims: async (use) => ({
        sub,
        ...cognitoClaims(account),
        email: account.email,
        email_verified: true,
        name: account.name,
        ...(use === 'id_token' ? { token_use: 'id' } : {}),
      }),
    };
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: LOCAL_WEB_CLIENT_ID,
        client_name: 'antoan',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: webOrigins.map((origin) => `${origin}${CALLBACK_PATH}`),
        post_logout_redirect_uris: webOrigins.map((origin) => `${origin}/`),
      },
    ],
    jwks: { keys: [options.signingKey] },
    routes: { jwks: '/.well-known/jwks.json' },
    scopes: OIDC_SCOPES,
    claims: {
      openid: ['sub', 'cognito:groups', 'custom:enterprise_id', 'custom:zone_ids', 'token_use'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // Cognito puts the user's claims in the ID token itself, not only behind the userinfo endpoint.
    conformIdTokenClaims: false,
    findAccount,
    interactions: { url: (_ctx, interaction) => `${OIDC_MOUNT}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The web app asked for the sign-out; end the session at once instead of asking again.
        logoutSource: async (ctx, form) => {
          ctx.body = signingOutPage(form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiResource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: OIDC_SCOPES.join(' '),
          accessTokenFormat: 'jwt',
          accessTokenTTL: ttl,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    pkce: { required: () => true },
    // Cognito gives the web client a refresh token on every sign-in, without `offline_access`.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Nor does Cognito rotate them (unless asked to): two tabs refreshing with the same token both succeed.
    rotateRefreshToken: () => false,
    // The web app is first party: no consent screen, as with Cognito's managed login.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session, provider } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) {
        const existing = await provider.Grant.find(grantId);
        if (existing) return existing;
      }
      const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(OIDC_SCOPES.join(' '));
      grant.addResourceScope(apiResource, OIDC_SCOPES.join(' '));
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (_ctx, token) => {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const account = users.account(token.accountId);
      return {
        token_use: 'access',
        client_id: token.clientId,
        username: token.accountId,
        ...(account ? { 'cognito:groups': [account.role] } : {}),
      };
    },
    ttl: {
      IdToken: ttl,
      AccessToken: ttl,
      RefreshToken: 30 * 24 * 3600,
      Session: 14 * 24 * 3600,
      Grant: 30 * 24 * 3600,
      Interaction: 3600,
      AuthorizationCode: 60,
    },
    clientBasedCORS: (_ctx, origin) => webOrigins.includes(origin),
    cookies: { keys: [crypto.randomUUID(), crypto.randomUUID()] },
  };

  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  return {
    provider,
    handle(req, res) {
      const url = req.url ?? '/';
      if (!url.startsWith(`${OIDC_MOUNT}/`) || url.startsWith(`${OIDC_MOUNT}/interaction/`)) return false;
      // As a router mounting the provider would: the provider sees its own paths and finds its mount in originalUrl.
      Object.assign(req, { originalUrl: url, url: url.slice(OIDC_MOUNT.length) });
      void callback(req, res);
      return true;
    },
  };
}

const signingOutPage = (form: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đang đăng xuất / Signing out</title></head>
<body><main><h1>Đang đăng xuất… / Signing out…</h1>
${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><noscript><button type="submit">Đăng xuất / Sign out</button></noscript></form>')}
<script>document.forms[0].submit()</script></main></body></html>`;
