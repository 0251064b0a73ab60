import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `health` routes (`routes/health.ts`). */
export const healthContract = {
  'GET /v1/health': {
    summary: 'Liveness',
    tag: 'health',
    access: 'anyone',
    public: true,
    responses: { 200: ok('The API answers.', s.healthSchema) },
  },
} satisfies GroupContract;
