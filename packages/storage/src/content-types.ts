/** The evidence file types the platform accepts. */
export const EVIDENCE_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** One of the accepted evidence file types. */
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];

/** The largest evidence file, in bytes (20 MiB). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** How many leading bytes `sniffContentType` needs at most. */
export const SNIFF_BYTES = 16;

/** How many trailing bytes `checkTail` looks at. */
export const TAIL_BYTES = 1024;

const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF
const PNG_IEND = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]; // IEND chunk type and its CRC
const JPEG_EOI = [0xff, 0xd9];

const formats: Record<EvidenceContentType, { magic: number[]; tailIsComplete(last: Uint8Array): boolean }> = {
  // %PDF-; the final %%EOF may be followed by PDF white-space only (a line break, padding), never by more
  // data: bytes after it would be another file (a ZIP appended to a PDF is both), which is not evidence.
  'application/pdf': {
    magic: [0x25, 0x50, 0x44, 0x46, 0x2d],
    tailIsComplete: (last) => endsWith(withoutTrailingPdfWhiteSpace(last.subarray(-TAIL_BYTES)), PDF_EOF),
  },
  'image/jpeg': { magic: [0xff, 0xd8, 0xff], tailIsComplete: (last) => endsWith(last, JPEG_EOI) },
  'image/png': {
    magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    tailIsComplete: (last) => endsWith(last, PNG_IEND),
  },
};

/** True when `value` is an accepted evidence type. */
export function isEvidenceContentType(value: string): value is EvidenceContentType {
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(value);
}

/**
 * The evidence type a file's content shows by its magic bytes, whatever its name or declared type says.
 * @example sniffContentType(new TextEncoder().encode('%PDF-1.7')) // 'application/pdf'
 */
export function sniffContentType(firstBytes: Uint8Array): EvidenceContentType | undefined {
  return EVIDENCE_CONTENT_TYPES.find((type) => startsWith(firstBytes, formats[type].magic));
}

/**
 * True when a file of `type` ends the way a complete file of that type does, which catches truncated
 * uploads and files with something appended (polyglots): PDF ends with `%%EOF` and at most white-space after it
 * (within its last 1024 bytes), PNG ends with its IEND chunk, JPEG with `FF D9`; nothing may follow.
 */
export function checkTail(type: EvidenceContentType, lastBytes: Uint8Array): boolean {
  return formats[type].tailIsComplete(lastBytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function endsWith(bytes: Uint8Array, suffix: number[]): boolean {
  return bytes.length >= suffix.length && startsWith(bytes.subarray(bytes.length - suffix.length), suffix);
}

/** PDF white-space (ISO 32000-1, 7.2.2): NUL, HT, LF, FF, CR and space. */
const PDF_WHITE_SPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);

function withoutTrailingPdfWhiteSpace(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && PDF_WHITE_SPACE.has(bytes[end - 1] as number)) end--;
  return bytes.subarray(0, end);
}
