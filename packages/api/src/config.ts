/** Reads a required environment variable, failing loudly at start-up when it is missing. */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} is required`);
  return value;
}

/** The API's settings on AWS, read once per container. */
export function readAwsConfig(env: NodeJS.ProcessEnv = process.env) {
  return {
    tableName: requireEnv('TABLE_NAME', env),
    /** Cognito issuer, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
    issuer: requireEnv('JWT_ISSUER', env),
    /** The user pool client id: the `aud` of its ID tokens. */
    audience: requireEnv('JWT_AUDIENCE', env),
    /** Only functions that touch evidence get the bucket; others fail loudly if they ever try. */
    evidenceBucket: env.EVIDENCE_BUCKET,
    /** The Cognito user pool, for the `users` function only: user administration through the admin API. */
    userPoolId: env.USER_POOL_ID,
    /** A verified SES sender for reminder e-mails; without it reminders stay in the outbox only. */
    notifyFrom: env.NOTIFY_FROM,
    /**
     * The Secrets Manager secret (ARN) mixed into the weekly random draw of the inspection list (targets function).
     * Only its id is in the environment; the value is read through the secrets extension on first use.
     */
    targetingDrawSecretId: optionalEnv('TARGETING_DRAW_SECRET_ID', env),
    /** The Secrets Manager secret (ARN) holding the HMAC key for page cursors (functions whose lists page). */
    cursorKeySecretId: optionalEnv('CURSOR_KEY_SECRET_ID', env),
  };
}

const optionalEnv = (name: string, env: NodeJS.ProcessEnv) => (env[name] === '' ? undefined : env[name]);
