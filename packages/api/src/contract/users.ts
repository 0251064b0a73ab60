import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `users` routes (`routes/users.ts`). */
export const usersContract = {
  'POST /v1/users': {
    summary: 'Invite a user',
    tag: 'users',
    access: 'authority (any role); zone_manager (enterprise users of firms in own zones)',
    body: s.createUserSchema,
    idempotent: true,
    responses: { 201: ok('The user, as the identity provider holds them.', s.userSchema) },
    problems: [400, 404, 409, 413, 415, 422],
  },
  'GET /v1/users': {
    summary: 'List users',
    tag: 'users',
    access: 'authority; zone_manager (enterprise users of firms in own zones)',
    query: s.listUsersQuerySchema,
    responses: { 200: ok('Users.', s.userPageSchema) },
    problems: [400, 404],
  },
  'POST /v1/users/{uid}/disable': {
    summary: 'Disable a user',
    tag: 'users',
    access: 'authority (anyone but themselves); zone_manager (enterprise users of firms in own zones)',
    responses: { 200: ok('The user, now disabled.', s.userSchema) },
    problems: [400, 404, 409],
  },
} satisfies GroupContract;
