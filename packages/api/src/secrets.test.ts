import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsDeps } from './aws';
import { isRetryable } from './problem';
import { extensionSecret, settle } from './secrets';

/**
 * A real HTTP server standing in for the Parameters and Secrets Lambda Extension: it answers
 * `GET /secretsmanager/get?secretId=…` with the secret's JSON when the token header matches, as the extension does.
 */
const secrets = new Map<string, string>([
  ['arn:aws:secretsmanager:ap-southeast-1:1:secret:CursorKey-abc', 'k'.repeat(64)],
  ['arn:aws:secretsmanager:ap-southeast-1:1:secret:Draw-def', 'draw-secret-value'],
]);
const TOKEN = 'session-token-of-the-function';
let server: Server;
let port: number;
let asked: Array<{ url: string; token: string | undefined }> = [];
let answer: 'normal' | 'not-ready' | 'garbage' = 'normal';

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = request.headers['x-aws-parameters-secrets-token'];
    asked.push({ url: `${url.pathname}${url.search}`, token: typeof token === 'string' ? token : undefined });
    const secretId = url.searchParams.get('secretId') ?? '';
    if (answer === 'not-ready') return response.writeHead(400).end('not ready to serve traffic');
    if (answer === 'garbage') return response.writeHead(200).end('<html>');
    if (token !== TOKEN) return response.writeHead(401).end('unauthorized');
    const value = secrets.get(secretId);
    if (url.pathname !== '/secretsmanager/get' || value === undefined) {
      return response.writeHead(400).end('ResourceNotFoundException');
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({ ARN: secretId, Name: 'x', SecretString: value, VersionStages: ['AWSCURRENT'] }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  asked = [];
  answer = 'normal';
});

const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  AWS_SESSION_TOKEN: TOKEN,
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
  ...extra,
});

describe('extensionSecret', () => {
  it('asks the extension once, with the session token, and keeps the value for the container', async () => {
    const id = 'arn:aws:secretsmanager:ap-southeast-1:1:secret:Draw-def';
    const read = extensionSecret(id, env());
    expect(asked).toEqual([]);
    const [first, second] = await Promise.all([read(), read()]);
    expect(first).toBe('draw-secret-value');
    expect(second).toBe('draw-secret-value');
    expect(await read()).toBe('draw-secret-value');
    expect(asked).toEqual([{ url: `/secretsmanager/get?secretId=${encodeURIComponent(id)}`, token: TOKEN }]);
  });

  it('fails with a retryable error the next call gets past, and never caches a failure', async () => {
    const read = extensionSecret('arn:aws:secretsmanager:ap-southeast-1:1:secret:Draw-def', env());
    answer = 'not-ready';
    const error = await read().catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^secret unavailable/);
    // The error map answers 503 with Retry-After, not 500.
    expect(isRetryable(error)).toBe(true);
    answer = 'garbage';
    await expect(read()).rejects.toThrow(/unavailable: 200/);
    answer = 'normal';
    expect(await read()).toBe('draw-secret-value');
    expect(asked).toHaveLength(3);
  });

  it('refuses a wrong token, an unknown secret, no token and no extension', async () => {
    await expect(
      extensionSecret(
        'arn:aws:secretsmanager:ap-southeast-1:1:secret:Draw-def',
        env({ AWS_SESSION_TOKEN: 'x' }),
      )(),
    ).rejects.toThrow(/unavailable: 401/);
    await expect(extensionSecret('missing', env())()).rejects.toThrow(/unavailable: 400/);
    await expect(
      extensionSecret('missing', { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port) })(),
    ).rejects.toThrow(/AWS_SESSION_TOKEN/);
    // A closed port: the fetch fails, and the error says so and stays retryable.
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const closedPort = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await extensionSecret(
      'x',
      env({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(closedPort) }),
    )().catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/^secret unavailable/);
    expect(isRetryable(error)).toBe(true);
  });
});

describe('createAwsDeps', () => {
  const base = { TABLE_NAME: 't', JWT_ISSUER: 'https://issuer', JWT_AUDIENCE: 'client' };

  it('reads no secret at init, then the cursor key and the draw secret on first use, once each', async () => {
    const deps = createAwsDeps(
      env({
        ...base,
        CURSOR_KEY_SECRET_ID: 'arn:aws:secretsmanager:ap-southeast-1:1:secret:CursorKey-abc',
        TARGETING_DRAW_SECRET_ID: 'arn:aws:secretsmanager:ap-southeast-1:1:secret:Draw-def',
      }),
    );
    expect(asked).toEqual([]);
    const key = await settle(deps.cursorKey ?? new Uint8Array());
    expect(Buffer.from(key).toString()).toBe('k'.repeat(64));
    expect(await settle(deps.cursorKey ?? new Uint8Array())).toBe(key);
    expect(await settle(deps.targetingDrawSecret ?? '')).toBe('draw-secret-value');
    expect(asked.map((request) => request.url.replace(/.*secret%3A/, ''))).toEqual([
      'CursorKey-abc',
      'Draw-def',
    ]);
  });

  it('without secret ids, has neither (the app then makes a random cursor key)', () => {
    const deps = createAwsDeps(env(base));
    expect(deps.cursorKey).toBeUndefined();
    expect(deps.targetingDrawSecret).toBeUndefined();
  });

  it('refuses a cursor key shorter than 32 characters, and asks again next time', async () => {
    secrets.set('short', 'too-short');
    const deps = createAwsDeps(env({ ...base, CURSOR_KEY_SECRET_ID: 'short' }));
    await expect(settle(deps.cursorKey ?? new Uint8Array())).rejects.toThrow(/at least 32/);
    secrets.set('short', 's'.repeat(40));
    expect((await settle(deps.cursorKey ?? new Uint8Array())).byteLength).toBe(40);
    expect(asked).toHaveLength(2);
  });
});
