import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES, TAIL_BYTES } from './content-types';
import { ObjectScanner } from './object-scanner';

function scanInChunks(bytes: Uint8Array, chunkSize: number): ObjectScanner {
  const scanner = new ObjectScanner();
  for (let start = 0; start < bytes.length; start += chunkSize) {
    scanner.push(bytes.subarray(start, start + chunkSize));
  }
  return scanner;
}

describe('ObjectScanner', () => {
  const object = new Uint8Array(randomBytes(5000));
  const digest = createHash('sha256').update(object).digest('hex');

  it.each([1, 7, 16, 17, 1000, 1023, 1024, 1025, 4096, 5000])(
    'keeps the same size, digest, head and tail in chunks of %i bytes',
    (chunkSize) => {
      const scanner = scanInChunks(object, chunkSize);
      expect(scanner.size).toBe(object.length);
      expect(scanner.headComplete).toBe(true);
      expect(scanner.head).toEqual(object.subarray(0, SNIFF_BYTES));
      expect(scanner.tail).toEqual(object.subarray(object.length - TAIL_BYTES));
      expect(scanner.sha256Hex()).toBe(digest);
    },
  );

  it('keeps everything of an object smaller than its windows', () => {
    const small = Uint8Array.from([1, 2, 3, 4, 5]);
    const scanner = scanInChunks(small, 2);
    expect(scanner.headComplete).toBe(false);
    expect(scanner.head).toEqual(small);
    expect(scanner.tail).toEqual(small);
  });

  it('does not keep references to the chunks it was given', () => {
    const scanner = new ObjectScanner();
    const chunk = new Uint8Array(2048).fill(7);
    scanner.push(chunk);
    chunk.fill(0);
    expect(scanner.head.every((byte) => byte === 7)).toBe(true);
    expect(scanner.tail.every((byte) => byte === 7)).toBe(true);
  });
});
