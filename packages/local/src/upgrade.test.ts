import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATA_FORMAT_VERSION } from '@antoan/api';
import {
  createDbContext,
  createEnterprise,
  createZone,
  getDataFormatVersion,
  getTargetEntry,
  getZoneEnterpriseCounts,
  keys,
} from '@antoan/db';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_TABLE, startPlatform } from './platform';

let dataDir: string | undefined;
afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('an older .data/', () => {
  it('gets its counters and index entries rebuilt at start', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'antoan-upgrade-'));
    const config = { port: 0, dataDir, seed: false };
    const createdAt = '2026-01-05T00:00:00.000Z';

    // What an older version left: records, but no registration counter, target entry or data-format marker.
    const first = await startPlatform(config);
    try {
      const db = createDbContext(LOCAL_TABLE, first.dynamo.clientConfig);
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
      for (const key of [keys.zoneEnterpriseCounts('zone-u'), keys.marker('data-format')]) {
        await db.doc.send(new DeleteCommand({ TableName: LOCAL_TABLE, Key: key }));
      }
      expect(await getZoneEnterpriseCounts(db, 'zone-u')).toEqual({ highRisk: {}, regular: {} });
      expect(await getTargetEntry(db, 'ent-u')).toBeUndefined();
    } finally {
      await first.stop();
    }

    const second = await startPlatform(config);
    try {
      const db = createDbContext(LOCAL_TABLE, second.dynamo.clientConfig);
      expect(await getDataFormatVersion(db)).toBe(DATA_FORMAT_VERSION);
      expect(await getZoneEnterpriseCounts(db, 'zone-u')).toEqual({
        highRisk: {},
        regular: { '2026-01': 1 },
      });
      expect(await getTargetEntry(db, 'ent-u')).toMatchObject({ enterpriseId: 'ent-u', zoneId: 'zone-u' });
    } finally {
      await second.stop();
    }
  }, 120_000);
});
