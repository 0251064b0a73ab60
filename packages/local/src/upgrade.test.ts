import { DATA_FORMAT_VERSION } from '@antoan/api';
import {
  createEnterprise,
  createZone,
  getDataFormatVersion,
  getTargetEntry,
  getZoneEnterpriseCounts,
  keys,
} from '@antoan/db';
import { createTestDb } from '@antoan/db/local';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { upgradeLocalData } from './upgrade';

describe('an older .data/', () => {
  it('gets its counters and index entries rebuilt at start, once', async () => {
    const db = await createTestDb(inject('dynamoEndpoint'));
    const createdAt = '2026-01-05T00:00:00.000Z';
    await createZone(db, { id: 'zone-u', code: 'ZU', name: 'Zone U', createdAt }, 'test');
    await createEnterprise(
      db,
      {
        id: 'ent-u',
        taxCode: '1800099901',
        name: 'Upgrade Co',
        zoneId: 'zone-u',
        sectorCode: 'C1010',
        highRisk: false,
        headcount: 20,
        workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
        createdAt,
      },
      'test',
    );
    // What an older version left: the records, without the registration counter, target entry or format marker.
    await db.doc.send(
      new DeleteCommand({ TableName: db.tableName, Key: keys.zoneEnterpriseCounts('zone-u') }),
    );
    expect(await getDataFormatVersion(db)).toBe(0);
    expect(await getTargetEntry(db, 'ent-u')).toBeUndefined();

    const lines: string[] = [];
    const first = await upgradeLocalData(db, '2026-11-28', (line) => lines.push(line));
    expect(first.from).toBe(0);
    expect(lines).toEqual([expect.stringContaining(`data format 0 → ${DATA_FORMAT_VERSION}`)]);
    expect(await getDataFormatVersion(db)).toBe(DATA_FORMAT_VERSION);
    expect(await getZoneEnterpriseCounts(db, 'zone-u')).toEqual({ highRisk: {}, regular: { '2026-01': 1 } });
    expect(await getTargetEntry(db, 'ent-u')).toMatchObject({ enterpriseId: 'ent-u', zoneId: 'zone-u' });

    // The next start finds the current format and does nothing.
    expect(await upgradeLocalData(db, '2026-11-29')).toEqual({ from: DATA_FORMAT_VERSION });
  });
});
