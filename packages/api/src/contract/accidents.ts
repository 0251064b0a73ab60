import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `accidents` routes (`routes/accidents.ts`). */
export const accidentsContract = {
  'POST /v1/enterprises/{eid}/accidents': {
    summary: 'Declare an accident',
    tag: 'accidents',
    access: 'enterprise (own)',
    body: s.createAccidentSchema,
    idempotent: true,
    responses: { 201: ok('The record, with its deadlines.', s.accidentSchema) },
    problems: [400, 404, 413, 415, 422],
  },
  'GET /v1/enterprises/{eid}/accidents': {
    summary: "List an enterprise's accidents, most recent first",
    tag: 'accidents',
    access: 'scope of the enterprise',
    query: s.listQuerySchema,
    responses: { 200: ok('Accidents.', s.accidentPageSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
