import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { listAuditOfEnterprise, recordAudit } from './audit';
import type { DbContext } from './client';
import { keys } from './keys';
import { createTestDb } from './local';

let ctx: DbContext;

beforeAll(async () => {
  ctx = await createTestDb(inject('dynamoEndpoint'));
});

const entriesOf = async (pk: string) =>
  (
    await ctx.doc.send(
      new QueryCommand({
        TableName: ctx.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': pk, ':audit': keys.auditPrefix },
      }),
    )
  ).Items ?? [];

describe('recordAudit', () => {
  it('writes the entry under every owner, and an enterprise owner shows it in its history', async () => {
    const entry = {
      actor: 'auth-1',
      action: 'user.invite',
      target: 'user-1',
      at: '2026-11-30T01:00:00.000Z',
      details: { role: 'zone_manager', zoneIds: ['zone-a', 'zone-b'] },
    };
    await recordAudit(ctx, [keys.zone('zone-a').pk, keys.zone('zone-b').pk], entry);
    for (const zone of ['zone-a', 'zone-b']) {
      expect(await entriesOf(keys.zone(zone).pk)).toEqual([
        expect.objectContaining({ type: 'audit', ...entry }),
      ]);
    }
    await recordAudit(ctx, [keys.enterprise('ent-audit').pk], { ...entry, target: 'user-2' });
    const page = await listAuditOfEnterprise(ctx, { enterpriseId: 'ent-audit', limit: 10 });
    expect(page.items).toEqual([{ ...entry, target: 'user-2' }]);
  });

  it('refuses an entry with no owner, and writes nothing', async () => {
    await expect(
      recordAudit(ctx, [], {
        actor: 'a',
        action: 'user.invite',
        target: 'x',
        at: '2026-11-30T02:00:00.000Z',
      }),
    ).rejects.toThrow(/owner/);
  });
});
