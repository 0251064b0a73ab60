import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceStore, type EvidenceStore, type PresignedUpload } from '../evidence-store';
import { samplePdf, samplePng, sha256Hex } from '../test-support';
import { type S3Local, startS3Local } from './s3-local';

const bucket = 'verifier-test';
let s3: S3Local;
let client: S3Client;
let store: EvidenceStore;

beforeAll(async () => {
  s3 = await startS3Local();
  client = new S3Client(s3.clientConfig);
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  store = createEvidenceStore({ client, bucket });
});

afterAll(async () => {
  client.destroy();
  await s3.stop();
});

/** The status and S3 error code of an answer (the code is empty on success). */
async function outcome(response: Response): Promise<{ status: number; code: string }> {
  const text = await response.text();
  return { status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? '' };
}

/** Posts `bytes` through a form whose fields may have been edited, as a browser would send it. */
async function post(upload: PresignedUpload, bytes: Uint8Array, fields = upload.fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([bytes]), 'proof.pdf');
  return outcome(await fetch(upload.url, { method: 'POST', body: form }));
}

async function exists(key: string): Promise<boolean> {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })).then(
    () => true,
    () => false,
  );
}

const pdf = samplePdf();
const declared = { contentType: 'application/pdf' as const, size: pdf.length, sha256Hex: sha256Hex(pdf) };
const firmKey = (firm: string, evidence: string) => `enterprises/${firm}/evidence/${evidence}`;

describe('POST policy', () => {
  it('accepts the form as signed, and only then stores the file', async () => {
    const key = firmKey('firm-a', 'ok-1');
    const upload = await store.presignUpload({ key, ...declared });
    expect(await post(upload, pdf)).toEqual({ status: 204, code: '' });
    expect(await exists(key)).toBe(true);
  });

  it("cannot write another firm's key, nor verified/…, nor anything but its own key", async () => {
    const own = firmKey('firm-a', 'own-1');
    const upload = await store.presignUpload({ key: own, ...declared });
    const targets = [
      firmKey('firm-b', 'own-1'),
      `verified/${own}`,
      `${own}-2`,
      'enterprises/firm-a/evidence/other',
    ];
    for (const target of targets) {
      expect(await post(upload, pdf, { ...upload.fields, key: target })).toEqual({
        status: 403,
        code: 'AccessDenied',
      });
      expect(await exists(target)).toBe(false);
    }
    expect(await exists(own)).toBe(false);
  });

  it('refuses a file larger than content-length-range with EntityTooLarge, and a smaller one', async () => {
    const key = firmKey('firm-a', 'big-1');
    const upload = await store.presignUpload({ key, ...declared });
    expect(await post(upload, samplePdf(pdf.length + 2))).toEqual({ status: 400, code: 'EntityTooLarge' });
    expect(await post(upload, pdf.subarray(0, pdf.length - 1))).toEqual({
      status: 400,
      code: 'EntityTooSmall',
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses a tampered Content-Type', async () => {
    const key = firmKey('firm-a', 'type-1');
    const upload = await store.presignUpload({ key, ...declared });
    expect(await post(upload, pdf, { ...upload.fields, 'Content-Type': 'text/html' })).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses bytes that do not match the checksum field, and an edited checksum field', async () => {
    const key = firmKey('firm-a', 'sum-1');
    const upload = await store.presignUpload({ key, ...declared });
    const other = samplePdf();
    other[other.length - 2] = 0x20; // same length, other bytes
    expect(await post(upload, other)).toEqual({ status: 400, code: 'BadDigest' });
    const forged = Buffer.from(sha256Hex(other), 'hex').toString('base64');
    expect(await post(upload, other, { ...upload.fields, 'x-amz-checksum-sha256': forged })).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses a field the policy does not name, an edited policy, and a missing signature', async () => {
    const key = firmKey('firm-a', 'extra-1');
    const upload = await store.presignUpload({ key, ...declared });
    expect(await post(upload, pdf, { ...upload.fields, 'x-amz-meta-owner': 'firm-b' })).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? '', 'base64').toString('utf8'));
    policy.conditions = policy.conditions.filter((condition: unknown) => !Array.isArray(condition));
    const edited = Buffer.from(JSON.stringify(policy)).toString('base64');
    expect(await post(upload, pdf, { ...upload.fields, Policy: edited })).toEqual({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    const { 'X-Amz-Signature': _signature, ...unsigned } = upload.fields;
    expect((await post(upload, pdf, unsigned)).status).toBe(403);
    const { Policy: _policy, 'X-Amz-Signature': _sig, ...anonymous } = upload.fields;
    expect(await post(upload, pdf, anonymous)).toEqual({ status: 403, code: 'AccessDenied' });
    expect(await exists(key)).toBe(false);
  });

  it('lets the page of an allowed origin read the refusal (CORS headers, as S3 sends them)', async () => {
    const origin = 'http://app.example.test';
    await s3.allowBrowserOrigins(bucket, [origin]);
    const upload = await store.presignUpload({ key: firmKey('firm-a', 'cors-1'), ...declared });
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...upload.fields, key: firmKey('firm-b', 'cors-1') })) {
      form.append(name, value);
    }
    form.append('file', new Blob([pdf]), 'proof.pdf');
    const refused = await fetch(upload.url, { method: 'POST', body: form, headers: { Origin: origin } });
    expect(await outcome(refused.clone())).toEqual({ status: 403, code: 'AccessDenied' });
    expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    const stranger = await fetch(upload.url, {
      method: 'POST',
      body: form,
      headers: { Origin: 'http://evil.test' },
    });
    expect(stranger.status).toBe(403);
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a form posted to another bucket', async () => {
    const other = 'verifier-other';
    await client.send(new CreateBucketCommand({ Bucket: other }));
    const upload = await store.presignUpload({ key: firmKey('firm-a', 'bucket-1'), ...declared });
    expect(await post({ ...upload, url: `${s3.endpoint}/${other}` }, pdf)).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: other }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });

  it('refuses an expired policy', async () => {
    const key = firmKey('firm-a', 'late-1');
    const expired = await createPresignedPost(client, {
      Bucket: bucket,
      Key: key,
      Conditions: [['content-length-range', 1, pdf.length]],
      Expires: -1,
    });
    expect(await post({ method: 'POST', expiresAt: '', ...expired }, pdf)).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses a policy signed with another secret', async () => {
    const stranger = new S3Client({
      ...s3.clientConfig,
      credentials: { accessKeyId: s3.clientConfig.credentials.accessKeyId, secretAccessKey: 'guessed' },
    });
    const forged = await createEvidenceStore({ client: stranger, bucket }).presignUpload({
      key: firmKey('firm-a', 'forged-1'),
      ...declared,
    });
    expect(await post(forged, pdf)).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    stranger.destroy();
  });
});

describe('presigned URLs', () => {
  const stored = firmKey('firm-a', 'get-1');
  const png = samplePng();

  beforeAll(async () => {
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: stored, Body: png, ContentType: 'image/png' }),
    );
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: firmKey('firm-b', 'get-1'),
        Body: pdf,
        ContentType: 'application/pdf',
      }),
    );
  });

  it('serves a presigned GET as signed', async () => {
    const { url } = await store.presignDownload({ key: stored, fileName: 'photo.png' });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);
  });

  it('refuses a presigned GET edited to another key, another query or a longer life', async () => {
    const { url } = await store.presignDownload({ key: stored, fileName: 'photo.png' });
    const edits = [
      url.replace('/firm-a/', '/firm-b/'),
      url.replace('response-content-disposition=attachment', 'response-content-disposition=inline'),
      url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800'),
      `${url}&response-content-type=text%2Fhtml`,
    ];
    for (const edited of edits) {
      expect(edited).not.toBe(url);
      expect(await outcome(await fetch(edited))).toEqual({ status: 403, code: 'SignatureDoesNotMatch' });
    }
  });

  it('refuses an expired presigned GET', async () => {
    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: stored }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 120_000),
    });
    expect(await outcome(await fetch(url))).toEqual({ status: 403, code: 'AccessDenied' });
  });

  it('accepts a presigned PUT at its key only', async () => {
    const key = firmKey('firm-a', 'put-1');
    const url = await getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: 60,
    });
    const put = (target: string) => fetch(target, { method: 'PUT', body: png }).then(outcome);
    expect(await put(url.replace('/put-1?', '/put-2?'))).toEqual({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    expect(await exists(firmKey('firm-a', 'put-2'))).toBe(false);
    expect((await put(url)).status).toBe(200);
    expect(await exists(key)).toBe(true);
  });

  it('refuses unsigned requests and calls signed with a wrong secret', async () => {
    expect(await outcome(await fetch(`${s3.endpoint}/${bucket}/${stored}`))).toEqual({
      status: 403,
      code: 'AccessDenied',
    });
    const stranger = new S3Client({
      ...s3.clientConfig,
      credentials: { accessKeyId: s3.clientConfig.credentials.accessKeyId, secretAccessKey: 'guessed' },
    });
    await expect(stranger.send(new HeadObjectCommand({ Bucket: bucket, Key: stored }))).rejects.toMatchObject(
      {
        $metadata: { httpStatusCode: 403 },
      },
    );
    await expect(
      stranger.send(new PutObjectCommand({ Bucket: bucket, Key: firmKey('firm-a', 'x'), Body: png })),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
    stranger.destroy();
  });
});
