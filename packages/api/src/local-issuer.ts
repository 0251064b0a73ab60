/** The local identity provider's keys and dev tokens. Imported by the local platform and tests only, never by a Lambda entry file. */
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { createTokenVerifier, type Role, type TokenVerifier } from './principal';

/** Issuer and audience of tests' tokens; the local platform passes its provider's URL and web client id instead. */
export const LOCAL_ISSUER = 'urn:antoan:local-issuer';
export const LOCAL_AUDIENCE = 'antoan-local';

/** Who a dev token is for: the same claims Cognito puts in an ID token. */
export interface TokenRequest {
  sub: string;
  role: Role;
  enterpriseId?: string | undefined;
  zoneIds?: readonly string[] | undefined;
}

/** The claims Cognito puts in an ID token for this user, beyond the registered ones. */
export function cognitoClaims(request: Omit<TokenRequest, 'sub'>): Record<string, unknown> {
  const claims: Record<string, unknown> = { 'cognito:groups': [request.role] };
  if (request.enterpriseId) claims['custom:enterprise_id'] = request.enterpriseId;
  if (request.zoneIds?.length) claims['custom:zone_ids'] = request.zoneIds.join(',');
  return claims;
}

/** The local identity provider's signing key and what it mints: ID tokens with Cognito's claims. */
export interface LocalIssuer {
  issuer: string;
  audience: string;
  /** The public key set, as served at `<issuer>/.well-known/jwks.json`. */
  jwks: { keys: JWK[] };
  /** The private signing key, for the OIDC provider that shares it. */
  signingKey: JWK;
  /** Verifies against the public keys in memory (tests); the platform verifies through the served JWKS. */
  verifyToken: TokenVerifier;
  mint(request: TokenRequest, expiresIn?: string): Promise<string>;
}

/** Makes an RS256 signing key as a private JWK with a `kid`. */
export async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: `local-${Date.now()}`, alg: 'RS256', use: 'sig' };
}

/** The public half of a private RSA JWK. */
const publicJwk = ({ kty, n, e, kid }: JWK): JWK => ({
  kty: kty ?? 'RSA',
  n: n ?? '',
  e: e ?? '',
  kid: kid ?? 'local',
  alg: 'RS256',
  use: 'sig',
});

/** Creates the local issuer, with a fresh key pair unless one is given (the platform keeps it in `.data/`). */
export async function createLocalIssuer(
  options: { issuer?: string; audience?: string; signingKey?: JWK } = {},
): Promise<LocalIssuer> {
  const issuer = options.issuer ?? LOCAL_ISSUER;
  const audience = options.audience ?? LOCAL_AUDIENCE;
  const signingKey = options.signingKey ?? (await generateSigningKey());
  const privateKey = await importJWK(signingKey, 'RS256');
  const jwks = { keys: [publicJwk(signingKey)] };
  return {
    issuer,
    audience,
    jwks,
    signingKey,
    verifyToken: createTokenVerifier({ jwks: createLocalJWKSet(jwks), issuer, audience }),
    mint: (request, expiresIn = '1h') =>
      new SignJWT({ ...cognitoClaims(request), token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid ?? 'local' })
        .setSubject(request.sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
  };
}
