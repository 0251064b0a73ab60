import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CURSOR_KEY_FILE, loadCursorKey } from './cursor-key';

const dirs: string[] = [];
const freshDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'antoan-cursor-key-'));
  dirs.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadCursorKey', () => {
  it('makes a 32-byte key once, keeps it in the data directory for the owner only, and reads it back', async () => {
    const dir = await freshDir();
    const first = await loadCursorKey(dir);
    expect(first?.length).toBe(32);
    expect((await stat(join(dir, CURSOR_KEY_FILE))).mode & 0o077).toBe(0);
    expect(
      Buffer.from((await loadCursorKey(dir)) as Uint8Array).equals(Buffer.from(first as Uint8Array)),
    ).toBe(true);
    expect((await readFile(join(dir, CURSOR_KEY_FILE), 'utf8')).trim()).toHaveLength(64);
  });

  it('keeps nothing without a data directory, and refuses a file that is not a key', async () => {
    expect(await loadCursorKey(undefined)).toBeUndefined();
    const dir = await freshDir();
    await writeFile(join(dir, CURSOR_KEY_FILE), 'short');
    await expect(loadCursorKey(dir)).rejects.toThrow(/not a cursor key/);
  });
});
