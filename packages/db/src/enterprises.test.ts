import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DbContext } from './client';
import {
  createEnterprise,
  type Enterprise,
  getEnterprise,
  getEnterpriseNames,
  listEnterprisesInZone,
  setEnterpriseZoneName,
} from './enterprises';
import { ConflictError, MissingReferenceError } from './errors';
import { keys } from './keys';
import { createTestDb } from './local';
import { createZone } from './zones';

let ctx: DbContext;
beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
  await createZone(
    ctx,
    { id: 'tn1', code: 'TN1', name: 'Trà Nóc 1', createdAt: '2026-01-01T00:00:00.000Z' },
    'seed',
  );
});

const enterprise = (id: string, taxCode: string, name = `Firm ${id}`): Enterprise => ({
  id,
  taxCode,
  name,
  zoneId: 'tn1',
  sectorCode: 'F41',
  highRisk: true,
  headcount: 120,
  workforce: { women: 10, minors: 0, disabled: 1, elderly: 2, hazardous: 40 },
  createdAt: '2026-11-28T00:00:00.000Z',
});

const countItems = async (pk: string) =>
  (
    await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
      }),
    )
  ).Count;

describe('enterprises', () => {
  it('creates and reads an enterprise, with an audit entry', async () => {
    const created = await createEnterprise(
      ctx,
      { ...enterprise('e1', '0101234567'), strictEquipmentCount: 3 },
      'u1',
    );
    expect(await getEnterprise(ctx, 'e1')).toEqual(created);
    expect(await countItems(keys.enterprise('e1').pk)).toBe(2);
  });

  it('exactly one of six concurrent creates with the same tax code wins', async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map((n) => createEnterprise(ctx, enterprise(`dup${n}`, '0309999999'), 'u1')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
  });

  it('refuses an unknown zone and leaves no tax-code claim behind', async () => {
    await expect(
      createEnterprise(ctx, { ...enterprise('e2', '0311111111'), zoneId: 'nope' }, 'u1'),
    ).rejects.toBeInstanceOf(MissingReferenceError);
    expect(await countItems(keys.taxCode('0311111111').pk)).toBe(0);
    expect(await createEnterprise(ctx, enterprise('e2', '0311111111'), 'u1')).toMatchObject({ id: 'e2' });
  });

  it('keeps the zone’s name on the record only when it is the zone’s name, and sets it on an older record', async () => {
    const named = await createEnterprise(
      ctx,
      { ...enterprise('e4', '0333333333'), zoneName: 'Trà Nóc 1' },
      'u1',
    );
    expect(await getEnterprise(ctx, 'e4')).toEqual(named);
    await expect(
      createEnterprise(ctx, { ...enterprise('e5', '0344444444'), zoneName: 'Trà Nóc 9' }, 'u1'),
    ).rejects.toBeInstanceOf(MissingReferenceError);
    expect(await getEnterprise(ctx, 'e5')).toBeUndefined();
    // A firm registered before the copy was kept gets it from the backfill.
    await createEnterprise(ctx, enterprise('e5', '0344444444'), 'u1');
    expect((await getEnterprise(ctx, 'e5'))?.zoneName).toBeUndefined();
    expect(await setEnterpriseZoneName(ctx, 'e5', 'Trà Nóc 1')).toBe(true);
    expect((await getEnterprise(ctx, 'e5'))?.zoneName).toBe('Trà Nóc 1');
    expect(await setEnterpriseZoneName(ctx, 'missing', 'Trà Nóc 1')).toBe(false);
    expect(await getEnterprise(ctx, 'missing')).toBeUndefined();
  });

  it('lists a zone’s enterprises by name', async () => {
    await createEnterprise(ctx, enterprise('e3', '0322222222-001', 'Ánh Dương'), 'u1');
    const page = await listEnterprisesInZone(ctx, { zoneId: 'tn1', limit: 50 });
    const names = page.items.map((e) => e.name);
    expect(names).toContain('Ánh Dương');
    expect(names[0]).toBe('Ánh Dương');
  });

  it('reads the names of many enterprises in batches of 100, leaving unknown ids out', async () => {
    // Bare enterprise items (the name is all this reads), written 25 at a time: quicker than 105 transactions.
    const items = Array.from({ length: 105 }, (_, n) => ({
      ...keys.enterprise(`nm${n}`),
      id: `nm${n}`,
      name: `Tên ${n}`,
    }));
    for (let start = 0; start < items.length; start += 25)
      await ctx.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [ctx.tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    const ids = [...Array.from({ length: 105 }, (_, n) => `nm${n}`), 'nm3', 'unknown-firm'];
    const names = await getEnterpriseNames(ctx, ids);
    expect(names.size).toBe(105);
    expect(names.get('nm0')).toBe('Tên 0');
    expect(names.get('nm104')).toBe('Tên 104');
    expect(names.has('unknown-firm')).toBe(false);
    expect(await getEnterpriseNames(ctx, [])).toEqual(new Map());
  });
});
