import { listProviders, type Provider } from '@antoan/db';
import { createProviderSchema, listQuerySchema, type ProviderView } from '@antoan/schemas';
import { Hono } from 'hono';
import { allow, authenticate } from '../access';
import { jsonContent, valid } from '../body';
import type { AppEnv } from '../deps';
import { conflict } from '../errors';
import { idempotent } from '../idempotency';
import { registerProvider } from '../use-cases/register-provider';

const view = ({ createdBy: _by, ...provider }: Provider): ProviderView => provider;

/** The register of licensed OSH service providers: read by every role, written by the authority. */
export const providerRoutes = () =>
  new Hono<AppEnv>()
    .use('/v1/providers', authenticate())
    .get('/v1/providers', valid('query', listQuerySchema), async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listProviders(c.var.deps.db, { limit, cursor });
      return c.json({ items: page.items.map(view), nextCursor: page.nextCursor });
    })
    .post(
      '/v1/providers',
      allow('authority'),
      jsonContent,
      idempotent(),
      valid('json', createProviderSchema),
      async (c) => {
        const { deps, principal } = c.var;
        const licence = c.req.valid('json');
        const result = await registerProvider(deps, { licence, actor: principal.sub });
        if (!result.ok) {
          throw conflict(
            {
              vi: `Giấy phép số ${licence.licenceNo} đã có trong danh sách.`,
              en: `Licence ${licence.licenceNo} is already in the register.`,
            },
            { code: result.error.code },
          );
        }
        return c.json(view(result.value), 201);
      },
    );
