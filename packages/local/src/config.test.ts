import { describe, expect, it } from 'vitest';
import { readLocalConfig } from './config';

describe('readLocalConfig', () => {
  it('defaults to port 3000, data in .data/ where pnpm was run, and demo data', () => {
    expect(readLocalConfig({ INIT_CWD: '/repo' })).toEqual({
      port: 3000,
      dataDir: '/repo/.data',
      seed: true,
    });
  });

  it('reads PORT, ANTOAN_DATA_DIR, ANTOAN_IN_MEMORY and ANTOAN_SEED', () => {
    expect(readLocalConfig({ PORT: '8080', ANTOAN_DATA_DIR: 'state', ANTOAN_SEED: '0' }, '/x')).toEqual({
      port: 8080,
      dataDir: '/x/state',
      seed: false,
    });
    expect(
      readLocalConfig({ ANTOAN_IN_MEMORY: '1', ANTOAN_DATA_DIR: 'ignored' }, '/x').dataDir,
    ).toBeUndefined();
  });

  it('fails loudly on a bad port', () => {
    expect(() => readLocalConfig({ PORT: 'eighty' }, '/x')).toThrow('PORT must be a port number');
  });
});
