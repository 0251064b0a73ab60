import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `reviews` routes (`routes/evidence-reviews.ts`). */
export const reviewsContract = {
  'GET /v1/zones/{zid}/evidence-review': {
    summary: "A zone's queue of verified evidence waiting for review, critical proof first",
    tag: 'evidence',
    access: 'zone_manager (own), inspector, authority',
    query: s.evidenceReviewQuerySchema,
    responses: { 200: ok('The queue.', s.evidenceReviewQueueSchema) },
    problems: [400, 403, 404],
  },
} satisfies GroupContract;
