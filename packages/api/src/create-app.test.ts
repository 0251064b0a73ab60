import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createApp, resolveDeps } from './create-app';
import type { AppDeps, AppEnv } from './deps';
import { settle } from './secrets';

/** Deps whose clients are getters that count how often they are built, as `createAwsDeps` makes them. */
function lazyDeps(cursorKey?: Uint8Array) {
  const built = { db: 0, evidence: 0, users: 0 };
  const deps = {
    get db() {
      built.db++;
      return { tableName: 'lazy' } as AppDeps['db'];
    },
    get evidence() {
      built.evidence++;
      return {} as AppDeps['evidence'];
    },
    get users() {
      built.users++;
      return {} as AppDeps['users'];
    },
    verifyToken: async () => ({}),
    now: () => new Date('2026-11-30T00:00:00Z'),
    newId: () => 'id-1',
    ...(cursorKey === undefined ? {} : { cursorKey }),
  } satisfies AppDeps;
  return { deps, built };
}

describe('resolveDeps', () => {
  it('settles a cursor key without changing deps or building any client', async () => {
    const { deps, built } = lazyDeps();
    const resolved = resolveDeps(deps);
    expect(resolved.cursorKey).toBeInstanceOf(Uint8Array);
    expect((await settle(resolved.cursorKey)).byteLength).toBeGreaterThanOrEqual(32);
    expect('cursorKey' in deps).toBe(false);
    expect(built).toEqual({ db: 0, evidence: 0, users: 0 });
    // A client is built when read, once per read of the getter, as on deps itself.
    expect(resolved.db.tableName).toBe('lazy');
    expect(built).toEqual({ db: 1, evidence: 0, users: 0 });
  });

  it('keeps a configured cursor key', () => {
    const key = new Uint8Array(32).fill(7);
    expect(resolveDeps(lazyDeps(key).deps).cursorKey).toBe(key);
  });
});

describe('createApp', () => {
  it('builds no client at init, and routes see the settled key and the lazy clients', async () => {
    const { deps, built } = lazyDeps();
    const probe = new Hono<AppEnv>().get('/v1/probe', async (c) =>
      c.json({ key: (await settle(c.var.deps.cursorKey)).byteLength, table: c.var.deps.db.tableName }),
    );
    const app = createApp(deps, { routes: [], extraRoutes: [probe] });
    expect(built).toEqual({ db: 0, evidence: 0, users: 0 });
    expect('cursorKey' in deps).toBe(false);
    const first = (await (await app.request('/v1/probe')).json()) as { key: number; table: string };
    expect(first.table).toBe('lazy');
    expect(first.key).toBeGreaterThanOrEqual(32);
    expect(built).toEqual({ db: 1, evidence: 0, users: 0 });
  });
});
