import { createIssuerVerifier, type TokenVerifier } from './principal';

/** Verifies Cognito ID tokens against the user pool's JWKS (fetched on first use, then cached). */
export const cognitoTokens = (settings: { issuer: string; audience: string }): TokenVerifier =>
  createIssuerVerifier(settings);
