import { createUserSchema, listUsersQuerySchema, userIdParamSchema } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { conflict, forbidden, notFound } from '../errors';
import { idempotent } from '../idempotency';
import { createUser } from '../use-cases/create-user';
import { disableUser } from '../use-cases/disable-user';
import { listUsers } from '../use-cases/list-users';
import type { UserAdminError } from '../use-cases/user-scope';
import type { DirectoryUser } from '../user-directory';

const view = ({
  id,
  email,
  role,
  enterpriseId,
  enterpriseName,
  zoneIds,
  enabled,
  createdAt,
}: DirectoryUser & { enterpriseName?: string }) => ({
  id,
  email,
  role,
  ...(enterpriseId === undefined ? {} : { enterpriseId }),
  ...(enterpriseName === undefined ? {} : { enterpriseName }),
  zoneIds,
  enabled,
  createdAt,
});

const failure = (error: UserAdminError) => {
  switch (error.kind) {
    case 'forbidden':
      return forbidden();
    case 'not_found':
      return notFound(error.what);
    case 'email_taken':
      return conflict(
        { vi: 'Địa chỉ e-mail này đã có tài khoản.', en: 'A user with this e-mail already exists.' },
        { code: 'email_taken' },
      );
    case 'self':
      return conflict(
        { vi: 'Không thể tự khóa tài khoản của mình.', en: 'You cannot disable your own account.' },
        { code: 'cannot_disable_self' },
      );
  }
};

/** Users (api.md "Users"): invited, listed and disabled by the authority, and by zone managers for their firms. */
export const userRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/users', authenticate())
    .use('/v1/users/*', authenticate())
    .post(
      '/v1/users',
      allow('authority', 'zone_manager'),
      jsonContent,
      idempotent(),
      valid('json', createUserSchema),
      async (c) => {
        const result = await createUser(c.var.deps, {
          principal: c.var.principal,
          user: c.req.valid('json'),
        });
        if (!result.ok) throw failure(result.error);
        return c.json(view(result.value), 201);
      },
    )
    .get('/v1/users', allow('authority', 'zone_manager'), valid('query', listUsersQuerySchema), async (c) => {
      const result = await listUsers(c.var.deps, { principal: c.var.principal, query: c.req.valid('query') });
      if (!result.ok) throw failure(result.error);
      return c.json({ items: result.value.items.map(view), nextCursor: result.value.nextCursor });
    })
    .post(
      '/v1/users/:uid/disable',
      allow('authority', 'zone_manager'),
      valid('param', userIdParamSchema),
      async (c) => {
        const result = await disableUser(c.var.deps, {
          principal: c.var.principal,
          userId: c.req.valid('param').uid,
        });
        if (!result.ok) throw failure(result.error);
        return c.json(view(result.value));
      },
    );
