import type { Role } from '@antoan/schemas';
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { Session } from './session';

/**
 * Where the web app signs in, read at start from `/auth-config.json` on its own origin: the local platform
 * serves it for its OpenID provider; on AWS the deployment writes it for the Cognito user pool.
 */
export interface AuthConfig {
  /** The OpenID issuer: `https://cognito-idp.<region>.amazonaws.com/<poolId>`, or `<origin>/oidc` locally. */
  authority: string;
  /** The app client id: the `aud` of the ID tokens the API accepts. */
  clientId: string;
  /**
   * Cognito's discovery document names no end-session endpoint: its managed login's `/logout`
   * (`https://<domain>/logout`) goes here. The local provider's discovery names its own.
   */
  logoutUrl?: string;
}

/** Where the provider sends the browser back with the authorization code. */
export const CALLBACK_PATH = '/auth/callback';
const roles: readonly Role[] = ['enterprise', 'zone_manager', 'inspector', 'authority'];

/** What the app keeps in the sign-in's `state`: the page to return to. */
interface ReturnState {
  returnTo?: string;
}

/** The signed-in person as the API sees them, from the ID token's claims. */
export function sessionOf(user: User | null): Session | null {
  if (!user || user.expired || !user.id_token) return null;
  const claims = user.profile as Record<string, unknown>;
  const groups = Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'] : [];
  const role = roles.find((known) => groups.includes(known));
  if (!role) return null;
  const enterpriseId = claims['custom:enterprise_id'];
  const zoneIds = claims['custom:zone_ids'];
  const name = [claims.name, claims.email, claims.sub].find((value) => typeof value === 'string');
  return {
    token: user.id_token,
    user: {
      sub: user.profile.sub,
      name: String(name),
      role,
      ...(typeof enterpriseId === 'string' && enterpriseId ? { enterpriseId } : {}),
      ...(typeof zoneIds === 'string' && zoneIds ? { zoneIds: zoneIds.split(',') } : {}),
    },
  };
}

/** The OpenID Connect client of the app (Authorization Code + PKCE, `oidc-client-ts`). */
export interface Auth {
  manager: UserManager;
  config: AuthConfig;
  /** Sends the browser to the provider, then back to `returnTo`. */
  signIn(returnTo?: string): Promise<void>;
  /** Forgets the tokens and ends the provider's session too. */
  signOut(): Promise<void>;
  /** Finishes a sign-in on the callback page; gives the page to go back to. */
  completeSignIn(): Promise<{ session: Session | null; returnTo: string | undefined }>;
}

/**
 * Builds the client. Tokens live in localStorage so a second tab is signed in too (each tab refreshes
 * them silently with the refresh token a minute before they expire; a sign-out anywhere reaches every tab).
 */
export async function createAuth(config: AuthConfig): Promise<Auth> {
  const origin = window.location.origin;
  const manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid email profile',
    userStore: new WebStorageStateStore({ store: window.localStorage }),
    stateStore: new WebStorageStateStore({ store: window.localStorage }),
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    ...(config.logoutUrl ? { metadataSeed: { end_session_endpoint: config.logoutUrl } } : {}),
  });
  return {
    manager,
    config,
    signIn: (returnTo) =>
      manager.signinRedirect({ state: (returnTo ? { returnTo } : {}) satisfies ReturnState }),
    signOut: () =>
      manager.signoutRedirect(
        // Cognito's /logout reads `client_id` and `logout_uri`; an OpenID provider ignores both.
        config.logoutUrl
          ? { extraQueryParams: { client_id: config.clientId, logout_uri: `${origin}/` } }
          : {},
      ),
    completeSignIn: async () => {
      const user = await manager.signinRedirectCallback();
      const state = (user.state ?? {}) as ReturnState;
      const returnTo =
        typeof state.returnTo === 'string' &&
        state.returnTo.startsWith('/') &&
        !state.returnTo.startsWith('//')
          ? state.returnTo
          : undefined;
      return { session: sessionOf(user), returnTo };
    },
  };
}

/** Reads `/auth-config.json` from the app's own origin. */
export async function loadAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth-config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`auth-config.json: HTTP ${response.status}`);
  const config = (await response.json()) as Partial<AuthConfig>;
  if (typeof config.authority !== 'string' || typeof config.clientId !== 'string')
    throw new Error('auth-config.json needs authority and clientId');
  return {
    authority: config.authority,
    clientId: config.clientId,
    ...(typeof config.logoutUrl === 'string' ? { logoutUrl: config.logoutUrl } : {}),
  };
}
