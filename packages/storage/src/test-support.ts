import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import type { PresignedUpload } from './evidence-store';

/** SHA-256 of `bytes`, lowercase hex. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A complete one-page PDF saying "An toan", with a correct cross-reference table. `padTo` grows it to
 * exactly that many bytes with a comment line of filler after the trailer (where it moves no offset), for size tests.
 */
export function samplePdf(padTo = 0): Uint8Array {
  const header = '%PDF-1.4\n';
  const content = 'BT /F1 12 Tf 20 100 Td (An toan) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const build = (filler: string) => {
    let body = header;
    const offsets = objects.map((object, i) => {
      const offset = body.length;
      body += `${i + 1} 0 obj\n${object}\nendobj\n`;
      return offset;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
    body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\n${filler}startxref\n${xref}\n%%EOF\n`;
    return body;
  };
  const plain = build('');
  if (padTo <= plain.length) return new TextEncoder().encode(plain);
  // A PDF comment line ("%" to end of line) may hold anything but line breaks.
  return new TextEncoder().encode(build(`%${'x'.repeat(padTo - plain.length - 2)}\n`));
}

/** A 1×1 opaque green PNG, built chunk by chunk with real CRCs. */
export function samplePng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter method, no interlace
  const scanline = Uint8Array.from([0, 0x2e, 0x8b, 0x57]); // filter byte "none", then one RGB pixel
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(scanline)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}

/**
 * A 1×1 grey baseline JPEG (159 bytes). Its one 8×8 block is coded with one-symbol Huffman tables:
 * DC difference category 0 is code `0`, end-of-block is code `0`, so the scan is the bits `00` padded
 * with ones.
 */
export function sampleJpeg(): Uint8Array {
  const segment = (marker: number, payload: number[]) => [0xff, marker, 0, payload.length + 2, ...payload];
  const oneSymbolTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array(15).fill(0), 0x00];
  return Uint8Array.from([
    ...[0xff, 0xd8], // SOI
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 "JFIF", v1.1, 1:1 aspect
    ...segment(0xdb, [0x00, ...new Array(64).fill(1)]), // DQT: table 0, all ones
    ...segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]), // SOF0: 8-bit, 1×1, one component, table 0
    ...segment(0xc4, oneSymbolTable(0x00)), // DHT: DC table 0
    ...segment(0xc4, oneSymbolTable(0x10)), // DHT: AC table 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS: component 1 uses DC 0 / AC 0, full spectrum
    0x3f, // scan data: 00 + six padding ones
    ...[0xff, 0xd9], // EOI
  ]);
}

/** The start of a Linux executable (ELF header), padded: what a renamed program looks like. */
export function sampleExecutable(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  return bytes;
}

/**
 * Uploads `bytes` through a presigned POST exactly as a browser form does (fields first, the file last).
 * Returns the HTTP status S3 answered with.
 */
export async function postThroughForm(
  upload: PresignedUpload,
  bytes: Uint8Array,
  fileName: string,
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes]), fileName);
  const response = await fetch(upload.url, { method: upload.method, body: form });
  await response.arrayBuffer();
  return response.status;
}
