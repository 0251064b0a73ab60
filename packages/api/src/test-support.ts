import {
  createAssessment,
  createDbContext,
  createEnterprise,
  createEvidence,
  createZone,
  type DbContext,
  type Enterprise,
  type Evidence,
  settleEvidence,
} from '@antoan/db';
import { createTestDb, localClientConfig } from '@antoan/db/local';
import { createTestEvidenceStore } from '@antoan/storage/local';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ulid } from 'ulid';
import { inject } from 'vitest';
import { allRoutes } from './app';
import { createApp } from './create-app';
import type { AppDeps } from './deps';
import { createLocalIssuer, type LocalIssuer, type TokenRequest } from './local-issuer';
import { LocalUserStore } from './local-user-store';

/** An app wired to a fresh table on DynamoDB Local, with a token issuer and request helpers. Tests only. */
export interface TestApi {
  app: ReturnType<typeof createApp>;
  db: DbContext;
  issuer: LocalIssuer;
  deps: AppDeps;
  /**
   * Puts bytes straight into the evidence bucket with the server's credentials, bypassing the upload form: what
   * a form that S3 refuses (size, checksum) could have stored, to test the server-side verification on its own.
   */
  storeObject(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  token(request: TokenRequest): Promise<string>;
  call(
    method: string,
    path: string,
    options?: { as?: TokenRequest; token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
}

/** Builds a TestApi; `deps` overrides parts of the dependencies (for example a faulty db client). */
export async function createTestApi(overrides: Partial<AppDeps> = {}): Promise<TestApi> {
  const db = await createTestDb(inject('dynamoEndpoint'));
  const { store: evidence, client: s3, bucket } = await createTestEvidenceStore(inject('s3Endpoint'));
  const issuer = await createLocalIssuer();
  const deps: AppDeps = Object.assign(
    {
      db,
      evidence,
      verifyToken: issuer.verifyToken,
      users: await LocalUserStore.open(undefined),
      now: () => new Date(),
      newId: ulid,
    },
    overrides,
  );
  const app = createApp(deps, { routes: allRoutes() });
  const api: TestApi = {
    app,
    db,
    issuer,
    deps,
    storeObject: async (key, bytes, contentType) => {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      );
    },
    token: (request) => issuer.mint(request),
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      const token = options.token ?? (options.as ? await issuer.mint(options.as) : undefined);
      if (token) headers.Authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['Content-Type'] ??= 'application/json';
      }
      return app.request(path, { method, headers, ...(body === undefined ? {} : { body }) });
    },
  };
  return api;
}

/** Callers of every role, as tokens describe them. */
export const callers = {
  authority: { sub: 'auth-1', role: 'authority' },
  inspector: { sub: 'insp-1', role: 'inspector' },
  managerA: { sub: 'zm-a', role: 'zone_manager', zoneIds: ['zone-a'] },
  managerB: { sub: 'zm-b', role: 'zone_manager', zoneIds: ['zone-b'] },
  enterpriseA: { sub: 'ent-a-officer', role: 'enterprise', enterpriseId: 'ent-a' },
  enterpriseB: { sub: 'ent-b-officer', role: 'enterprise', enterpriseId: 'ent-b' },
} satisfies Record<string, TokenRequest>;

/** When the records of `seedTwoFirms` were made. */
export const seededAt = '2026-11-28T00:00:00.000Z';

/** A small firm (20 workers, not high risk) in `zoneId`, registered at `seededAt`. */
const testFirm = (id: string, zoneId: string, taxCode: string): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId,
  sectorCode: 'C10',
  highRisk: false,
  headcount: 20,
  workforce: { women: 5, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt: seededAt,
});

/** An office firm (40 workers, VSIC M6920, not high risk) in `zone-a`, as the daily jobs' tests register them. */
export const officeFirm = (
  id: string,
  taxCode: string,
  createdAt: string,
  extra: Partial<Enterprise> = {},
): Enterprise => ({
  id,
  taxCode,
  name: `Firm ${id}`,
  zoneId: 'zone-a',
  sectorCode: 'M6920',
  highRisk: false,
  headcount: 40,
  workforce: { women: 0, minors: 0, disabled: 0, elderly: 0, hazardous: 0 },
  createdAt,
  ...extra,
});

/**
 * The records the `callers` scopes point at: zones `zone-a` and `zone-b`, a firm in each (`ent-a`, `ent-b`) and,
 * with `draftPeriod`, a one-item draft self-check of `ent-a` for that period (`asmt-a`).
 */
export async function seedTwoFirms(db: DbContext, options: { draftPeriod?: string } = {}): Promise<void> {
  const at = seededAt;
  await createZone(db, { id: 'zone-a', code: 'ZA', name: 'Zone A', createdAt: at }, 'seed');
  await createZone(db, { id: 'zone-b', code: 'ZB', name: 'Zone B', createdAt: at }, 'seed');
  await createEnterprise(db, testFirm('ent-a', 'zone-a', '1800000001'), 'seed');
  await createEnterprise(db, testFirm('ent-b', 'zone-b', '1800000002'), 'seed');
  if (options.draftPeriod === undefined) return;
  await createAssessment(db, {
    id: 'asmt-a',
    enterpriseId: 'ent-a',
    zoneId: 'zone-a',
    templateId: 'osh-self-inspection',
    templateVersion: 1,
    period: options.draftPeriod,
    status: 'draft',
    version: 1,
    applicableItemIds: ['I-1-1'],
    answers: {},
    createdAt: at,
    createdBy: 'seed',
    updatedAt: at,
  });
}

/**
 * The same table behind a client whose commands all reach DynamoDB Local until a test overrides one, e.g.
 * `mock.on(TransactWriteCommand).rejects(…)`: fault injection on a real database.
 */
export function faultInjectable(db: DbContext) {
  const real = createDbContext(db.tableName, localClientConfig(inject('dynamoEndpoint')));
  const faulty = createDbContext(db.tableName, localClientConfig(inject('dynamoEndpoint')));
  const mock = mockClient(faulty.doc);
  const forward = () => {
    mock.reset();
    mock.on(GetCommand).callsFake((input) => real.doc.send(new GetCommand(input)));
    mock.on(BatchGetCommand).callsFake((input) => real.doc.send(new BatchGetCommand(input)));
    mock.on(QueryCommand).callsFake((input) => real.doc.send(new QueryCommand(input)));
    mock.on(PutCommand).callsFake((input) => real.doc.send(new PutCommand(input)));
    mock.on(UpdateCommand).callsFake((input) => real.doc.send(new UpdateCommand(input)));
    mock.on(DeleteCommand).callsFake((input) => real.doc.send(new DeleteCommand(input)));
    mock.on(TransactWriteCommand).callsFake((input) => real.doc.send(new TransactWriteCommand(input)));
  };
  forward();
  return { db: faulty, mock, reset: forward };
}

/**
 * Records a piece of evidence straight in the table, settled as verified unless `verify` is false (for tests of
 * what reads evidence; the upload path itself is tested in routes/evidence.test.ts).
 */
export async function putEvidenceRecord(
  db: DbContext,
  evidence: {
    enterpriseId: string;
    id: string;
    kind: string;
    issuedOn: string;
    expiresOn?: string;
    zoneId?: string;
    flags?: NonNullable<Evidence['flags']>;
    workersCovered?: number;
    sha256?: string;
  },
  options: { verify?: boolean; reviewPriority?: 'critical' | 'other' } = {},
): Promise<Evidence> {
  const at = '2026-01-05T00:00:00.000Z';
  const record: Evidence = {
    zoneId: 'zone-a',
    sha256: 'a'.repeat(64),
    ...evidence,
    fileName: `${evidence.id}.pdf`,
    contentType: 'application/pdf',
    size: 10,
    ...(evidence.kind === 'training_certificate' ? { trainingGroup: 3 } : {}),
    objectKey: `enterprises/${evidence.enterpriseId}/evidence/${evidence.id}`,
    status: 'pending_upload',
    createdAt: at,
    createdBy: 'seed',
  };
  await createEvidence(db, record);
  if (options.verify === false) return record;
  return settleEvidence(db, {
    evidence: record,
    outcome: { status: 'verified', objectKey: `verified/${record.objectKey}` },
    ...(options.reviewPriority === undefined ? {} : { reviewPriority: options.reviewPriority }),
    actor: 'seed',
    at,
  });
}
