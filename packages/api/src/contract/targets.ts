import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `targets` routes (`routes/targets.ts`). */
export const targetsContract = {
  'GET /v1/targets': {
    summary: "The inspector's ranked list of firms to visit",
    tag: 'targets',
    access: 'inspector, authority',
    query: s.targetsQuerySchema,
    responses: { 200: ok('Ranked firms, then the random picks.', s.targetListSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
