import { createHash } from 'node:crypto';
import { SNIFF_BYTES, TAIL_BYTES } from './content-types';

/**
 * Reads an object chunk by chunk and keeps what verification needs, in fixed memory whatever the
 * object's size: the byte count, a running SHA-256, the first `SNIFF_BYTES` and the last `TAIL_BYTES`.
 */
export class ObjectScanner {
  size = 0;
  readonly #hash = createHash('sha256');
  readonly #head = new Uint8Array(SNIFF_BYTES);
  #headLength = 0;
  readonly #tail = new Uint8Array(TAIL_BYTES);
  #tailLength = 0;

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    this.#hash.update(chunk);
    this.#keepHead(chunk);
    this.#keepTail(chunk);
  }

  /** True once the first `SNIFF_BYTES` bytes have been seen. */
  get headComplete(): boolean {
    return this.#headLength === SNIFF_BYTES;
  }

  /** The first bytes seen (fewer than `SNIFF_BYTES` for a smaller object). */
  get head(): Uint8Array {
    return this.#head.subarray(0, this.#headLength);
  }

  /** The last bytes seen (fewer than `TAIL_BYTES` for a smaller object). */
  get tail(): Uint8Array {
    return this.#tail.subarray(0, this.#tailLength);
  }

  /** The SHA-256 of everything pushed, lowercase hex. Call once, after the last chunk. */
  sha256Hex(): string {
    return this.#hash.digest('hex');
  }

  #keepHead(chunk: Uint8Array): void {
    const wanted = SNIFF_BYTES - this.#headLength;
    if (wanted === 0) return;
    const taken = chunk.subarray(0, wanted);
    this.#head.set(taken, this.#headLength);
    this.#headLength += taken.length;
  }

  #keepTail(chunk: Uint8Array): void {
    if (chunk.length >= TAIL_BYTES) {
      this.#tail.set(chunk.subarray(chunk.length - TAIL_BYTES));
      this.#tailLength = TAIL_BYTES;
      return;
    }
    const kept = Math.min(this.#tailLength, TAIL_BYTES - chunk.length);
    this.#tail.copyWithin(0, this.#tailLength - kept, this.#tailLength);
    this.#tail.set(chunk, kept);
    this.#tailLength = kept + chunk.length;
  }
}
