import { describe, expect, it } from 'vitest';
import { checkTail, isEvidenceContentType, MAX_EVIDENCE_BYTES, sniffContentType } from './content-types';
import { sampleExecutable, sampleJpeg, samplePdf, samplePng } from './test-support';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffContentType', () => {
  it('names each accepted type by its magic bytes', () => {
    expect(sniffContentType(samplePdf())).toBe('application/pdf');
    expect(sniffContentType(sampleJpeg())).toBe('image/jpeg');
    expect(sniffContentType(samplePng())).toBe('image/png');
  });

  it('needs no more than the first bytes', () => {
    expect(sniffContentType(samplePng().subarray(0, 8))).toBe('image/png');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff))).toBe('image/jpeg');
    expect(sniffContentType(new TextEncoder().encode('%PDF-'))).toBe('application/pdf');
  });

  it('recognises nothing else, whatever the file claims to be', () => {
    expect(sniffContentType(sampleExecutable())).toBeUndefined();
    expect(sniffContentType(new TextEncoder().encode('<html><script>'))).toBeUndefined();
    expect(sniffContentType(new TextEncoder().encode('%PDF'))).toBeUndefined(); // cut before the dash
    expect(sniffContentType(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});

describe('checkTail', () => {
  it('accepts complete files', () => {
    expect(checkTail('application/pdf', samplePdf())).toBe(true);
    expect(checkTail('image/jpeg', sampleJpeg())).toBe(true);
    expect(checkTail('image/png', samplePng())).toBe(true);
  });

  it('rejects truncated files', () => {
    const pdf = samplePdf();
    const png = samplePng();
    const jpeg = sampleJpeg();
    expect(checkTail('application/pdf', pdf.subarray(0, pdf.length - 8))).toBe(false);
    expect(checkTail('image/png', png.subarray(0, png.length - 1))).toBe(false);
    expect(checkTail('image/jpeg', jpeg.subarray(0, jpeg.length - 1))).toBe(false);
    expect(checkTail('image/png', new Uint8Array())).toBe(false);
  });

  it('finds %%EOF only within the last 1024 bytes of a PDF', () => {
    const eof = new TextEncoder().encode('%%EOF');
    const withTrailing = (padding: number) => {
      const tail = new Uint8Array(eof.length + padding);
      tail.set(eof);
      return tail;
    };
    expect(checkTail('application/pdf', withTrailing(1024 - eof.length))).toBe(true);
    expect(checkTail('application/pdf', withTrailing(1024 - eof.length + 1))).toBe(false);
  });

  it('refuses anything appended after the end of the file: a ZIP after %%EOF, bytes after IEND or FFD9', () => {
    const join = (...parts: Uint8Array[]) => {
      const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
      let at = 0;
      for (const part of parts) {
        all.set(part, at);
        at += part.length;
      }
      return all;
    };
    const zip = bytes(0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)); // an empty ZIP (end of central directory)
    expect(checkTail('application/pdf', join(samplePdf(), zip))).toBe(false);
    expect(checkTail('application/pdf', join(samplePdf(), new TextEncoder().encode('x')))).toBe(false);
    expect(checkTail('image/png', join(samplePng(), zip))).toBe(false);
    expect(checkTail('image/png', join(samplePng(), bytes(0x0a)))).toBe(false);
    expect(checkTail('image/jpeg', join(sampleJpeg(), zip))).toBe(false);
    expect(checkTail('image/jpeg', join(sampleJpeg(), bytes(0x00)))).toBe(false);
  });

  it('lets a PDF end with PDF white-space after %%EOF', () => {
    const join = (pdf: Uint8Array, tail: number[]) => {
      const all = new Uint8Array(pdf.length + tail.length);
      all.set(pdf);
      all.set(tail, pdf.length);
      return all;
    };
    expect(checkTail('application/pdf', join(samplePdf(), [0x0d, 0x0a]))).toBe(true);
    expect(checkTail('application/pdf', join(samplePdf(), [0x20, 0x09, 0x0c, 0x00, 0x0a]))).toBe(true);
  });

  it('checks the ending of the type it is asked about', () => {
    expect(checkTail('image/png', sampleJpeg())).toBe(false);
    expect(checkTail('image/jpeg', samplePdf())).toBe(false);
  });
});

describe('accepted types', () => {
  it('are PDF, JPEG and PNG, up to 20 MiB', () => {
    expect(['application/pdf', 'image/jpeg', 'image/png'].every(isEvidenceContentType)).toBe(true);
    expect(isEvidenceContentType('image/gif')).toBe(false);
    expect(isEvidenceContentType('application/PDF')).toBe(false);
    expect(MAX_EVIDENCE_BYTES).toBe(20_971_520);
  });
});
