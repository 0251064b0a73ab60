import { type ResourceGroup, resourceGroups, routesOf } from '@antoan/api';
import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context, S3Event } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';

type ApiHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResult>;

const groups = Object.keys(resourceGroups) as ResourceGroup[];
const handlers = new Map<ResourceGroup, ApiHandler>();

/** An HTTP API (payload 2.0) event as API Gateway sends it, without a token. */
function apiEvent(method: string, path: string): APIGatewayProxyEventV2 {
  const rawPath = path.replace(/\{(\w+)\}/g, '$1-1');
  return {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath,
    rawQueryString: '',
    headers: { host: 'api.example.test' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'vitest' },
      requestId: 'request-1',
      routeKey: `${method} ${path}`,
      stage: '$default',
      time: '28/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
  };
}

/** The Lambda context the Middy-wrapped event entries receive. */
const lambdaContext: Context = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'antoan-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:antoan-test',
  memoryLimitInMB: '512',
  awsRequestId: 'request-1',
  logGroupName: '/aws/lambda/antoan-test',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 10_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

/** An S3 ObjectCreated event; the handler reads only the (URL-encoded) keys. */
const objectCreated = (...keys: string[]) =>
  ({ Records: keys.map((key) => ({ eventName: 'ObjectCreated:Post', s3: { object: { key } } })) }) as S3Event;

beforeAll(async () => {
  // The entries read their settings at import, as a Lambda container does at init; nothing here reaches AWS.
  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-1',
    TABLE_NAME: 'antoan-test',
    EVIDENCE_BUCKET: 'antoan-evidence-test',
    JWT_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_test',
    JWT_AUDIENCE: 'test-client',
    // Powertools logs through the global console in dev mode, where the test can read it.
    POWERTOOLS_DEV: 'true',
  });
  for (const group of groups) {
    const entry: { handler: ApiHandler } = await import(`./${group}/index.ts`);
    handlers.set(group, entry.handler);
  }
});

/** The routes open without a token (api.md; infra's `publicRoutes` says the same to API Gateway). */
const publicRoutes = new Set([
  'GET /v1/health',
  'GET /v1/openapi.json',
  'GET /v1/docs',
  'GET /v1/docs/scalar.js',
  'GET /v1/docs/scalar.css',
]);

describe.each(groups)('functions/%s', (group) => {
  const handler = (event: APIGatewayProxyEventV2) => {
    const serve = handlers.get(group);
    if (!serve) throw new Error(`no handler loaded for ${group}`);
    return serve(event);
  };

  it.each(routesOf(group))('serves $method $path', async ({ method, path }) => {
    // Ids of the right shape for the input guard; without a token a protected route must then answer 401.
    const concrete = path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      name === 'year' ? '2026' : name === 'ver' ? '1' : name === 'period' ? '2026' : `${name}-1`,
    );
    const response = await handler(apiEvent(method, concrete));
    expect(response.statusCode).toBe(publicRoutes.has(`${method} ${path}`) ? 200 : 401);
  });

  it('serves no route of another group', async () => {
    const others = groups.filter((other) => other !== group).flatMap((other) => routesOf(other));
    for (const { method, path } of others) {
      expect((await handler(apiEvent(method, path))).statusCode, `${method} ${path}`).toBe(404);
    }
  });
});

describe('wiring', () => {
  it('answers the health check without a token', async () => {
    const response = await handlers.get('health')?.(apiEvent('GET', '/v1/health'));
    expect(response?.statusCode).toBe(200);
    expect(JSON.parse(response?.body ?? '')).toEqual({ status: 'ok' });
  });

  it('refuses a protected route without a token', async () => {
    const response = await handlers.get('zones')?.(apiEvent('GET', '/v1/zones'));
    expect(response?.statusCode).toBe(401);
  });
});

describe('event entries', () => {
  it('functions/evidence-verify ignores objects outside enterprises/<eid>/evidence/ without reaching AWS', async () => {
    const { handler } = await import('./evidence-verify/index');
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      await handler(
        objectCreated('quarantine/enterprises/ent-1/evidence/ev-1', 'enterprises/ent-1/notes/read+me.pdf'),
        lambdaContext,
      );
      const logged = info.mock.calls.map(([line]) => JSON.parse(String(line)));
      expect(logged).toEqual([
        expect.objectContaining({ key: 'quarantine/enterprises/ent-1/evidence/ev-1', outcome: 'ignored' }),
        expect.objectContaining({ key: 'enterprises/ent-1/notes/read me.pdf', outcome: 'ignored' }),
      ]);
    } finally {
      info.mockRestore();
    }
  });

  it('functions/reminders builds its dependencies at import and exports the scheduled handler', async () => {
    const { handler } = await import('./reminders/index');
    expect(handler).toBeTypeOf('function');
  });
});
