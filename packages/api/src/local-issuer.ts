/** The local identity provider. Imported by the local platform and tests only, never by a Lambda entry file. */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { createTokenVerifier, type Role, type TokenVerifier } from './principal';

/** Issuer and audience of the local identity provider's tokens. */
export const LOCAL_ISSUER = 'urn:antoan:local-issuer';
export const LOCAL_AUDIENCE = 'antoan-local';

/** Who a dev token is for: the same claims Cognito puts in an ID token. */
export interface TokenRequest {
  sub: string;
  role: Role;
  enterpriseId?: string | undefined;
  zoneIds?: readonly string[] | undefined;
}

/** The local identity provider: an RS256 key made at start, its JWKS, and tokens with Cognito's claims. */
export interface LocalIssuer {
  jwks: { keys: JWK[] };
  verifyToken: TokenVerifier;
  mint(request: TokenRequest, expiresIn?: string): Promise<string>;
}

/** Creates the local issuer with a fresh key pair. */
export async function createLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = `local-${Date.now()}`;
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] };
  return {
    jwks,
    verifyToken: createTokenVerifier({
      jwks: createLocalJWKSet(jwks),
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
    }),
    mint: (request, expiresIn = '1h') => {
      const claims: Record<string, unknown> = { 'cognito:groups': [request.role], token_use: 'id' };
      if (request.enterpriseId) claims['custom:enterprise_id'] = request.enterpriseId;
      if (request.zoneIds?.length) claims['custom:zone_ids'] = request.zoneIds.join(',');
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(request.sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey);
    },
  };
}
