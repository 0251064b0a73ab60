import { allRoutes, createApp } from '@antoan/api';
import { createLocalIssuer, type TokenRequest } from '@antoan/api/local-issuer';
import { LocalUserStore } from '@antoan/api/local-users';
import { createZone, type DbContext } from '@antoan/db';
import { createTestDb, type DynamoLocal, startDynamoLocal } from '@antoan/db/local';
import { createTestEvidenceStore, type S3Local, startS3Local } from '@antoan/storage/local';
import { ulid } from 'ulid';
import { emptyMeter, type Meter, meterDb, meterS3, tableIndexes } from './meter';

/** The API on DynamoDB Local and the local S3 server, every database and S3 call metered. */
export interface Bench {
  app: ReturnType<typeof createApp>;
  db: DbContext;
  deps: Parameters<typeof createApp>[0];
  meter: Meter;
  /** Resets the meter, runs `work`, returns what it cost and how long it took. */
  measure<T>(work: () => Promise<T>): Promise<{ value: T; meter: Meter; ms: number; cpuMs: number }>;
  call(
    method: string,
    path: string,
    as: TokenRequest,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  stop(): Promise<void>;
}

export async function startBench(): Promise<Bench> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const dynamo: DynamoLocal = await startDynamoLocal();
  const s3: S3Local = await startS3Local();
  const db = await createTestDb(dynamo.endpoint);
  const { store, client } = await createTestEvidenceStore(s3.endpoint);
  const issuer = await createLocalIssuer();
  let meter = emptyMeter();
  meterDb(db, () => meter, await tableIndexes(db));
  meterS3(client, () => meter);
  const users = await LocalUserStore.open(undefined);
  const deps = {
    db,
    evidence: store,
    verifyToken: issuer.verifyToken,
    users,
    now: () => new Date(),
    newId: ulid,
  };
  const app = createApp(deps, { routes: allRoutes() });
  const tokens = new Map<string, string>();
  const bench: Bench = {
    app,
    db,
    deps,
    get meter() {
      return meter;
    },
    async measure(work) {
      meter = emptyMeter();
      const started = performance.now();
      const cpu = process.cpuUsage();
      const value = await work();
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const measured = meter;
      meter = emptyMeter();
      return { value, meter: measured, ms, cpuMs: (used.user + used.system) / 1000 };
    },
    async call(method, path, as, body, headers = {}) {
      const key = JSON.stringify(as);
      let token = tokens.get(key);
      if (!token) {
        token = await issuer.mint(as);
        tokens.set(key, token);
      }
      return app.request(path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async stop() {
      await s3.stop();
      await dynamo.stop();
    },
  };
  return bench;
}

export const authority: TokenRequest = { sub: 'bench-authority', role: 'authority' };
export const officerOf = (enterpriseId: string): TokenRequest => ({
  sub: `officer-${enterpriseId}`,
  role: 'enterprise',
  enterpriseId,
});

/** A zone and a firm in it, registered through the API; returns the firm's id. */
export async function registerFirm(
  bench: Bench,
  zoneId: string,
  index: number,
  sectorCode = 'C2511',
): Promise<string> {
  await createZone(
    bench.db,
    { id: zoneId, code: zoneId.toUpperCase(), name: zoneId, createdAt: '2026-01-01' },
    'bench',
  ).catch(() => undefined);
  const response = await bench.call('POST', '/v1/enterprises', authority, {
    taxCode: String(1_000_000_000 + index),
    name: `Bench firm ${index}`,
    zoneId,
    sectorCode,
    headcount: 120,
    workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 10 },
  });
  if (response.status !== 201)
    throw new Error(`register answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Throws unless the response has the expected status; returns its JSON body. */
export async function expectStatus<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status)
    throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
