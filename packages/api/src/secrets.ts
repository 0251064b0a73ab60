/**
 * Secrets on AWS, read through the AWS Parameters and Secrets Lambda Extension: an HTTP GET to the extension on
 * localhost, which calls Secrets Manager with the function's role. No SDK client in the bundle, nothing read at
 * module load; each secret is read on its first use and kept for the container's life.
 */

/** A value known now (tests, the local platform) or read on first use (a secret on AWS). */
export type Lazy<T> = T | (() => Promise<T>);

/** The value of a `Lazy`: read it if it is a reader. */
export const settle = async <T>(value: Lazy<T>): Promise<T> =>
  typeof value === 'function' ? (value as () => Promise<T>)() : value;

/** The port the extension listens on unless `PARAMETERS_SECRETS_EXTENSION_HTTP_PORT` says another. */
export const EXTENSION_DEFAULT_PORT = 2773;

/**
 * The extension did not give the secret (not ready, throttled, no permission). Marked as a server fault, as the
 * SDK marks its own, so the error map answers 503 with `Retry-After` rather than a 500; the next request retries.
 * A plain error, not a class: every function's bundle carries this file.
 */
const unavailable = (why: string, cause?: unknown) =>
  Object.assign(new Error(`secret unavailable: ${why}`, { cause }), { $fault: 'server' });

/**
 * A reader of one Secrets Manager secret (`secretId`: its ARN or name) through the extension, turned into what
 * the app uses by `parse` (which may throw on a value unfit for use): the first call asks the extension, later
 * calls get the same value; a failed read or parse is forgotten, so the next call asks again.
 * `env` gives the port and the session token the extension checks (`X-Aws-Parameters-Secrets-Token`).
 */
export function extensionSecret<T = string>(
  secretId: string,
  env: NodeJS.ProcessEnv = process.env,
  parse: (text: string) => T = (text) => text as T,
): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= readThroughExtension(secretId, env)
      .then(parse)
      .catch((error: unknown) => {
        value = undefined;
        throw error;
      });
    return value;
  };
}

async function readThroughExtension(secretId: string, env: NodeJS.ProcessEnv): Promise<string> {
  const token = env.AWS_SESSION_TOKEN;
  if (!token) throw unavailable('no AWS_SESSION_TOKEN');
  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT || EXTENSION_DEFAULT_PORT;
  const response = await fetch(
    `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`,
    { headers: { 'X-Aws-Parameters-Secrets-Token': token }, signal: AbortSignal.timeout(3000) },
  ).catch((error: unknown) => {
    throw unavailable('no answer', error);
  });
  const body = response.ok
    ? ((await response.json().catch(() => null)) as { SecretString?: unknown } | null)
    : null;
  if (typeof body?.SecretString !== 'string' || body.SecretString === '')
    throw unavailable(`${response.status}`);
  return body.SecretString;
}
