import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_BYTES } from './content-types';
import { InvalidEvidenceInputError, StorageOperationError } from './errors';
import {
  createEvidenceStore,
  type DeclaredEvidenceFile,
  type EvidenceStore,
  evidenceIdsOf,
  type PresignedUpload,
} from './evidence-store';
import { type S3Local, startS3Local } from './local';
import {
  postThroughForm,
  sampleExecutable,
  sampleJpeg,
  samplePdf,
  samplePng,
  sha256Hex,
} from './test-support';

const bucket = 'evidence-test';
let s3: S3Local;
let client: S3Client;
let store: EvidenceStore;

beforeAll(async () => {
  s3 = await startS3Local();
  client = new S3Client({ ...s3.clientConfig, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  store = createEvidenceStore({ client, bucket });
});

afterAll(async () => {
  client.destroy();
  await s3.stop();
});

let evidenceCount = 0;
const newKey = () => store.objectKey('ent-01', `ev-${++evidenceCount}`);

/** What a browser declares for `bytes`, with `overrides` standing for a lie or a mistake. */
const declare = (
  bytes: Uint8Array,
  contentType: DeclaredEvidenceFile['contentType'],
  overrides: Partial<DeclaredEvidenceFile> = {},
): DeclaredEvidenceFile => ({ contentType, size: bytes.length, sha256Hex: sha256Hex(bytes), ...overrides });

/** Presigns `declared` at a new key and posts `bytes` through the form, as the web app does. */
async function upload(bytes: Uint8Array, declared: DeclaredEvidenceFile, fileName = 'evidence.bin') {
  const key = newKey();
  const presigned = await store.presignUpload({ key, ...declared });
  expect(await postThroughForm(presigned, bytes, fileName)).toBe(204);
  return key;
}

/**
 * Stores `bytes` at a new key with the server's own credentials, bypassing the upload form: what a form the
 * local verifier (like S3) would refuse could have stored, to prove the server-side check holds on its own.
 */
async function storeDirectly(bytes: Uint8Array, contentType: string) {
  const key = newKey();
  await client.send(
    new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
  );
  return key;
}

const policyOf = (upload: PresignedUpload) =>
  JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8')) as {
    expiration: string;
    conditions: unknown[];
  };

describe('objectKey', () => {
  it('is made from the enterprise and evidence ids', () => {
    expect(store.objectKey('ENT_1', '01J9ZK-x')).toBe('enterprises/ENT_1/evidence/01J9ZK-x');
  });

  it.each(['', '../other', 'a/b', 'giấy.pdf', 'x'.repeat(65), 'a b'])('refuses the id %j', (id) => {
    expect(() => store.objectKey(id, 'ev1')).toThrow(InvalidEvidenceInputError);
    expect(() => store.objectKey('ent1', id)).toThrow(InvalidEvidenceInputError);
  });
});

describe('presignUpload', () => {
  it('signs a form that fixes the key, the exact size, the type and the SHA-256', async () => {
    const pdf = samplePdf();
    const key = newKey();
    const presigned = await store.presignUpload({ key, ...declare(pdf, 'application/pdf') });

    expect(presigned.method).toBe('POST');
    expect(presigned.url).toBe(`${s3.endpoint}/${bucket}`);
    expect(presigned.fields).toMatchObject({ key, 'Content-Type': 'application/pdf' });
    expect(policyOf(presigned).conditions).toEqual(
      expect.arrayContaining([
        ['content-length-range', pdf.length, pdf.length],
        ['eq', '$key', key],
        { 'Content-Type': 'application/pdf' },
        { 'x-amz-checksum-sha256': Buffer.from(sha256Hex(pdf), 'hex').toString('base64') },
      ]),
    );
  });

  it('lives 15 minutes at most', async () => {
    const pdf = samplePdf();
    const lifetime = async (expiresInSeconds?: number) => {
      const before = Date.now();
      const presigned = await store.presignUpload({
        key: newKey(),
        ...declare(pdf, 'application/pdf'),
        ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
      });
      const policyLifetime = (Date.parse(policyOf(presigned).expiration) - before) / 1000;
      const statedLifetime = (Date.parse(presigned.expiresAt) - before) / 1000;
      return { policyLifetime, statedLifetime };
    };
    for (const asked of [undefined, 3600, 86_400]) {
      const { policyLifetime, statedLifetime } = await lifetime(asked);
      expect(policyLifetime).toBeLessThanOrEqual(900);
      expect(policyLifetime).toBeGreaterThan(890);
      expect(statedLifetime).toBeGreaterThan(899);
      expect(statedLifetime).toBeLessThanOrEqual(901);
    }
    expect((await lifetime(60)).policyLifetime).toBeLessThanOrEqual(60);
    await expect(lifetime(0)).rejects.toMatchObject({ code: 'invalid_expiry' });
  });

  it('refuses what the evidence rules do not allow', async () => {
    const key = newKey();
    const file = declare(samplePdf(), 'application/pdf');
    const refusal = (input: Parameters<EvidenceStore['presignUpload']>[0]) => store.presignUpload(input);
    await expect(refusal({ ...file, key, contentType: 'image/gif' as never })).rejects.toMatchObject({
      code: 'unsupported_content_type',
    });
    await expect(refusal({ ...file, key, size: 0 })).rejects.toMatchObject({ code: 'invalid_size' });
    await expect(refusal({ ...file, key, size: MAX_EVIDENCE_BYTES + 1 })).rejects.toMatchObject({
      code: 'invalid_size',
    });
    await expect(refusal({ ...file, key, sha256Hex: 'abc' })).rejects.toMatchObject({
      code: 'invalid_sha256',
    });
    await expect(refusal({ ...file, key: 'uploads/evil.html' })).rejects.toMatchObject({
      code: 'invalid_key',
    });
    await expect(refusal({ ...file, key: `quarantine/${key}` })).rejects.toMatchObject({
      code: 'invalid_key',
    });
  });
});

describe('presignClient', () => {
  it('signs browser URLs for its own endpoint while the server keeps using its client', async () => {
    const browserEndpoint = s3.endpoint.replace('127.0.0.1', 'localhost');
    const presignClient = new S3Client({ ...s3.clientConfig, endpoint: browserEndpoint });
    const local = createEvidenceStore({ client, bucket, presignClient });
    const png = samplePng();
    const key = newKey();

    const upload = await local.presignUpload({ key, ...declare(png, 'image/png') });
    expect(upload.url).toBe(`${browserEndpoint}/${bucket}`);
    expect(await postThroughForm(upload, png, 'photo.png')).toBe(204);
    expect(await local.verifyUpload({ key, expected: declare(png, 'image/png') })).toMatchObject({
      ok: true,
    });
    expect(
      (await local.presignDownload({ key, fileName: 'photo.png' })).url.startsWith(browserEndpoint),
    ).toBe(true);
    presignClient.destroy();
  });
});

describe('verifyUpload', () => {
  it.each([
    ['a PDF', samplePdf(), 'application/pdf'],
    ['a PNG', samplePng(), 'image/png'],
    ['a JPEG', sampleJpeg(), 'image/jpeg'],
  ] as const)('accepts %s that is what it was declared to be', async (_, bytes, contentType) => {
    const expected = declare(bytes, contentType);
    const key = await upload(bytes, expected);
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: true, actualSize: bytes.length });
  });

  it('rejects a renamed executable declared as a PDF', async () => {
    const program = sampleExecutable();
    const expected = declare(program, 'application/pdf');
    const key = await upload(program, expected, 'certificate.pdf');
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'type_mismatch' });
  });

  it.each([
    ['PDF', samplePdf(), 'application/pdf'],
    ['PNG', samplePng(), 'image/png'],
    ['JPEG', sampleJpeg(), 'image/jpeg'],
  ] as const)(
    'rejects a truncated %s even when size and hash match the truncated bytes',
    async (_, whole, type) => {
      const truncated = whole.subarray(0, whole.length - 10);
      const expected = declare(truncated, type);
      const key = await upload(truncated, expected);
      expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'type_mismatch' });
    },
  );

  it('rejects content whose hash is not the declared one (S3 refuses its form with BadDigest)', async () => {
    const png = samplePng();
    const expected = declare(png, 'image/png', { sha256Hex: sha256Hex(samplePdf()) });
    const presigned = await store.presignUpload({ key: newKey(), ...expected });
    expect(await postThroughForm(presigned, png, 'photo.png')).toBe(400);
    const key = await storeDirectly(png, 'image/png');
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'checksum_mismatch' });
  });

  it('rejects an object whose size is not the declared one (S3 refuses its form with EntityTooLarge)', async () => {
    const pdf = samplePdf();
    const expected = declare(pdf, 'application/pdf', { size: pdf.length - 1 });
    const presigned = await store.presignUpload({ key: newKey(), ...expected });
    expect(await postThroughForm(presigned, pdf, 'a.pdf')).toBe(400);
    const key = await storeDirectly(pdf, 'application/pdf');
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'size_mismatch' });
  });

  it('reports a missing object when nothing was uploaded', async () => {
    const expected = declare(samplePdf(), 'application/pdf');
    expect(await store.verifyUpload({ key: newKey(), expected })).toEqual({
      ok: false,
      reason: 'missing_object',
    });
  });

  it('checks in the order missing, size, type, checksum', async () => {
    const program = sampleExecutable();
    const wrongSizeAndType = declare(program, 'application/pdf', { size: program.length + 1 });
    const sizeFirst = await storeDirectly(program, 'application/pdf');
    expect(await store.verifyUpload({ key: sizeFirst, expected: wrongSizeAndType })).toMatchObject({
      reason: 'size_mismatch',
    });

    const wrongTypeAndHash = declare(program, 'application/pdf', { sha256Hex: '0'.repeat(64) });
    const typeFirst = await storeDirectly(program, 'application/pdf');
    expect(await store.verifyUpload({ key: typeFirst, expected: wrongTypeAndHash })).toMatchObject({
      reason: 'type_mismatch',
    });
  });

  it('rejects a real PDF stored under another content type (S3 refuses the tampered form)', async () => {
    const pdf = samplePdf();
    const expected = declare(pdf, 'application/pdf');
    const presigned = await store.presignUpload({ key: newKey(), ...expected });
    const tampered = { ...presigned, fields: { ...presigned.fields, 'Content-Type': 'text/html' } };
    expect(await postThroughForm(tampered, pdf, 'page.html')).toBe(403);
    const key = await storeDirectly(pdf, 'text/html');
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'type_mismatch' });
  });

  // The local S3 now refuses this form as S3 does (EntityTooLarge: content-length-range) and stores nothing;
  // the server-side check would still catch the object if a store let it through (defence in depth).
  it('refuses a file larger than the signed size range at the form, and the verification agrees', async () => {
    const small = samplePng();
    const expected = declare(small, 'image/png');
    const key = newKey();
    const presigned = await store.presignUpload({ key, ...expected });
    const larger = samplePdf(small.length + 5000);

    expect(await postThroughForm(presigned, larger, 'larger.pdf')).toBe(400);
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'missing_object' });
    const stored = await storeDirectly(larger, 'image/png');
    expect(await store.verifyUpload({ key: stored, expected })).toEqual({
      ok: false,
      reason: 'size_mismatch',
    });
  });

  it('streams a file of the largest size and verifies its hash', async () => {
    const pdf = samplePdf(MAX_EVIDENCE_BYTES);
    expect(pdf.length).toBe(MAX_EVIDENCE_BYTES);
    const expected = declare(pdf, 'application/pdf');
    const key = await upload(pdf, expected, 'large.pdf');
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: true, actualSize: MAX_EVIDENCE_BYTES });
    expect(
      await store.verifyUpload({ key, expected: { ...expected, sha256Hex: sha256Hex(samplePdf()) } }),
    ).toEqual({ ok: false, reason: 'checksum_mismatch' });
  });
});

describe('presignDownload', () => {
  it('fetches the exact bytes, as an attachment named after the original file', async () => {
    const jpeg = sampleJpeg();
    const key = await upload(jpeg, declare(jpeg, 'image/jpeg'));
    const fileName = "Giấy khám sức khỏe (2026) 'A'.jpg";
    const { url, expiresAt } = await store.presignDownload({ key, fileName });

    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(jpeg);
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''Gi%E1%BA%A5y%20kh%C3%A1m%20s%E1%BB%A9c%20kh%E1%BB%8Fe%20%282026%29%20%27A%27.jpg",
    );
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('lives 5 minutes at most', async () => {
    const key = newKey();
    const expiresIn = async (expiresInSeconds?: number) => {
      const { url } = await store.presignDownload({
        key,
        fileName: 'a.pdf',
        ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
      });
      return new URL(url).searchParams.get('X-Amz-Expires');
    };
    expect(await expiresIn()).toBe('300');
    expect(await expiresIn(3600)).toBe('300');
    expect(await expiresIn(60)).toBe('60');
    await expect(store.presignDownload({ key, fileName: ' ' })).rejects.toMatchObject({
      code: 'invalid_file_name',
    });
  });

  it('refuses quarantined and foreign keys', async () => {
    const key = newKey();
    await expect(
      store.presignDownload({ key: `quarantine/${key}`, fileName: 'a.pdf' }),
    ).rejects.toMatchObject({
      code: 'quarantined_key',
    });
    await expect(
      store.presignDownload({ key: 'enterprises/ent-01', fileName: 'a.pdf' }),
    ).rejects.toMatchObject({
      code: 'invalid_key',
    });
  });
});

describe('quarantine and deleteObject', () => {
  it('moves a rejected object out of reach of downloads', async () => {
    const program = sampleExecutable();
    const key = await upload(program, declare(program, 'application/pdf'));
    const earlierLink = await store.presignDownload({ key, fileName: 'certificate.pdf' });

    expect(await store.quarantine(key)).toEqual({ quarantined: true, quarantineKey: `quarantine/${key}` });

    expect((await fetch(earlierLink.url)).status).toBe(404);
    const kept = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: `quarantine/${key}` }));
    expect(kept.ContentLength).toBe(program.length);
    await expect(store.presignDownload({ key: `quarantine/${key}`, fileName: 'x.pdf' })).rejects.toThrow(
      InvalidEvidenceInputError,
    );
  });

  it('finds nothing to move when nothing was uploaded', async () => {
    expect(await store.quarantine(newKey())).toEqual({ quarantined: false });
  });

  it('promotes a verified upload where its upload form cannot reach, and still serves it', async () => {
    const pdf = samplePdf();
    const key = await upload(pdf, declare(pdf, 'application/pdf'));
    const verifiedKey = await store.promote(key);
    expect(verifiedKey).toBe(`verified/${key}`);
    await expect(client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).rejects.toThrow();
    const { url } = await store.presignDownload({ key: verifiedKey, fileName: 'certificate.pdf' });
    expect(new Uint8Array(await (await fetch(url)).arrayBuffer())).toEqual(pdf);
    await expect(store.promote(newKey())).rejects.toBeInstanceOf(StorageOperationError);
    await expect(store.presignDownload({ key: 'verified/elsewhere/x', fileName: 'x.pdf' })).rejects.toThrow(
      InvalidEvidenceInputError,
    );
  });

  it('deletes an object, and deleting a missing one is fine', async () => {
    const png = samplePng();
    const expected = declare(png, 'image/png');
    const key = await upload(png, expected);
    await store.deleteObject(key);
    expect(await store.verifyUpload({ key, expected })).toEqual({ ok: false, reason: 'missing_object' });
    await expect(store.deleteObject(key)).resolves.toBeUndefined();
  });
});

describe('verifyUpload when S3 fails', () => {
  const pdf = samplePdf();
  const expected = declare(pdf, 'application/pdf');
  const key = 'enterprises/ent-01/evidence/faulty';

  const faultyStore = (body: () => AsyncIterable<Uint8Array>) => {
    const faultyClient = new S3Client({ ...s3.clientConfig });
    const mock = mockClient(faultyClient);
    mock
      .on(HeadObjectCommand)
      .resolves({ ContentLength: pdf.length, ContentType: 'application/pdf', ETag: '"etag"' });
    mock.on(GetObjectCommand).callsFake(() => ({ Body: body() as GetObjectCommandOutput['Body'] }));
    return { store: createEvidenceStore({ client: faultyClient, bucket }), mock };
  };

  it('rejects with an error, not a verdict, when the download breaks midway', async () => {
    const { store: faulty, mock } = faultyStore(() =>
      Readable.from(
        (async function* () {
          yield pdf.subarray(0, 100);
          throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
        })(),
      ),
    );
    const verdict = faulty.verifyUpload({ key, expected });
    await expect(verdict).rejects.toThrow(StorageOperationError);
    await expect(verdict).rejects.toMatchObject({ operation: 'get', cause: { message: 'socket hang up' } });
    expect(mock.commandCalls(GetObjectCommand)[0]?.args[0].input.IfMatch).toBe('"etag"');
  });

  it('rejects when the download ends early without an error', async () => {
    const { store: faulty } = faultyStore(() =>
      Readable.from([Buffer.from(pdf.subarray(0, pdf.length - 1))]),
    );
    await expect(faulty.verifyUpload({ key, expected })).rejects.toMatchObject({ operation: 'get' });
  });

  it('stops reading and rejects when the object is longer than its size said', async () => {
    let extraChunksRead = 0;
    const overlong = async function* () {
      yield pdf;
      for (; extraChunksRead < 1000; extraChunksRead++) yield new Uint8Array(64 * 1024);
    };
    const { store: faulty } = faultyStore(() => Readable.from(overlong()));
    await expect(faulty.verifyUpload({ key, expected })).rejects.toMatchObject({ operation: 'get' });
    expect(extraChunksRead).toBeLessThan(3);
  });

  it('rejects when S3 cannot answer the size check', async () => {
    const failingClient = new S3Client({ ...s3.clientConfig });
    mockClient(failingClient)
      .on(HeadObjectCommand)
      .rejects(Object.assign(new Error('We encountered an internal error.'), { name: 'InternalError' }));
    const verdict = createEvidenceStore({ client: failingClient, bucket }).verifyUpload({ key, expected });
    await expect(verdict).rejects.toMatchObject({ name: 'StorageOperationError', operation: 'head' });
  });
});

describe('evidenceIdsOf', () => {
  it('reads the ids back from an evidence key and refuses other keys', () => {
    expect(evidenceIdsOf('enterprises/ent-1/evidence/01ABC')).toEqual({
      enterpriseId: 'ent-1',
      evidenceId: '01ABC',
    });
    expect(evidenceIdsOf('quarantine/enterprises/ent-1/evidence/01ABC')).toBeUndefined();
    expect(evidenceIdsOf('enterprises/ent-1/evidence/../x')).toBeUndefined();
  });
});
