import { createHash, randomBytes } from 'node:crypto';
import { generateSigningKey } from '@antoan/api/local-issuer';
import { importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_PATH, LOCAL_WEB_CLIENT_ID } from './oidc';
import { type AuthConfig, type Platform, startPlatform } from './platform';

let platform: Platform;
let auth: AuthConfig;
let discovery: { authorization_endpoint: string; token_endpoint: string; end_session_endpoint: string };

const authority = { id: 'auth-1', name: 'Authority', role: 'authority' as const };
const manager = { id: 'zm-1', name: 'Zone manager', role: 'zone_manager' as const, zoneIds: ['zone-a'] };
const account = (user: {
  id: string;
  name: string;
  role: 'authority' | 'zone_manager';
  zoneIds?: string[];
}) => ({
  zoneIds: [],
  ...user,
  email: `${user.id}@test.example`,
  enabled: true,
  createdAt: '2026-11-30T00:00:00.000Z',
});

beforeAll(async () => {
  platform = await startPlatform({ port: 0, dataDir: undefined, seed: false });
  await platform.accounts.ensureAccounts([account(authority), account(manager)]);
  auth = (await (await fetch(`${platform.url}/auth-config.json`)).json()) as AuthConfig;
  discovery = (await (
    await fetch(`${auth.authority}/.well-known/openid-configuration`)
  ).json()) as typeof discovery;
}, 120_000);
afterAll(() => platform?.stop());

/** A browser's cookie jar for the provider's origin, and requests that never follow redirects. */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const response = await fetch(new URL(url, platform.url), {
      ...init,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
}

const location = (response: Response) => {
  const to = response.headers.get('location');
  if (!to) throw new Error(`no redirect (HTTP ${response.status})`);
  return new URL(to, platform.url).href;
};

interface Tokens {
  id_token: string;
  access_token: string;
  refresh_token: string;
}

/** The start of Authorization Code + PKCE, as the web app sends it. */
function authorizationRequest(challenge: string) {
  const request = new URL(discovery.authorization_endpoint);
  for (const [name, value] of Object.entries({
    client_id: auth.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: `${platform.url}${CALLBACK_PATH}`,
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    request.searchParams.set(name, value);
  return request.href;
}

/** Authorization Code + PKCE through the login page, as the web app does it in a browser. */
async function signIn(sub: string, go = browser()): Promise<Tokens> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${platform.url}${CALLBACK_PATH}`;
  const interaction = location(
    await go(authorizationRequest(createHash('sha256').update(verifier).digest('base64url'))),
  );
  const page = await (await go(interaction)).text();
  expect(page).toContain(`data-testid="login-${sub}"`);
  const resumed = location(
    await go(`${interaction}/login`, { method: 'POST', body: new URLSearchParams({ sub }) }),
  );
  const callback = new URL(location(await go(resumed)));
  expect(callback.origin + callback.pathname).toBe(redirectUri);
  expect(callback.searchParams.get('state')).toBe('state-1');
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: auth.clientId,
      code_verifier: verifier,
    }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Tokens;
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString());
const zones = (token: string) =>
  fetch(`${platform.url}/v1/zones`, { headers: { Authorization: `Bearer ${token}` } });

describe('the local OpenID provider', () => {
  it('signs in with Authorization Code + PKCE and issues Cognito-shaped tokens the API accepts', async () => {
    const tokens = await signIn(manager.id);
    expect(claimsOf(tokens.id_token)).toMatchObject({
      iss: auth.authority,
      aud: LOCAL_WEB_CLIENT_ID,
      sub: manager.id,
      token_use: 'id',
      'cognito:groups': ['zone_manager'],
      'custom:zone_ids': 'zone-a',
    });
    expect(claimsOf(tokens.access_token)).toMatchObject({
      iss: auth.authority,
      token_use: 'access',
      client_id: LOCAL_WEB_CLIENT_ID,
      'cognito:groups': ['zone_manager'],
    });
    expect((await zones(tokens.id_token)).status).toBe(200);
  });

  it('refuses an authorization request without PKCE', async () => {
    const request = new URL(discovery.authorization_endpoint);
    request.search = new URLSearchParams({
      client_id: auth.clientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: `${platform.url}${CALLBACK_PATH}`,
    }).toString();
    const redirected = new URL(location(await browser()(request.href)));
    expect(redirected.searchParams.get('error')).toBe('invalid_request');
  });

  it('refreshes tokens, and stops refreshing once the account is disabled', async () => {
    const tokens = await signIn(authority.id);
    const refresh = () =>
      fetch(discovery.token_endpoint, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_id: auth.clientId,
        }),
      });
    const refreshed = await refresh();
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as Tokens;
    expect((await zones(next.id_token)).status).toBe(200);
    const created = await platform.accounts.createUser({ email: 'gone@test.example', role: 'inspector' });
    if (!created.ok) throw new Error('not created');
    const gone = await signIn(created.value.id);
    await platform.accounts.disableUser(created.value.id);
    const refused = await fetch(discovery.token_endpoint, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: gone.refresh_token,
        client_id: auth.clientId,
      }),
    });
    expect(refused.status).toBe(400);
  });

  it('ends the provider session on sign-out and goes back to the web app', async () => {
    const go = browser();
    const tokens = await signIn(authority.id, go);
    const challenge = createHash('sha256').update('v'.repeat(43)).digest('base64url');
    // While the provider session lives, a new sign-in goes straight back to the app with a code.
    expect(location(await go(authorizationRequest(challenge)))).toContain(CALLBACK_PATH);

    const end = new URL(discovery.end_session_endpoint);
    end.searchParams.set('id_token_hint', tokens.id_token);
    end.searchParams.set('post_logout_redirect_uri', `${platform.url}/`);
    // The signing-out page posts its form by itself; a test posts it as the page's script would.
    const form = await (await go(end.href)).text();
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
    const fields = new URLSearchParams(
      [...form.matchAll(/name="(\w+)" value="([^"]*)"/g)].map(
        ([, name = '', value = '']): [string, string] => [name, value],
      ),
    );
    let next = location(await go(action, { method: 'POST', body: fields }));
    while (next.startsWith(auth.authority)) next = location(await go(next));
    expect(next).toBe(`${platform.url}/`);
    // The session is over: signing in again shows the login page.
    expect(location(await go(authorizationRequest(challenge)))).toContain('/oidc/interaction/');
  });
});

describe('token verification in the API (the same code as on AWS)', () => {
  const sign = async (key: JWK, claims: Record<string, unknown>, expiresIn = '1h') =>
    new SignJWT({ 'cognito:groups': ['authority'], token_use: 'id', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid ?? '' })
      .setSubject('auth-1')
      .setIssuer(typeof claims.iss === 'string' ? claims.iss : auth.authority)
      .setAudience(typeof claims.aud === 'string' ? claims.aud : auth.clientId)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(await importJWK(key, 'RS256'));
  const providerKey = () => platform.issuer.signingKey;

  it('accepts a token signed with the provider key for the web client', async () => {
    expect((await zones(await sign(providerKey(), {}))).status).toBe(200);
  });

  it('refuses a token for another audience', async () => {
    expect((await zones(await sign(providerKey(), { aud: 'another-client' }))).status).toBe(401);
  });

  it('refuses a token from another issuer', async () => {
    expect((await zones(await sign(providerKey(), { iss: 'https://issuer.example' }))).status).toBe(401);
  });

  it('refuses an access token (token_use "access")', async () => {
    expect((await zones(await sign(providerKey(), { token_use: 'access' }))).status).toBe(401);
  });

  it('refuses a token signed by another key under the same kid', async () => {
    const stranger = { ...(await generateSigningKey()), kid: providerKey().kid ?? '' };
    expect((await zones(await sign(stranger, {}))).status).toBe(401);
  });

  it('refuses an expired token', async () => {
    expect((await zones(await sign(providerKey(), {}, '-10s'))).status).toBe(401);
  });
});
