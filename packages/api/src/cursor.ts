import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cursorNotIssued } from '@antoan/schemas';
import { fieldError, invalid } from './errors';

/** How long a page cursor stays valid. */
export const CURSOR_TTL_SECONDS = 24 * 60 * 60;

/** The secret that signs cursors: at least 32 bytes, from configuration (AWS), `.data/` (local) or memory (tests). */
export type CursorKey = Uint8Array;

/** A fresh random key, for tests and the in-memory platform: cursors then live as long as the process. */
export const randomCursorKey = (): CursorKey => randomBytes(32);

/** What a cursor is bound to: the list (method, path, filters) and who asked (subject and scope). */
export interface CursorBinding {
  list: string;
  scope: string;
}

const digest = (binding: CursorBinding) =>
  createHash('sha256').update(`${binding.list}\n${binding.scope}`).digest('base64url').slice(0, 22);

const mac = (key: CursorKey, payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url');

const refused = (message: { vi: string; en: string }) => invalid([fieldError('cursor', message)]);

/**
 * Wraps the data layer's resume position in an opaque cursor, signed with HMAC-SHA-256 and bound to its list and
 * its caller, valid `CURSOR_TTL_SECONDS`. Format: `<payload base64url>.<mac base64url>`.
 */
export function sealCursor(key: CursorKey, inner: string, binding: CursorBinding, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({
      p: inner,
      b: digest(binding),
      e: Math.floor(now.getTime() / 1000) + CURSOR_TTL_SECONDS,
    }),
  ).toString('base64url');
  return `${payload}.${mac(key, payload)}`;
}

/** Checks a cursor's signature, binding and age and returns the position inside; anything else is a 400. */
export function openCursor(key: CursorKey, cursor: string, binding: CursorBinding, now: Date): string {
  const [payload, signature, extra] = cursor.split('.');
  if (payload === undefined || signature === undefined || extra !== undefined) {
    throw refused(cursorNotIssued);
  }
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw refused(cursorNotIssued);
  }
  const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
    p: string;
    b: string;
    e: number;
  };
  if (body.b !== digest(binding))
    throw refused({
      vi: 'cursor được cấp cho danh sách khác hoặc người dùng khác',
      en: 'cursor was issued for another list or another caller',
    });
  if (body.e * 1000 < now.getTime())
    throw refused({
      vi: 'cursor đã hết hạn; hãy tải lại danh sách từ đầu',
      en: 'cursor has expired; list again from the start',
    });
  return body.p;
}
