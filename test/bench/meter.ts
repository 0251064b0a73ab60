import type { DbContext } from '@antoan/db';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

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
  /** WRU of transactions as DynamoDB Local reported them, before the correction (see `transactionWru`). */
  wruReportedByLocal: number;
  /** WRU by the kind of item written: its sort key up to the first `#` (ACTION, ASMT, AUDIT, PROFILE, …). */
  wruByItem: Record<string, number>;
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
  wruReportedByLocal: 0,
  wruByItem: {},
});

/** The kind of an item, for `wruByItem`: its sort key up to the first `#`. */
const itemKind = (key: Record<string, unknown> | undefined) => String(key?.sk ?? '?').split('#')[0] ?? '?';
const addTo = (totals: Record<string, number>, name: string, n: number) => {
  totals[name] = (totals[name] ?? 0) + n;
};

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

/** A global secondary index as the table describes it: its key attributes and what it projects. */
export interface IndexShape {
  name: string;
  keys: string[];
  /** The attributes it projects beside the keys; undefined: ALL. */
  include: string[] | undefined;
}

/** The table's indexes, read from DynamoDB (DescribeTable), so the meter sizes index writes as the table is built. */
export async function tableIndexes(db: DbContext): Promise<IndexShape[]> {
  const { Table } = await db.doc.send(new DescribeTableCommand({ TableName: db.tableName }));
  return (Table?.GlobalSecondaryIndexes ?? []).map((index) => ({
    name: index.IndexName ?? '',
    keys: (index.KeySchema ?? []).map((key) => key.AttributeName ?? ''),
    include:
      index.Projection?.ProjectionType === 'ALL'
        ? undefined
        : index.Projection?.ProjectionType === 'INCLUDE'
          ? (index.Projection.NonKeyAttributes ?? [])
          : [],
  }));
}

/** An attribute value's size as DynamoDB counts it (UTF-8 strings, numbers by digits, 3 + 1 per element for containers). */
function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (typeof value === 'number' || typeof value === 'bigint')
    return (
      Math.ceil(
        String(value)
          .replace(/[-.]|e.*$/g, '')
          .replace(/^0+/, '').length / 2,
      ) + 1
    );
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...value].reduce((sum: number, v) => sum + valueSize(v), 0);
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + valueSize(v) + 1, 0);
  return (
    3 +
    Object.entries(value as Record<string, unknown>).reduce(
      (sum, [name, v]) => sum + Buffer.byteLength(name) + valueSize(v) + 1,
      0,
    )
  );
}

/** An item's size as DynamoDB bills it: attribute names and values. */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce(
    (sum, [name, value]) => sum + (value === undefined ? 0 : Buffer.byteLength(name) + valueSize(value)),
    0,
  );
}

/** JSON with object keys in order, so two images of one item compare equal whatever order DynamoDB returned. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Set)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v instanceof Set
        ? [...v].sort()
        : v,
  );

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

/** What an index holds of an item (its keys, the table's keys and what it projects), or undefined when not in it. */
function indexEntry(index: IndexShape, item: Record<string, unknown> | undefined) {
  if (!item || index.keys.some((key) => item[key] === undefined)) return undefined;
  if (index.include === undefined) return item;
  const kept = new Set(['pk', 'sk', ...index.keys, ...index.include]);
  return Object.fromEntries(Object.entries(item).filter(([name]) => kept.has(name)));
}

/**
 * The WRU one write of a transaction costs: twice the table write (the larger of the item before and after, per KB)
 * and, for each index the item is in before or after, twice the index write (the projected entry per KB; a delete
 * and a put when its keys change; nothing when nothing the index projects changed). It is what DynamoDB Local
 * reports for a one-item transaction of the same write (meter.test.ts holds it to that).
 */
export function transactionWru(
  indexes: IndexShape[],
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): number {
  let wru = kb(Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0));
  for (const index of indexes) {
    const was = indexEntry(index, before);
    const now = indexEntry(index, after);
    if (!was && !now) continue;
    const sameKeys = was && now && index.keys.every((key) => was[key] === now[key]);
    if (sameKeys) {
      if (stable(was) !== stable(now)) wru += kb(Math.max(itemSize(was), itemSize(now)));
    } else {
      if (was) wru += kb(itemSize(was));
      if (now) wru += kb(itemSize(now));
    }
  }
  return 2 * wru;
}

interface TransactAction {
  Put?: { TableName: string; Item: Record<string, unknown> };
  Update?: { TableName: string; Key: Record<string, unknown> };
  Delete?: { TableName: string; Key: Record<string, unknown> };
  ConditionCheck?: { TableName: string; Key: Record<string, unknown> };
}

/** Reads the meter does for itself (item images around a transaction) are not metered. */
const unmetered = new WeakSet<object>();

async function image(db: DbContext, tableName: string, key: Record<string, unknown>) {
  const input = { TableName: tableName, Key: { pk: key.pk, sk: key.sk }, ConsistentRead: true };
  unmetered.add(input);
  return (await db.doc.send(new GetCommand(input))).Item;
}

/**
 * Meters every command the document client sends: asks DynamoDB for its consumed capacity
 * (`ReturnConsumedCapacity: INDEXES`, so GSI writes count) and counts the items each read returned or scanned.
 *
 * DynamoDB Local reports a transaction of several items far below what DynamoDB bills (a four-item transaction as 2
 * WRU, where DynamoDB bills 2 WRU per KB of each item and of each index entry it writes), so a transaction's WRU are
 * counted item by item instead (`transactionWru`), from the images of each item read around it (unmetered). Its
 * own figure is kept in `wruReportedByLocal`.
 */
export function meterDb(db: DbContext, meter: () => Meter, indexes: IndexShape[] = []): void {
  db.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (unmetered.has(input)) return next(args);
      const name = String(context.commandName);
      const transact = name === 'TransactWriteItemsCommand' ? (input.TransactItems as TransactAction[]) : [];
      const befores = await Promise.all(
        transact.map((action) => {
          const target = action.Put ?? action.Update ?? action.Delete ?? action.ConditionCheck;
          const key = action.Put ? action.Put.Item : (target as { Key: Record<string, unknown> }).Key;
          return image(db, (target as { TableName: string }).TableName, key);
        }),
      );
      input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const m = meter();
      m.calls++;
      m.byCommand[name] = (m.byCommand[name] ?? 0) + 1;
      const output = result.output as Record<string, unknown>;
      const consumed = output.ConsumedCapacity as Capacity | Capacity[] | undefined;
      for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        const { rru, wru } = units(entry, isWrite(name));
        m.rru += rru;
        if (transact.length > 0) m.wruReportedByLocal += wru;
        else {
          m.wru += wru;
          if (wru > 0)
            addTo(
              m.wruByItem,
              itemKind((input.Item ?? input.Key) as Record<string, unknown> | undefined),
              wru,
            );
        }
      }
      for (const [i, action] of transact.entries()) {
        const before = befores[i];
        if (action.ConditionCheck) {
          // A condition check is billed as a write of the item it reads, and changes nothing.
          m.wru += 2 * kb(before ? itemSize(before) : 0);
          addTo(m.wruByItem, itemKind(action.ConditionCheck.Key), 2 * kb(before ? itemSize(before) : 0));
          continue;
        }
        const target = (action.Put ?? action.Update ?? action.Delete) as {
          TableName: string;
          Key?: Record<string, unknown>;
        };
        const after = action.Put
          ? action.Put.Item
          : action.Delete
            ? undefined
            : await image(db, target.TableName, target.Key as Record<string, unknown>);
        const wru = transactionWru(indexes, before, after);
        m.wru += wru;
        addTo(m.wruByItem, itemKind(after ?? before), wru);
        if (process.env.BENCH_METER_TRACE)
          console.log(
            `    txn ${Object.keys(action)[0]} ${String((after ?? before)?.sk ?? '').slice(0, 40)}: ${wru} WRU (${itemSize(after ?? before ?? {})} B)`,
          );
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
