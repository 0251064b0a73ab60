import { createDbContext } from '@antoan/db';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, type TestApi } from './test-support';

// Fault injection only: the database answers with throttling or a transaction conflict.
const faulty = createDbContext('faulty', { region: 'local', endpoint: 'http://127.0.0.1:9' });
const dynamo = mockClient(faulty.doc);
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ db: faulty });
});

const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('problem responses', () => {
  it('503 when a transaction collides with another write', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
      }),
    );
    const response = await api.call('POST', '/v1/zones', {
      as: callers.authority,
      body: { code: 'X1', name: 'X' },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ type: 'urn:antoan:problem:unavailable', status: 503 });
  });

  it('503 when a read is throttled', async () => {
    dynamo.on(GetCommand).rejects(throttled());
    const response = await api.call('GET', '/v1/enterprises/e1', { as: callers.authority });
    expect(response.status).toBe(503);
  });

  it('500 with a generic message for an unexpected error, without leaking it', async () => {
    dynamo.on(GetCommand).rejects(new Error('secret internals'));
    const response = await api.call('GET', '/v1/enterprises/e1', { as: callers.authority });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain('secret internals');
  });

  it('404 problem for an unknown route, 401 for a malformed Authorization header', async () => {
    expect((await api.call('GET', '/v1/nothing-here')).status).toBe(404);
    const response = await api.call('GET', '/v1/zones', { headers: { Authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  });
});
