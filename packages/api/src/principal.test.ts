import { createLocalJWKSet, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalIssuer, LOCAL_AUDIENCE, LOCAL_ISSUER, type LocalIssuer } from './local-issuer';
import { createTokenVerifier, principalFromClaims } from './principal';

let issuer: LocalIssuer;
beforeAll(async () => {
  issuer = await createLocalIssuer();
});

const claims = { 'cognito:groups': ['enterprise'], 'custom:enterprise_id': 'ent-1', token_use: 'id' };

async function signedByStranger(payload: Record<string, unknown>, expiresIn = '1h') {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: issuer.jwks.keys[0]?.kid ?? 'x' })
    .setSubject('u1')
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setExpirationTime(expiresIn)
    .sign(privateKey);
}

describe('token verification', () => {
  it('accepts a token from the issuer and reads the principal', async () => {
    const token = await issuer.mint({ sub: 'u1', role: 'zone_manager', zoneIds: ['z1', 'z2'] });
    expect(principalFromClaims(await issuer.verifyToken(token))).toEqual({
      sub: 'u1',
      roles: ['zone_manager'],
      zoneIds: ['z1', 'z2'],
    });
  });

  it('rejects a token signed by another key (forged)', async () => {
    await expect(issuer.verifyToken(await signedByStranger(claims))).rejects.toMatchObject({ status: 401 });
  });

  it('rejects an expired token', async () => {
    const token = await issuer.mint({ sub: 'u1', role: 'authority' }, '-1s');
    await expect(issuer.verifyToken(token)).rejects.toMatchObject({
      status: 401,
      detail: { en: 'The token has expired.' },
    });
  });

  it('rejects alg: none', async () => {
    const token = new UnsecuredJWT({ ...claims, sub: 'u1' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    await expect(issuer.verifyToken(token)).rejects.toMatchObject({ status: 401 });
  });

  it('rejects a tampered payload', async () => {
    const token = await issuer.mint({ sub: 'u1', role: 'enterprise', enterpriseId: 'ent-1' });
    const [header, payload, signature] = token.split('.');
    const changed = {
      ...JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()),
      'cognito:groups': ['authority'],
    };
    const tampered = [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature].join(
      '.',
    );
    await expect(issuer.verifyToken(tampered)).rejects.toMatchObject({ status: 401 });
  });

  it('rejects a token meant for another audience or from another issuer', async () => {
    const token = await issuer.mint({ sub: 'u1', role: 'authority' });
    const jwks = createLocalJWKSet(issuer.jwks);
    const otherAudience = createTokenVerifier({ jwks, issuer: LOCAL_ISSUER, audience: 'another-app' });
    const otherIssuer = createTokenVerifier({ jwks, issuer: 'urn:someone-else', audience: LOCAL_AUDIENCE });
    await expect(otherAudience(token)).rejects.toMatchObject({ status: 401 });
    await expect(otherIssuer(token)).rejects.toMatchObject({ status: 401 });
  });

  it('gives 403 to a valid token without a known role', () => {
    expect(() => principalFromClaims({ sub: 'u1', 'cognito:groups': ['admin'] })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});
