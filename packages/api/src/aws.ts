import type { DbContext } from '@antoan/db';
import type { EvidenceStore } from '@antoan/storage';
import { ulid } from 'ulid';
import { readAwsConfig } from './config';
import { cursorKeyFromText } from './cursor';
import type { AppDeps } from './deps';
import type { TokenVerifier } from './principal';
import { extensionSecret } from './secrets';
import type { UserDirectory } from './user-directory';

/**
 * The clients a function uses, each passed by its entry: what an entry does not pass is not in its bundle.
 * - `db`: `createDbContext` from `@antoan/db` (DynamoDB);
 * - `evidence`: `s3EvidenceStore` from `@antoan/api/aws-evidence` (S3), in the functions that touch files only;
 * - `tokens`: `cognitoTokens` from `@antoan/api/aws-tokens` (jose and Cognito's JWKS), in the API functions;
 * - `users`: `cognitoUsers` from `@antoan/api/aws-users` (Cognito's admin API), in the users function only.
 */
export interface AwsClients {
  db?: (tableName: string) => DbContext;
  evidence?: (bucket: string) => EvidenceStore;
  tokens?: (settings: { issuer: string; audience: string }) => TokenVerifier;
  users?: (userPoolId: string) => UserDirectory;
}

const missing = (what: string) => () => {
  throw new Error(`this function was built without ${what}; pass it to createAwsDeps in its entry`);
};

/**
 * Dependencies for a Lambda container. Every client is built on first use, not at init, so a request that never
 * reaches DynamoDB (a 401, health) never pays for building one. Secrets (the cursor key, the draw secret) are
 * named by their Secrets Manager ids and read through the secrets extension when first needed (`secrets.ts`). Using a client the entry did not pass is a
 * wiring mistake and fails loudly.
 * @example createAwsDeps(process.env, { db: createDbContext, tokens: cognitoTokens })
 */
export function createAwsDeps(env: NodeJS.ProcessEnv = process.env, clients: AwsClients = {}): AppDeps {
  const config = readAwsConfig(env);
  let db: DbContext | undefined;
  let evidence: EvidenceStore | undefined;
  let verifyToken: TokenVerifier | undefined;
  let users: UserDirectory | undefined;
  return {
    get db() {
      db ??= (clients.db ?? missing('a table client'))(config.tableName);
      return db;
    },
    get evidence() {
      if (config.evidenceBucket === undefined || clients.evidence === undefined)
        return missing('an evidence bucket (EVIDENCE_BUCKET and an evidence store)')();
      evidence ??= clients.evidence(config.evidenceBucket);
      return evidence;
    },
    verifyToken: (token) => {
      verifyToken ??= (clients.tokens ?? missing('a token verifier'))({
        issuer: config.issuer,
        audience: config.audience,
      });
      return verifyToken(token);
    },
    get users() {
      if (config.userPoolId === undefined || clients.users === undefined)
        return missing('a user directory (USER_POOL_ID and a directory)')();
      users ??= clients.users(config.userPoolId);
      return users;
    },
    now: () => new Date(),
    newId: ulid,
    ...(config.targetingDrawSecretId === undefined
      ? {}
      : { targetingDrawSecret: extensionSecret(config.targetingDrawSecretId, env) }),
    ...(config.cursorKeySecretId === undefined
      ? {}
      : { cursorKey: extensionSecret(config.cursorKeySecretId, env, cursorKeyFromText) }),
  };
}
