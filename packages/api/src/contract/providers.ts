import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `providers` routes (`routes/providers.ts`). */
export const providersContract = {
  'GET /v1/providers': {
    summary: 'The register of licensed OSH service providers, by name',
    tag: 'providers',
    access: 'any signed-in role',
    query: s.listQuerySchema,
    responses: { 200: ok('Providers.', s.providerListSchema) },
    problems: [400],
  },
  'POST /v1/providers': {
    summary: "Register a provider's licence",
    tag: 'providers',
    access: 'authority',
    body: s.createProviderSchema,
    responses: { 201: ok('The provider.', s.providerSchema) },
    problems: [400, 403, 409],
  },
} satisfies GroupContract;
