import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { cancellationCodes, type DbError, isTransientSdkError, TransientDbError } from './errors';

/** One action of a `TransactWriteItems` call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Writes all items or none. `onConditionFailed` turns the index of the action whose condition failed into
 * the domain error the caller wants (for example "tax code taken").
 */
export async function transactWrite(
  ctx: DbContext,
  items: TransactItem[],
  onConditionFailed: (index: number) => DbError,
): Promise<void> {
  try {
    await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes) {
      const failed = codes.indexOf('ConditionalCheckFailed');
      if (failed >= 0) throw onConditionFailed(failed);
      if (codes.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError')) {
        throw new TransientDbError('the transaction collided with another write; retry', { cause: error });
      }
    }
    if (isTransientSdkError(error))
      throw new TransientDbError('the database is busy; retry', { cause: error });
    throw error;
  }
}

/** Wraps reads so that throttling surfaces as a TransientDbError. */
export async function read<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isTransientSdkError(error))
      throw new TransientDbError('the database is busy; retry', { cause: error });
    throw error;
  }
}
