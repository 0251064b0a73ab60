import { createZone, getEnterprise, keys } from '@antoan/db';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { callers, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await createZone(
    api.db,
    { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: '2026-01-01T00:00:00.000Z' },
    'seed',
  );
});

const valid = {
  taxCode: '1800123456',
  name: 'Công ty TNHH Xây dựng Tây Đô',
  zoneId: 'zone-a',
  sectorCode: 'F4100',
  headcount: 120,
  workforce: { women: 10, minors: 0, disabled: 1, elderly: 3, hazardous: 60 },
  strictEquipmentCount: 4,
};

const create = (body: unknown, headers: Record<string, string> = {}) =>
  api.call('POST', '/v1/enterprises', { as: callers.authority, body, headers });

/** Every item the table holds, so a test can prove a failed request wrote nothing. */
async function itemCount(): Promise<number> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const result = await api.db.doc.send(new ScanCommand({ TableName: api.db.tableName, Select: 'COUNT' }));
  return result.Count ?? 0;
}

describe('POST /v1/enterprises', () => {
  it('creates an enterprise, derives highRisk from the sector, and reads it back', async () => {
    const response = await create(valid);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; highRisk: boolean };
    expect(body).toMatchObject({ ...valid, highRisk: true });
    const read = await api.call('GET', `/v1/enterprises/${body.id}`, { as: callers.inspector });
    // A firm registered today owes its first self-inspection by the end of the current half-year.
    // The zone comes with its name, so no screen has to show its id.
    expect(await read.json()).toEqual({
      ...body,
      zoneName: 'Zone A',
      selfInspection: expect.objectContaining({ status: 'due' }),
    });
  });

  it('treats a low-risk sector as low risk and defaults the workforce to zeros', async () => {
    const { workforce: _w, strictEquipmentCount: _s, ...minimal } = valid;
    const response = await create({ ...minimal, taxCode: '1800123457', sectorCode: 'M6920', headcount: 12 });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      highRisk: false,
      workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
    });
    expect(body).not.toHaveProperty('strictEquipmentCount');
  });

  it.each([
    ['a short tax code', { taxCode: '12345' }, 'taxCode'],
    ['a branch suffix of 2 digits', { taxCode: '1800123456-01' }, 'taxCode'],
    ['a sector that is not VSIC', { sectorCode: 'F4' }, 'sectorCode'],
    ['a lower-case sector', { sectorCode: 'f41' }, 'sectorCode'],
    ['headcount 0', { headcount: 0 }, 'headcount'],
    ['a fractional headcount', { headcount: 1.5 }, 'headcount'],
    ['headcount as a string', { headcount: '12' }, 'headcount'],
    ['a negative workforce group', { workforce: { ...valid.workforce, minors: -1 } }, 'workforce.minors'],
    [
      'a missing workforce group',
      { workforce: { women: 1, minors: 0, disabled: 0, elderly: 0 } },
      'workforce.hazardous',
    ],
    ['a group larger than the headcount', { workforce: { ...valid.workforce, women: 500 } }, 'workforce'],
    ['an unknown field', { owner: 'me' }, 'owner'],
    ['an empty name', { name: '   ' }, 'name'],
    ['a negative equipment count', { strictEquipmentCount: -2 }, 'strictEquipmentCount'],
  ])('400 for %s, naming the field, and writes nothing', async (_label, change, path) => {
    const before = await itemCount();
    const response = await create({ ...valid, taxCode: '1800999000', ...change });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((e) => e.path)).toContain(path);
    expect(await itemCount()).toBe(before);
  });

  it('accepts a branch tax code', async () => {
    expect((await create({ ...valid, taxCode: '1800123456-002' })).status).toBe(201);
  });

  it('400 for malformed JSON, 415 for another content type, 413 for a body over 256 KB', async () => {
    const before = await itemCount();
    expect((await create('{"taxCode": ')).status).toBe(400);
    expect((await create(JSON.stringify(valid), { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(
      (await create(JSON.stringify(valid), { 'Content-Type': 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    const huge = await create({ ...valid, name: 'x'.repeat(300 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ status: 413, type: 'urn:antoan:problem:payload-too-large' });
    expect(await itemCount()).toBe(before);
  });

  it('400 for a zone that does not exist', async () => {
    const response = await create({ ...valid, taxCode: '1800555555', zoneId: 'zone-none' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ path: 'zoneId' }] });
  });

  it('six parallel creates with the same taxCode: exactly one 201, the rest 409', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 6 }, (_, n) => create({ ...valid, taxCode: '1800777777', name: `Racer ${n}` })),
    ).then((responses) => responses.map((r) => r.status).sort());
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const claims = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'UNIQUE#TAX_CODE#1800777777' },
      }),
    );
    expect(claims.Items).toHaveLength(1);
    expect(await getEnterprise(api.db, claims.Items?.[0]?.owner as string)).toBeDefined();
  });

  it('replays the first response for a repeated Idempotency-Key, and writes nothing new', async () => {
    const headers = { 'Idempotency-Key': 'create-firm-0001' };
    const body = { ...valid, taxCode: '1800888888' };
    const first = await create(body, headers);
    expect(first.status).toBe(201);
    const count = await itemCount();
    const again = await create(body, headers);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await itemCount()).toBe(count);
    const reused = await create({ ...body, name: 'Another' }, headers);
    expect(reused.status).toBe(422);
  });

  it('releases the key of a failed request so a corrected retry can use it', async () => {
    const headers = { 'Idempotency-Key': 'create-firm-0002' };
    expect((await create({ ...valid, taxCode: 'bad' }, headers)).status).toBe(400);
    expect((await create({ ...valid, taxCode: '1800666666' }, headers)).status).toBe(201);
  });
});

describe('GET /v1/enterprises/:eid', () => {
  /** The DynamoDB commands sent while `work` runs. */
  async function commandsOf(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const name = 'recordCommands';
    api.db.doc.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      await work();
    } finally {
      api.db.doc.middlewareStack.remove(name);
    }
    return sent;
  }

  it('names the zone from the firm record: one GetItem, no read of the zone', async () => {
    const created = await create({ ...valid, taxCode: '1800555001' });
    const { id } = (await created.json()) as { id: string };
    expect((await getEnterprise(api.db, id))?.zoneName).toBe('Zone A');
    let profile: unknown;
    const sent = await commandsOf(async () => {
      profile = await (await api.call('GET', `/v1/enterprises/${id}`, { as: callers.inspector })).json();
    });
    expect(profile).toMatchObject({ id, zoneId: 'zone-a', zoneName: 'Zone A' });
    expect(sent).toEqual(['GetItemCommand']);
  });

  it('reads the zone for a firm registered before the name was copied onto it', async () => {
    const created = await create({ ...valid, taxCode: '1800555002' });
    const { id } = (await created.json()) as { id: string };
    await api.db.doc.send(
      new UpdateCommand({
        TableName: api.db.tableName,
        Key: keys.enterprise(id),
        UpdateExpression: 'REMOVE zoneName',
      }),
    );
    let profile: unknown;
    const sent = await commandsOf(async () => {
      profile = await (await api.call('GET', `/v1/enterprises/${id}`, { as: callers.inspector })).json();
    });
    expect(profile).toMatchObject({ id, zoneName: 'Zone A' });
    expect(sent).toEqual(['GetItemCommand', 'GetItemCommand']);
  });
});
