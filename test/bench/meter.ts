import type { DbContext } from '@antoan/db';
import type { S3Client } from '@aws-sdk/client-s3';

/** What DynamoDB and S3 were asked to do: capacity units as DynamoDB reports them, items read, requests. */
export interface Meter {
  calls: number;
  rru: number;
  wru: number;
  itemsRead: number;
  s3Put: number;
  s3Get: number;
  s3Calls: number;
  byCommand: Record<string, number>;
}

export const emptyMeter = (): Meter => ({
  calls: 0,
  rru: 0,
  wru: 0,
  itemsRead: 0,
  s3Put: 0,
  s3Get: 0,
  s3Calls: 0,
  byCommand: {},
});

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  Table?: Capacity;
  GlobalSecondaryIndexes?: Record<string, Capacity>;
}

/** Reads and writes billed for one ConsumedCapacity entry, GSIs included. */
function units(capacity: Capacity, write: boolean): { rru: number; wru: number } {
  const total = capacity.CapacityUnits ?? 0;
  return write ? { rru: 0, wru: total } : { rru: total, wru: 0 };
}

/** Commands as the DynamoDB client names them (PutItemCommand, TransactWriteItemsCommand, …). */
const isWrite = (name: string) => /Put|Update|Delete|Write/.test(name);

/**
 * Meters every command the document client sends: asks DynamoDB for its consumed capacity
 * (`ReturnConsumedCapacity: INDEXES`, so GSI writes count) and counts the items each read returned or scanned.
 */
export function meterDb(db: DbContext, meter: () => Meter): void {
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const m = meter();
      const name = String(context.commandName);
      m.calls++;
      m.byCommand[name] = (m.byCommand[name] ?? 0) + 1;
      const output = result.output as Record<string, unknown>;
      const consumed = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
      for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        const { rru, wru } = units(entry, isWrite(name));
        m.rru += rru;
        m.wru += wru;
      }
      if (name === 'GetItemCommand' || name === 'GetCommand') m.itemsRead += output.Item ? 1 : 0;
      if (name.startsWith('Query')) m.itemsRead += Number(output.ScannedCount ?? 0);
      if (name.startsWith('BatchGet')) {
        for (const items of Object.values((output.Responses ?? {}) as Record<string, unknown[]>))
          m.itemsRead += items.length;
      }
      return result;
    },
    { step: 'initialize', name: 'benchMeter' },
  );
}

const S3_GET_CLASS = new Set(['GetObjectCommand', 'HeadObjectCommand']);
const S3_FREE = new Set(['DeleteObjectCommand', 'DeleteObjectsCommand']);

/** Counts S3 requests by price class as they reach the server (failed ones too: S3 bills them). */
export function meterS3(client: S3Client, meter: () => Meter): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      const m = meter();
      m.byCommand[name] = (m.byCommand[name] ?? 0) + 1;
      m.s3Calls++;
      if (S3_GET_CLASS.has(name)) m.s3Get++;
      else if (!S3_FREE.has(name)) m.s3Put++;
      return next(args);
    },
    { step: 'finalizeRequest', name: 'benchS3Meter', priority: 'low' },
  );
}
