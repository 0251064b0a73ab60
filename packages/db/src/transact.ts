import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DbContext } from './client';
import { cancellationCodes, type DbError, isTransientSdkError, TransientDbError } from './errors';

/** One action of a `TransactWriteItems` call. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Writes all items or none. `onConditionFailed` turns the index of the action whose condition failed into
 * the domain error the caller wants (for example "tax code taken"). A collision with a concurrent transaction
 * is retried a few times, because the retry gives a definite answer (success, or a failed condition); only
 * when the collisions go on does it become a TransientDbError (503).
 */
export async function transactWrite(
  ctx: DbContext,
  items: TransactItem[],
  onConditionFailed: (index: number) => DbError,
  attempts = 3,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      const failed = codes?.indexOf('ConditionalCheckFailed') ?? -1;
      if (failed >= 0) throw onConditionFailed(failed);
      const transient =
        codes?.some((code) => code === 'TransactionConflict' || code === 'ThrottlingError') ||
        isTransientSdkError(error);
      if (!transient) throw error;
      if (attempt >= attempts) throw new TransientDbError('the database is busy; retry', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.random() * 25));
    }
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
