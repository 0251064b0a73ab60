import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  checkTail,
  type EvidenceContentType,
  isEvidenceContentType,
  MAX_EVIDENCE_BYTES,
  sniffContentType,
} from './content-types';
import { InvalidEvidenceInputError, StorageError, StorageOperationError } from './errors';
import { ObjectScanner } from './object-scanner';

/** The longest life of a presigned upload, in seconds (15 minutes). */
export const MAX_UPLOAD_URL_SECONDS = 15 * 60;

/** The longest life of a presigned download, in seconds (5 minutes). */
export const MAX_DOWNLOAD_URL_SECONDS = 5 * 60;

/** Where rejected objects go; nothing under it is ever presigned for download. */
export const QUARANTINE_PREFIX = 'quarantine/';
/** Where verified files live: no upload form can write here, so verified proof can never be replaced. */
export const VERIFIED_PREFIX = 'verified/';

/** What `createEvidenceStore` needs. */
export interface EvidenceStoreOptions {
  client: S3Client;
  bucket: string;
  /** Signs the URLs handed to browsers, when they reach S3 at another endpoint than `client` (local platform). */
  presignClient?: S3Client | undefined;
}

/** What the uploader declared about an evidence file before sending it. */
export interface DeclaredEvidenceFile {
  contentType: EvidenceContentType;
  size: number;
  /** SHA-256 of the whole file, hex. */
  sha256Hex: string;
}

/** A browser form upload straight to S3: post `fields` first, then the file as `file`, to `url`. */
export interface PresignedUpload {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  /** ISO 8601 timestamp (UTC) after which S3 refuses the upload. */
  expiresAt: string;
}

/** A short-lived URL that downloads an evidence file as an attachment. */
export interface PresignedDownload {
  url: string;
  /** ISO 8601 timestamp (UTC) after which the URL stops working. */
  expiresAt: string;
}

/** Why an uploaded object was rejected. */
export type UploadRejectionReason =
  | 'missing_object'
  | 'size_mismatch'
  | 'type_mismatch'
  | 'checksum_mismatch';

/** The verdict on an uploaded object: an expected failure is a value, never a throw. */
export type UploadVerdict = { ok: true; actualSize: number } | { ok: false; reason: UploadRejectionReason };

/** What `quarantine` did: moved the object, or found nothing to move. */
export type QuarantineOutcome = { quarantined: true; quarantineKey: string } | { quarantined: false };

/** Evidence files in S3: where they live, how browsers send and fetch them, and how the server checks them. */
export interface EvidenceStore {
  /** The object key of an evidence file, made from ids only (never from a file name). */
  objectKey(enterpriseId: string, evidenceId: string): string;
  /** A presigned POST that accepts exactly the declared file at `key`, for at most 15 minutes. */
  presignUpload(
    input: DeclaredEvidenceFile & { key: string; expiresInSeconds?: number },
  ): Promise<PresignedUpload>;
  /** A presigned GET, for at most 5 minutes, that makes browsers save the file as `fileName`. */
  presignDownload(input: {
    key: string;
    fileName: string;
    expiresInSeconds?: number;
  }): Promise<PresignedDownload>;
  /** Checks the stored object itself (size, content type by magic bytes and ending, SHA-256), streaming it. */
  verifyUpload(input: { key: string; expected: DeclaredEvidenceFile }): Promise<UploadVerdict>;
  /** Moves an object out of reach of downloads, to `quarantine/<key>`. */
  quarantine(key: string): Promise<QuarantineOutcome>;
  /** Moves a verified upload to `verified/<key>`, out of reach of its still-valid upload form; returns that key. */
  promote(key: string): Promise<string>;
  /** Deletes an evidence object; deleting a missing one is not an error. */
  deleteObject(key: string): Promise<void>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const EVIDENCE_KEY = /^enterprises\/([A-Za-z0-9_-]{1,64})\/evidence\/([A-Za-z0-9_-]{1,64})$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Builds the evidence store over an S3 bucket.
 * @example const store = createEvidenceStore({ client: new S3Client({}), bucket: config.evidenceBucket });
 */
export function createEvidenceStore(options: EvidenceStoreOptions): EvidenceStore {
  const { client, bucket } = options;
  const presignClient = options.presignClient ?? client;

  const deleteObject = async (key: string): Promise<void> => {
    assertEvidenceKey(key);
    try {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      throw new StorageOperationError('delete', `Could not delete ${key}.`, { cause: error });
    }
  };

  /** Copies `key` under `prefix`, then deletes the original; undefined when there was nothing to move. */
  const moveUnder = async (prefix: string, key: string): Promise<string | undefined> => {
    const target = `${prefix}${key}`;
    try {
      // Evidence keys hold only URL-safe characters, so the copy source needs no encoding.
      await client.send(
        new CopyObjectCommand({ Bucket: bucket, Key: target, CopySource: `${bucket}/${key}` }),
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw new StorageOperationError('copy', `Could not copy ${key} to ${prefix}.`, { cause: error });
    }
    await deleteObject(key);
    return target;
  };

  return {
    objectKey(enterpriseId, evidenceId) {
      assertId('enterpriseId', enterpriseId);
      assertId('evidenceId', evidenceId);
      return `enterprises/${enterpriseId}/evidence/${evidenceId}`;
    },

    async presignUpload({ key, expiresInSeconds = MAX_UPLOAD_URL_SECONDS, ...declared }) {
      assertEvidenceKey(key);
      assertDeclaredFile(declared);
      const seconds = clampExpiry(expiresInSeconds, MAX_UPLOAD_URL_SECONDS);
      const issuedAt = Date.now();
      const { url, fields } = await createPresignedPost(presignClient, {
        Bucket: bucket,
        Key: key,
        // Every field is also an exact-match policy condition, so S3 stores the declared type and checks
        // the declared SHA-256 of the body.
        Fields: {
          'Content-Type': declared.contentType,
          'x-amz-checksum-sha256': Buffer.from(declared.sha256Hex, 'hex').toString('base64'),
        },
        Conditions: [
          ['content-length-range', declared.size, declared.size],
          ['eq', '$key', key],
        ],
        Expires: seconds,
      });
      return { method: 'POST', url, fields, expiresAt: new Date(issuedAt + seconds * 1000).toISOString() };
    },

    async presignDownload({ key, fileName, expiresInSeconds = MAX_DOWNLOAD_URL_SECONDS }) {
      if (key.startsWith(QUARANTINE_PREFIX)) {
        throw new InvalidEvidenceInputError(
          'quarantined_key',
          `${key} is quarantined and cannot be downloaded.`,
        );
      }
      assertStoredKey(key);
      const seconds = clampExpiry(expiresInSeconds, MAX_DOWNLOAD_URL_SECONDS);
      const issuedAt = Date.now();
      const url = await getSignedUrl(
        presignClient,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          // `attachment` makes browsers save the file instead of rendering it in the app's origin.
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeFileName(fileName)}`,
        }),
        { expiresIn: seconds },
      );
      return { url, expiresAt: new Date(issuedAt + seconds * 1000).toISOString() };
    },

    async verifyUpload({ key, expected }) {
      assertStoredKey(key);
      assertDeclaredFile(expected);
      const reject = (reason: UploadRejectionReason): UploadVerdict => ({ ok: false, reason });

      let head: Awaited<ReturnType<typeof headObject>>;
      try {
        head = await headObject(client, bucket, key);
      } catch (error) {
        if (isNotFound(error)) return reject('missing_object');
        throw new StorageOperationError('head', `Could not read the metadata of ${key}.`, { cause: error });
      }
      if (head.ContentLength !== expected.size) return reject('size_mismatch');
      // The stored type is what downloads are served as, so it must be the declared one too.
      if (mediaType(head.ContentType) !== expected.contentType) return reject('type_mismatch');

      const scanner = new ObjectScanner();
      try {
        // If-Match pins the read to the object whose size was just checked (S3 answers 412 otherwise).
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, ...(head.ETag ? { IfMatch: head.ETag } : {}) }),
        );
        let sniffed = false;
        for await (const chunk of chunksOf(object.Body)) {
          scanner.push(chunk);
          if (scanner.size > expected.size) {
            throw new StorageOperationError('get', `${key} grew while it was being read.`);
          }
          if (!sniffed && scanner.headComplete) {
            sniffed = true;
            // Leaving the loop cancels the download: no need to read 20 MB of a file of the wrong type.
            if (sniffContentType(scanner.head) !== expected.contentType) return reject('type_mismatch');
          }
        }
      } catch (error) {
        if (error instanceof StorageError) throw error;
        if (isNotFound(error)) return reject('missing_object');
        throw new StorageOperationError('get', `Could not read ${key}.`, { cause: error });
      }
      if (scanner.size !== expected.size) {
        throw new StorageOperationError(
          'get',
          `${key} ended after ${scanner.size} of ${expected.size} bytes.`,
        );
      }

      if (
        sniffContentType(scanner.head) !== expected.contentType ||
        !checkTail(expected.contentType, scanner.tail)
      ) {
        return reject('type_mismatch');
      }
      if (scanner.sha256Hex() !== expected.sha256Hex.toLowerCase()) return reject('checksum_mismatch');
      return { ok: true, actualSize: scanner.size };
    },

    async quarantine(key) {
      assertEvidenceKey(key);
      // Look before copying: a copy of a missing object is still a billed PUT-class request, and the S3 event of an
      // upload already moved by its confirm finds nothing here. A HEAD costs a GET-class request, 12× less.
      try {
        await headObject(client, bucket, key);
      } catch (error) {
        if (isNotFound(error)) return { quarantined: false };
        throw new StorageOperationError('head', `Could not read the metadata of ${key}.`, { cause: error });
      }
      const quarantineKey = await moveUnder(QUARANTINE_PREFIX, key);
      return quarantineKey === undefined ? { quarantined: false } : { quarantined: true, quarantineKey };
    },

    async promote(key) {
      assertEvidenceKey(key);
      const verifiedKey = await moveUnder(VERIFIED_PREFIX, key);
      if (verifiedKey === undefined)
        throw new StorageOperationError('copy', `${key} is gone; nothing to promote.`);
      return verifiedKey;
    },

    deleteObject,
  };
}

function headObject(client: S3Client, bucket: string, key: string) {
  return client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

function assertId(name: string, value: string): void {
  if (!ID.test(value)) {
    throw new InvalidEvidenceInputError('invalid_id', `${name} must be 1 to 64 of A-Z, a-z, 0-9, _ or -.`);
  }
}

/** An evidence key, as uploaded or as promoted under `verified/`. */
function assertStoredKey(key: string): void {
  assertEvidenceKey(key.startsWith(VERIFIED_PREFIX) ? key.slice(VERIFIED_PREFIX.length) : key);
}

function assertEvidenceKey(key: string): void {
  if (!EVIDENCE_KEY.test(key)) {
    throw new InvalidEvidenceInputError(
      'invalid_key',
      `${JSON.stringify(key)} is not an evidence key; make one with objectKey(enterpriseId, evidenceId).`,
    );
  }
}

function assertDeclaredFile(declared: DeclaredEvidenceFile): void {
  if (!isEvidenceContentType(declared.contentType)) {
    throw new InvalidEvidenceInputError(
      'unsupported_content_type',
      `${declared.contentType} is not accepted; send application/pdf, image/jpeg or image/png.`,
    );
  }
  if (!Number.isSafeInteger(declared.size) || declared.size < 1 || declared.size > MAX_EVIDENCE_BYTES) {
    throw new InvalidEvidenceInputError(
      'invalid_size',
      `size must be a whole number from 1 to ${MAX_EVIDENCE_BYTES}.`,
    );
  }
  if (!SHA256_HEX.test(declared.sha256Hex)) {
    throw new InvalidEvidenceInputError('invalid_sha256', 'sha256Hex must be 64 hexadecimal digits.');
  }
}

function clampExpiry(seconds: number, max: number): number {
  if (!Number.isFinite(seconds) || seconds < 1) {
    throw new InvalidEvidenceInputError(
      'invalid_expiry',
      `expiresInSeconds must be at least 1 (at most ${max} is used).`,
    );
  }
  return Math.min(Math.floor(seconds), max);
}

/** RFC 8187 encoding for `filename*`: percent-encode everything but unreserved characters. */
function encodeFileName(fileName: string): string {
  if (fileName.trim() === '') {
    throw new InvalidEvidenceInputError('invalid_file_name', 'fileName must not be empty.');
  }
  try {
    return encodeURIComponent(fileName).replace(
      /['()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    throw new InvalidEvidenceInputError('invalid_file_name', 'fileName must be well-formed Unicode text.');
  }
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey');
}

function chunksOf(body: unknown): AsyncIterable<Uint8Array> {
  if (typeof body === 'object' && body !== null && Symbol.asyncIterator in body) {
    return body as AsyncIterable<Uint8Array>;
  }
  throw new StorageOperationError('get', 'S3 returned a body that cannot be streamed.');
}

/** The enterprise and evidence ids of an evidence object key, or undefined for any other key (S3 events). */
export function evidenceIdsOf(key: string): { enterpriseId: string; evidenceId: string } | undefined {
  const match = EVIDENCE_KEY.exec(key);
  return match?.[1] && match[2] ? { enterpriseId: match[1], evidenceId: match[2] } : undefined;
}
