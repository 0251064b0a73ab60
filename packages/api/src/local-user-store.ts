import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { InvalidCursorError } from '@antoan/db';
import {
  type CreateUserResult,
  type DirectoryQuery,
  type DirectoryUser,
  type NewDirectoryUser,
  normalizeEmail,
  type UserDirectory,
} from './user-directory';

/** The local platform's user directory; imported by the local platform and tests only, never by a Lambda entry file. */

/** An account of the local identity provider: a directory user with a display name. */
export interface LocalAccount extends DirectoryUser {
  name: string;
}

/**
 * The local identity provider's accounts: what Cognito's user pool is on AWS. Kept in one JSON file under
 * `.data/` (written whole, through a rename, after each change), or only in memory when `file` is undefined.
 */
export class LocalUserStore implements UserDirectory {
  readonly #accounts = new Map<string, LocalAccount>();
  readonly #file: string | undefined;
  readonly #now: () => Date;
  #writes: Promise<void> = Promise.resolve();

  private constructor(file: string | undefined, now: () => Date) {
    this.#file = file;
    this.#now = now;
  }

  /** Opens the store, reading the file when there is one. */
  static async open(file: string | undefined, now: () => Date = () => new Date()): Promise<LocalUserStore> {
    const store = new LocalUserStore(file, now);
    if (file) {
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (text !== null) {
        for (const account of JSON.parse(text) as LocalAccount[]) store.#accounts.set(account.id, account);
      }
    }
    return store;
  }

  /** Every account, oldest first (the login page lists the enabled ones). */
  accounts(): LocalAccount[] {
    return [...this.#accounts.values()];
  }

  /** The account `id`, enabled or not. */
  account(id: string): LocalAccount | undefined {
    return this.#accounts.get(id);
  }

  /** Adds the demo users under their fixed ids unless they are there already. */
  async ensureAccounts(accounts: readonly LocalAccount[]): Promise<void> {
    let changed = false;
    for (const account of accounts) {
      if (this.#accounts.has(account.id)) continue;
      this.#accounts.set(account.id, account);
      changed = true;
    }
    if (changed) await this.#save();
  }

  async createUser(user: NewDirectoryUser): Promise<CreateUserResult> {
    const email = normalizeEmail(user.email);
    if (this.accounts().some((account) => account.email === email))
      return { ok: false, error: 'email_taken' };
    const account: LocalAccount = {
      id: randomUUID(),
      email,
      name: email,
      role: user.role,
      zoneIds: [...(user.zoneIds ?? [])],
      enabled: true,
      createdAt: this.#now().toISOString(),
    };
    if (user.enterpriseId !== undefined) account.enterpriseId = user.enterpriseId;
    this.#accounts.set(account.id, account);
    await this.#save();
    const { name: _name, ...value } = account;
    return { ok: true, value };
  }

  async getUser(id: string): Promise<DirectoryUser | null> {
    const account = this.#accounts.get(id);
    if (!account) return null;
    const { name: _name, ...user } = account;
    return user;
  }

  async listUsers(query: DirectoryQuery): Promise<{ items: DirectoryUser[]; nextCursor: string | null }> {
    const start = decodeOffset(query.cursor);
    const matching = this.accounts()
      .map(({ name: _name, ...user }) => user)
      .filter((user) => (query.role === undefined || user.role === query.role) && query.match(user));
    const items = matching.slice(start, start + query.limit);
    const next = start + items.length;
    return { items, nextCursor: next < matching.length ? String(next) : null };
  }

  async disableUser(id: string): Promise<void> {
    const account = this.#accounts.get(id);
    if (!account?.enabled) return;
    this.#accounts.set(id, { ...account, enabled: false });
    await this.#save();
  }

  /** Writes are queued so two changes never interleave in the file. */
  #save(): Promise<void> {
    const file = this.#file;
    if (!file) return Promise.resolve();
    const text = JSON.stringify(this.accounts(), null, 2);
    this.#writes = this.#writes.then(async () => {
      await writeFile(`${file}.tmp`, text);
      await rename(`${file}.tmp`, file);
    });
    return this.#writes;
  }
}

/** The local store's cursor is the offset into the filtered list. */
function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  if (!/^\d{1,9}$/.test(cursor)) throw new InvalidCursorError('cursor is not one this service issued');
  return Number(cursor);
}
