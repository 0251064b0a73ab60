import { type AppEnv, jsonContent, valid } from '@antoan/api';
import type { LocalIssuer, TokenRequest } from '@antoan/api/local-issuer';
import { devTokenSchema } from '@antoan/schemas';
import { Hono } from 'hono';

/** A seeded demo user, shown in the login picker. */
export interface DemoUser extends TokenRequest {
  name: string;
}

/**
 * `/v1/dev/*`: local platform only (the provider serves its JWKS under `/oidc`). Nothing here is imported by a Lambda entry file.
 */
export const devRoutes = (issuer: LocalIssuer, users: () => readonly DemoUser[]) =>
  new Hono<AppEnv>()
    .get('/v1/dev/users', (c) => c.json({ items: users() }))
    .post('/v1/dev/token', jsonContent, valid('json', devTokenSchema), async (c) =>
      c.json({ token: await issuer.mint(c.req.valid('json')) }),
    );
