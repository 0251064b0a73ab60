import type { DbContext } from '@antoan/db';
import type { EvidenceStore } from '@antoan/storage';
import type { Context } from 'hono';
import type { Principal, TokenVerifier } from './principal';
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
}

/** Hono environment of every route. */
export interface AppEnv {
  Variables: { deps: AppDeps; principal: Principal };
}

export type AppContext = Context<AppEnv>;
