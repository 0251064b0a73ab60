import { createDbContext } from '@antoan/db';
import { createEvidenceStore, type EvidenceStore } from '@antoan/storage';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { ulid } from 'ulid';
import { createCognitoDirectory } from './cognito-directory';
import { readAwsConfig } from './config';
import type { AppDeps } from './deps';
import { createIssuerVerifier } from './principal';
import type { UserDirectory } from './user-directory';

/** For functions granted no bucket: any use is a wiring mistake and fails loudly. */
const withoutEvidenceBucket = new Proxy({} as EvidenceStore, {
  get: () => {
    throw new Error('environment variable EVIDENCE_BUCKET is required by this route');
  },
});

/** For functions given no user pool: any use is a wiring mistake and fails loudly. */
const withoutUserPool = new Proxy({} as UserDirectory, {
  get: () => {
    throw new Error('environment variable USER_POOL_ID is required by this route');
  },
});

/** Dependencies for a Lambda container: the table, and Cognito's JWKS for token checks. */
export function createAwsDeps(env: NodeJS.ProcessEnv = process.env): AppDeps {
  const config = readAwsConfig(env);
  return {
    db: createDbContext(config.tableName),
    evidence:
      config.evidenceBucket === undefined
        ? withoutEvidenceBucket
        : createEvidenceStore({ client: new S3Client({}), bucket: config.evidenceBucket }),
    verifyToken: createIssuerVerifier({ issuer: config.issuer, audience: config.audience }),
    users:
      config.userPoolId === undefined
        ? withoutUserPool
        : createCognitoDirectory({
            client: new CognitoIdentityProviderClient({}),
            userPoolId: config.userPoolId,
          }),
    now: () => new Date(),
    newId: ulid,
  };
}
