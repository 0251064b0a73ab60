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
    /** The secret mixed into the weekly random draw of the inspection list (targets function). */
    targetingDrawSecret: env.TARGETING_DRAW_SECRET,
    /** The HMAC key for page cursors (API functions; the jobs list nothing). At least 32 characters. */
    cursorKey: cursorKeyOf(env.CURSOR_KEY),
  };
}

function cursorKeyOf(value: string | undefined): Uint8Array | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.length < 32) throw new Error('environment variable CURSOR_KEY must be at least 32 characters');
  return new TextEncoder().encode(value);
}
