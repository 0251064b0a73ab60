import * as v from 'valibot';
import { listQueryEntries } from './common';

const roleSchema = v.picklist(
  ['enterprise', 'zone_manager', 'inspector', 'authority'],
  'role is one of enterprise, zone_manager, inspector, authority',
);
const refId = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(64),
  v.regex(/^[A-Za-z0-9_-]+$/, 'is not an id'),
);

/** `POST /v1/users` body: who to invite, and the firm or zones their tokens will name. */
export const createUserSchema = v.pipe(
  v.strictObject({
    email: v.pipe(v.string(), v.trim(), v.maxLength(254), v.email('email is not an e-mail address')),
    role: roleSchema,
    enterpriseId: v.optional(refId),
    zoneIds: v.optional(v.pipe(v.array(refId), v.minLength(1), v.maxLength(50))),
  }),
  v.forward(
    v.check(
      (input) => (input.role === 'enterprise') === (input.enterpriseId !== undefined),
      'enterpriseId is required for the enterprise role and only for it',
    ),
    ['enterpriseId'],
  ),
  v.forward(
    v.check(
      (input) => (input.role === 'zone_manager') === (input.zoneIds !== undefined),
      'zoneIds is required for the zone_manager role and only for it',
    ),
    ['zoneIds'],
  ),
);
export type CreateUserInput = v.InferOutput<typeof createUserSchema>;

/** `GET /v1/users` query. */
export const listUsersQuerySchema = v.strictObject({
  enterpriseId: v.optional(refId),
  zoneId: v.optional(refId),
  ...listQueryEntries,
});
export type ListUsersQuery = v.InferOutput<typeof listUsersQuerySchema>;

/** The `{uid}` of `/v1/users/{uid}/disable`: a Cognito username (a UUID) or a demo user's id. */
export const userIdParamSchema = v.strictObject({
  uid: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.@+-]{1,128}$/, 'is not a user id')),
});

/** A user as the API returns it. */
export const userSchema = v.strictObject({
  id: v.string(),
  email: v.string(),
  role: roleSchema,
  enterpriseId: v.optional(v.string()),
  /** The firm's name, in `GET /v1/users` (so the list names firms instead of showing their ids). */
  enterpriseName: v.optional(v.string()),
  zoneIds: v.array(v.string()),
  enabled: v.boolean(),
  createdAt: v.string(),
});
export type UserView = v.InferOutput<typeof userSchema>;

/** `GET /v1/users` response. */
export const userPageSchema = v.strictObject({
  items: v.array(userSchema),
  nextCursor: v.nullable(v.string()),
});
export type UserPage = v.InferOutput<typeof userPageSchema>;
