import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file in the data directory that keeps the local cursor key, so cursors survive a restart like the data. */
export const CURSOR_KEY_FILE = 'cursor-key';

/**
 * The local platform's key for page cursors: read from `<dataDir>/cursor-key`, made (32 random bytes, hex, readable
 * by the owner only) the first time. Without a data directory (`ANTOAN_IN_MEMORY=1`) there is no key here and the
 * app makes one in memory.
 */
export async function loadCursorKey(dataDir: string | undefined): Promise<Uint8Array | undefined> {
  if (dataDir === undefined) return undefined;
  const path = join(dataDir, CURSOR_KEY_FILE);
  try {
    const text = (await readFile(path, 'utf8')).trim();
    if (/^[0-9a-f]{64,}$/.test(text)) return Buffer.from(text, 'hex');
    throw new Error(`${path} is not a cursor key (64+ hexadecimal digits); delete it to make a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  // `wx`: if another start made one meanwhile, use that one.
  try {
    await writeFile(path, `${key.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return loadCursorKey(dataDir);
  }
}
