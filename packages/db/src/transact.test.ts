import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createDbContext } from './client';
import { ConflictError, TransientDbError } from './errors';
import { transactWrite } from './transact';

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('transactWrite (fault injection)', () => {
  const ctx = createDbContext('t', { region: 'local', endpoint: 'http://127.0.0.1:9' });
  const dynamo = mockClient(ctx.doc);
  const put = [{ Put: { TableName: 't', Item: { pk: 'a', sk: 'b' } } }];
  const conflict = () => new ConflictError('taken', 'taken');

  it('retries a collision with another transaction and then succeeds', async () => {
    dynamo.reset();
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled(['TransactionConflict']))
      .resolves({});
    await expect(transactWrite(ctx, put, conflict)).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  it('gives up with a TransientDbError when collisions go on', async () => {
    dynamo.reset();
    dynamo.on(TransactWriteCommand).rejects(cancelled(['None', 'TransactionConflict']));
    await expect(transactWrite(ctx, put, conflict)).rejects.toBeInstanceOf(TransientDbError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it('maps a failed condition to the caller’s error at once', async () => {
    dynamo.reset();
    dynamo.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    await expect(
      transactWrite(ctx, put, (index) => new ConflictError(`at_${index}`, 'x')),
    ).rejects.toMatchObject({
      code: 'at_1',
    });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
