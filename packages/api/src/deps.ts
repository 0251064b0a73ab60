import type { DbContext } from '@antoan/db';
import type { EvidenceStore } from '@antoan/storage';
import type { Context } from 'hono';
import type { CursorKey } from './cursor';
import type { Principal, TokenVerifier } from './principal';
import type { Lazy } from './secrets';
import type { UserDirectory } from './user-directory';

/** What the app needs from outside; built once per process (Lambda container or local platform). */
export interface AppDeps {
  db: DbContext;
  /** The evidence bucket: presigned uploads and downloads, server-side verification, quarantine. */
  evidence: EvidenceStore;
  verifyToken: TokenVerifier;
  /** The identity provider's users: Cognito's admin API on AWS, the local provider's accounts on one machine. */
  users: UserDirectory;
  /** The current time; tests pin it. */
  now: () => Date;
  /** A new unique, time-ordered id. */
  newId: () => string;
  /**
   * Mixed into the weekly random draw of the inspection list, so that firms cannot compute which of them the week
   * samples. Without it the draw is seeded by the ISO week alone (tests). On AWS a reader of its secret.
   */
  targetingDrawSecret?: Lazy<string>;
  /**
   * The secret that signs page cursors (HMAC-SHA-256): on AWS a reader of its Secrets Manager secret, from `.data/`
   * locally. Without one, `createApp` makes a random key, so cursors last as long as the process (tests,
   * in-memory platform). Read it with `settle`.
   */
  cursorKey?: Lazy<CursorKey>;
}

/** The dependencies routes see: `createApp` has settled the optional ones. */
export type ResolvedDeps = AppDeps & { cursorKey: Lazy<CursorKey> };

/** Hono environment of every route. */
export interface AppEnv {
  Variables: { deps: ResolvedDeps; principal: Principal; requestId: string };
}

export type AppContext = Context<AppEnv>;
