import * as v from 'valibot';
import { isWellFormed } from './common';

/** Control characters (C0, DEL, C1) and the bidirectional overrides that make a name read other than it is. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE_FILE_NAME_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * True when a file name can go out in `Content-Disposition` once encoded (RFC 6266 / RFC 8187 `filename*`):
 * well-formed Unicode (a lone surrogate cannot be UTF-8 encoded), with no control or bidi-override character.
 */
export function isHeaderSafeFileName(name: string): boolean {
  return isWellFormed(name) && !UNSAFE_FILE_NAME_CHARACTERS.test(name);
}

/**
 * What a browser declares about a file before its presigned upload (evidence and inspection photos alike): its
 * name, type and size (only shape-checked: the use case answers 415 and 413) and its SHA-256, which S3 checks.
 */
export const fileDeclarationEntries = {
  fileName: v.pipe(
    v.string(),
    v.check(
      isHeaderSafeFileName,
      'fileName must be well-formed Unicode without control or bidirectional-override characters',
    ),
    v.trim(),
    v.minLength(1, 'fileName must not be empty'),
    v.maxLength(255),
  ),
  contentType: v.pipe(v.string(), v.minLength(1), v.maxLength(127)),
  size: v.pipe(
    v.number(),
    v.integer('size is a whole number of bytes'),
    v.minValue(1, 'size must be at least 1 byte'),
    v.maxValue(Number.MAX_SAFE_INTEGER, 'size is too large'),
  ),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-fA-F]{64}$/, 'sha256 is 64 hexadecimal characters')),
};
