import { createDbContext } from '@antoan/db';
import { createRemoteJWKSet } from 'jose';
import { ulid } from 'ulid';
import { readAwsConfig } from './config';
import type { AppDeps } from './deps';
import { createTokenVerifier } from './principal';

/** Dependencies for a Lambda container: the table, and Cognito's JWKS for token checks. */
export function createAwsDeps(env: NodeJS.ProcessEnv = process.env): AppDeps {
  const config = readAwsConfig(env);
  return {
    db: createDbContext(config.tableName),
    verifyToken: createTokenVerifier({
      jwks: createRemoteJWKSet(new URL(`${config.issuer}/.well-known/jwks.json`)),
      issuer: config.issuer,
      audience: config.audience,
    }),
    now: () => new Date(),
    newId: ulid,
  };
}
