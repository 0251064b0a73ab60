import { InvalidCursorError } from './errors';

type Key = Record<string, unknown>;

/** Encodes a DynamoDB `LastEvaluatedKey` as an opaque cursor. */
export function encodeCursor(key: Key | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/** Decodes a cursor and checks it belongs to the partition being listed, so a forged cursor can't reach another one. */
export function decodeCursor(
  cursor: string | undefined,
  partition: { name: string; value: string },
): Key | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new InvalidCursorError('cursor is not one this service issued', { cause });
  }
  if (
    typeof key !== 'object' ||
    key === null ||
    Array.isArray(key) ||
    (key as Key)[partition.name] !== partition.value ||
    !Object.values(key).every((value) => typeof value === 'string' || typeof value === 'number')
  ) {
    throw new InvalidCursorError('cursor is not one this service issued for this list');
  }
  return key as Key;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
