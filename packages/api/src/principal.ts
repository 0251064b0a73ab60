import {
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { ApiError, forbidden, unauthorized } from './errors';

export const roles = ['enterprise', 'zone_manager', 'inspector', 'authority'] as const;
/** A Cognito group; a caller may have several. */
export type Role = (typeof roles)[number];

/** Who is calling, read from a verified token. */
export interface Principal {
  sub: string;
  roles: Role[];
  /** Set for the `enterprise` role: the one firm the caller acts for. */
  enterpriseId?: string;
  /** For the `zone_manager` role: the zones the caller manages. */
  zoneIds: string[];
}

/** Verifies a bearer token and returns its claims; throws a 401 ApiError when it is not valid. */
export type TokenVerifier = (token: string) => Promise<JWTPayload>;

/**
 * Verifies RS256 ID tokens against a JWKS (the local issuer's, or Cognito's on AWS).
 * @example createTokenVerifier({ jwks: createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`)), issuer, audience })
 */
export function createTokenVerifier(options: {
  jwks: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}): TokenVerifier {
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, options.jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      });
      // Cognito's access tokens carry no custom attributes and no `aud`; only ID tokens say who the caller is.
      if (payload.token_use !== 'id') throw unauthorized('An ID token (token_use "id") is required.');
      return payload;
    } catch (error) {
      if (error instanceof ApiError) throw error;
      const reason =
        error instanceof joseErrors.JWTExpired
          ? 'The token has expired.'
          : error instanceof joseErrors.JOSEError
            ? `The token is not valid (${error.code}).`
            : 'The token is not valid.';
      throw new ApiError(
        401,
        'unauthorized',
        'Unauthorized',
        { vi: 'Mã truy cập không hợp lệ hoặc đã hết hạn.', en: reason },
        {},
        { cause: error },
      );
    }
  };
}

/**
 * The verifier the API uses on AWS and locally alike: the issuer's JWKS at `<issuer>/.well-known/jwks.json`
 * (where Cognito serves it, and where the local OIDC provider serves it too), fetched and cached by `jose`.
 */
export function createIssuerVerifier(options: { issuer: string; audience: string }): TokenVerifier {
  return createTokenVerifier({
    jwks: createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`)),
    issuer: options.issuer,
    audience: options.audience,
  });
}

const isRole = (value: unknown): value is Role => roles.includes(value as Role);

/** Reads the caller from verified claims; a token without a usable role gets 403. */
export function principalFromClaims(claims: JWTPayload): Principal {
  const groups = claims['cognito:groups'];
  const granted = Array.isArray(groups) ? groups.filter(isRole) : [];
  if (typeof claims.sub !== 'string' || granted.length === 0) throw forbidden();
  const enterpriseId = claims['custom:enterprise_id'];
  const zoneIds = claims['custom:zone_ids'];
  const principal: Principal = {
    sub: claims.sub,
    roles: granted,
    zoneIds:
      typeof zoneIds === 'string'
        ? zoneIds
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : [],
  };
  if (typeof enterpriseId === 'string' && enterpriseId !== '') principal.enterpriseId = enterpriseId;
  return principal;
}
