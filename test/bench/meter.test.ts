import type { DbContext } from '@antoan/db';
import { createTestDb, type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyMeter, type IndexShape, itemSize, meterDb, tableIndexes, transactionWru } from './meter';

let dynamo: DynamoLocal;
let db: DbContext;
let indexes: IndexShape[];

beforeAll(async () => {
  dynamo = await startDynamoLocal();
  db = await createTestDb(dynamo.endpoint);
  indexes = await tableIndexes(db);
});
afterAll(() => dynamo?.stop());

/** What DynamoDB Local reports for `action` alone in a transaction (it reports one-item transactions right). */
async function localWru(action: Record<string, unknown>): Promise<number> {
  const result = await db.doc.send(
    new TransactWriteCommand({ TransactItems: [action], ReturnConsumedCapacity: 'INDEXES' }),
  );
  return result.ConsumedCapacity?.[0]?.CapacityUnits ?? Number.NaN;
}

const put = (item: Record<string, unknown>) =>
  db.doc.send(new PutCommand({ TableName: db.tableName, Item: item }));

describe('the bench meter', () => {
  it('reads the projections of the table it meters', () => {
    const gsi2 = indexes.find((index) => index.name === 'gsi2');
    expect(gsi2?.keys).toEqual(['gsi2pk', 'gsi2sk']);
    expect(gsi2?.include).toContain('total');
  });

  it.each([
    ['a small new item', { pk: 'p1', sk: 's', a: 'x' }],
    ['a 2.5 KB new item', { pk: 'p2', sk: 's', a: 'é'.repeat(1250) }],
    [
      'an item in gsi1 and gsi3',
      { pk: 'p3', sk: 's', gsi1pk: 'a', gsi1sk: 'b', gsi3pk: 'c', gsi3sk: 'd', big: 'x'.repeat(1500) },
    ],
    [
      'a gsi2 item with a long unprojected attribute',
      { pk: 'p4', sk: 's', gsi2pk: 'a', gsi2sk: 'b', total: 5, sections: 'x'.repeat(3000) },
    ],
  ])('bills a new item as DynamoDB Local bills it alone: %s', async (_, item) => {
    expect(transactionWru(indexes, undefined, item)).toBe(
      await localWru({ Put: { TableName: db.tableName, Item: item } }),
    );
  });

  it('bills an update of an unprojected attribute without the index, and a key change as a delete and a put', async () => {
    const before = { pk: 'p5', sk: 's', gsi2pk: 'a', gsi2sk: 'b', total: 5, sections: 'x'.repeat(100) };
    await put(before);
    const unprojected = { ...before, sections: 'y'.repeat(100) };
    expect(transactionWru(indexes, before, unprojected)).toBe(2);
    expect(transactionWru(indexes, before, unprojected)).toBe(
      await localWru({ Put: { TableName: db.tableName, Item: unprojected } }),
    );
    const moved = { ...unprojected, gsi2sk: 'c' };
    expect(transactionWru(indexes, unprojected, moved)).toBe(6);
  });

  it('counts a transaction item by item, where DynamoDB Local reports it far lower', async () => {
    const meter = emptyMeter();
    const metered = await createTestDb(dynamo.endpoint);
    meterDb(metered, () => meter, indexes);
    const items = [
      { pk: 'p6', sk: 's', big: 'x'.repeat(1500) },
      { pk: 'p7', sk: 's' },
      { pk: 'p8', sk: 's' },
      { pk: 'p9', sk: 's' },
    ];
    await metered.doc.send(
      new TransactWriteCommand({
        TransactItems: items.map((item) => ({ Put: { TableName: metered.tableName, Item: item } })),
      }),
    );
    expect(meter.wru).toBe(2 * (2 + 1 + 1 + 1));
    expect(meter.wruReportedByLocal).toBeLessThan(meter.wru);
    expect(itemSize({ pk: 'p7', sk: 's' })).toBe(7);
  });
});
