import { createRemoteJWKSet } from 'jose';
import { createTokenVerifier, type TokenVerifier } from './principal';

/** Verifies Cognito ID tokens against the user pool's JWKS (fetched on first use, then cached). */
export const cognitoTokens = (settings: { issuer: string; audience: string }): TokenVerifier =>
  createTokenVerifier({
    jwks: createRemoteJWKSet(new URL(`${settings.issuer}/.well-known/jwks.json`)),
    issuer: settings.issuer,
    audience: settings.audience,
  });
