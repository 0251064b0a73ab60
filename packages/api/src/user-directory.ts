import type { Role } from './principal';

/** A person who can sign in: a Cognito user on AWS, a local provider account on one machine. */
export interface DirectoryUser {
  /** The `sub` of the user's tokens (on Cognito, the username of an e-mail-username pool). */
  id: string;
  email: string;
  role: Role;
  enterpriseId?: string;
  zoneIds: string[];
  enabled: boolean;
  /** When the account was created (ISO 8601). */
  createdAt: string;
}

/** What an administrator gives to invite someone. */
export interface NewDirectoryUser {
  email: string;
  role: Role;
  enterpriseId?: string | undefined;
  zoneIds?: readonly string[] | undefined;
}

/** Which users a list returns: those of one group (role), then those `match` accepts. */
export interface DirectoryQuery {
  role?: Role | undefined;
  match: (user: DirectoryUser) => boolean;
  limit: number;
  cursor?: string | undefined;
}

export type CreateUserResult = { ok: true; value: DirectoryUser } | { ok: false; error: 'email_taken' };

/**
 * The identity provider's user administration. The claims the API reads (`cognito:groups`,
 * `custom:enterprise_id`, `custom:zone_ids`) are set here and nowhere else: users cannot change them.
 */
export interface UserDirectory {
  createUser(user: NewDirectoryUser): Promise<CreateUserResult>;
  getUser(id: string): Promise<DirectoryUser | null>;
  /** A page of users; `cursor` is opaque and a forged one is refused with InvalidCursorError. */
  listUsers(query: DirectoryQuery): Promise<{ items: DirectoryUser[]; nextCursor: string | null }>;
  /** Disables sign-in and token refresh; tokens already issued last until they expire (1 hour at most). */
  disableUser(id: string): Promise<void>;
}

/** E-mail addresses compare without case, as Cognito's case-insensitive pool does. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();
