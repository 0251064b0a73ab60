import { createApp } from '@antoan/api';
import { createLocalIssuer } from '@antoan/api/local-issuer';
import { reportRoutes } from '@antoan/api/routes/reports';
import {
  type Accident,
  createAccident,
  createEnterprise,
  createEvidence,
  createZone,
  type DbContext,
  type Evidence,
  settleEvidence,
} from '@antoan/db';
import { createTestDb, type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * How many items one city report (`GET /v1/reports/annual?year=2026`) reads at 1,000 firms and at 10,000, and
 * how long JSON, XLSX and PDF take and weigh. The firms are registered with `createEnterprise` and their
 * occupational-disease exams, monitoring reports and accidents recorded with the functions the routes use, so
 * the zone counters are the ones the API keeps. Run: `pnpm exec vitest run bench/report-reads` in `test/`.
 */
const ZONES = 8;
const SIZES = [1_000, 10_000] as const;
const AT = '2026-02-01T00:00:00.000Z';

let dynamo: DynamoLocal;
let db: DbContext;
let registered = 0;
let items = 0;
let capacity = 0;
let requests = 0;

/** Counts what every call reads: items returned, read capacity consumed, requests made. */
function countReads(ctx: DbContext): DbContext {
  const send = ctx.doc.send.bind(ctx.doc) as (command: unknown) => Promise<Record<string, unknown>>;
  (ctx.doc as unknown as { send: typeof send }).send = async (command) => {
    const input = (command as { input: Record<string, unknown> }).input;
    input.ReturnConsumedCapacity = 'TOTAL';
    const output = await send(command);
    requests++;
    if (output.Item) items++;
    if (Array.isArray(output.Items)) items += output.Items.length;
    const responses = output.Responses as Record<string, unknown[]> | undefined;
    if (responses && !Array.isArray(responses))
      for (const list of Object.values(responses)) items += list.length;
    const consumed = output.ConsumedCapacity as
      | { CapacityUnits?: number }
      | Array<{ CapacityUnits?: number }>
      | undefined;
    for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : [])
      capacity += entry.CapacityUnits ?? 0;
    return output;
  };
  return ctx;
}

async function registerUpTo(total: number): Promise<void> {
  const indexes = Array.from({ length: total - registered }, (_, n) => registered + n);
  for (let start = 0; start < indexes.length; start += 40) {
    await Promise.all(
      indexes.slice(start, start + 40).map(async (index) => {
        const id = `ent-${String(index).padStart(5, '0')}`;
        const zoneId = `zone-${index % ZONES}`;
        const headcount = 10 + ((index * 37) % 900);
        await createEnterprise(
          db,
          {
            id,
            taxCode: String(1_800_000_000 + index),
            name: `Công ty ${index}`,
            zoneId,
            sectorCode: index % 3 === 0 ? 'F4100' : 'C1010',
            highRisk: index % 3 === 0,
            headcount,
            workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: Math.floor(headcount / 4) },
            createdAt: AT,
          },
          'bench',
        );
        // A tenth of the firms have an exam and a monitoring report each year; one in 200 a fatal accident.
        if (index % 10 === 0) {
          for (const [year, kind] of [
            ['2025', 'occupational_disease_exam'],
            ['2026', 'occupational_disease_exam'],
            ['2026', 'environment_monitoring_report'],
          ] as const) {
            const evidence: Evidence = {
              id: `${id}-${year}-${kind}`,
              enterpriseId: id,
              zoneId,
              kind,
              fileName: 'x.pdf',
              contentType: 'application/pdf',
              size: 10,
              sha256: `${index}${year}${kind.length}`.padStart(64, '0'),
              issuedOn: `${year}-05-01`,
              workersCovered: 20,
              objectKey: `enterprises/${id}/evidence/${year}${kind}`,
              status: 'pending_upload',
              createdAt: AT,
              createdBy: 'bench',
            };
            await createEvidence(db, evidence);
            await settleEvidence(db, {
              evidence,
              outcome: { status: 'verified', objectKey: `verified/${evidence.objectKey}` },
              actor: 'bench',
              at: AT,
            });
          }
        }
        if (index % 200 === 0) {
          const accident: Accident = {
            id: `${id}-acc`,
            enterpriseId: id,
            zoneId,
            occurredAt: '2026-03-01T03:00:00.000Z',
            occurredOn: '2026-03-01',
            severity: 'fatal',
            victims: 1,
            fatalities: 1,
            cause: 'x',
            description: 'x',
            declareImmediately: true,
            investigation: { days: 30, dueOn: '2026-03-31', basis: { vi: 'x', en: 'x' } },
            reportedAt: AT,
            reportedBy: 'bench',
          };
          await createAccident(db, accident);
        }
      }),
    );
  }
  registered = total;
}

beforeAll(async () => {
  dynamo = await startDynamoLocal();
  db = await createTestDb(dynamo.endpoint);
  for (let z = 0; z < ZONES; z++)
    await createZone(
      db,
      { id: `zone-${z}`, code: `Z${z}`, name: `Khu công nghiệp ${z}`, createdAt: AT },
      'bench',
    );
}, 120_000);

afterAll(async () => {
  await dynamo?.stop();
});

describe('the city report reads kept counters, not firms', () => {
  it(`reads no more than 1.3× the items at ${SIZES[1]} firms as at ${SIZES[0]}`, async () => {
    const issuer = await createLocalIssuer();
    const counted = countReads(db);
    const app = createApp(
      {
        db: counted,
        // The report routes never touch evidence files.
        evidence: undefined as never,
        verifyToken: issuer.verifyToken,
        // Nor the identity provider's users.
        users: undefined as never,
        now: () => new Date('2026-11-28T03:00:00.000Z'),
        newId: () => 'unused',
      },
      { routes: [reportRoutes] },
    );
    const token = await issuer.mint({ sub: 'auth', role: 'authority' });
    const lines = ['firms   format  items  read units  requests  ms    bytes'];
    const itemsAt: Record<number, number> = {};
    for (const size of SIZES) {
      await registerUpTo(size);
      for (const format of ['json', 'xlsx', 'pdf'] as const) {
        [items, capacity, requests] = [0, 0, 0];
        const started = performance.now();
        const response = await app.request(`/v1/reports/annual?year=2026&format=${format}`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        const bytes = (await response.arrayBuffer()).byteLength;
        const ms = Math.round(performance.now() - started);
        expect(response.status).toBe(200);
        if (format === 'json') itemsAt[size] = items;
        lines.push(
          `${String(size).padEnd(7)} ${format.padEnd(7)} ${String(items).padStart(5)}  ${String(capacity).padStart(10)}  ${String(requests).padStart(8)}  ${String(ms).padStart(4)}  ${bytes}`,
        );
      }
    }
    console.log(lines.join('\n'));
    expect(itemsAt[SIZES[1]]).toBeLessThanOrEqual(1.3 * (itemsAt[SIZES[0]] ?? 0));
  }, 3_600_000);
});
