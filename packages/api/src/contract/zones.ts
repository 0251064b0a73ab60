import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `zones` routes (`routes/zones.ts`). */
export const zonesContract = {
  'GET /v1/zones': {
    summary: 'List zones',
    tag: 'zones',
    access: 'zone_manager (own zones), inspector, authority',
    query: s.listQuerySchema,
    responses: { 200: ok('Zones by code.', s.zonePageSchema) },
    problems: [400],
  },
  'POST /v1/zones': {
    summary: 'Create a zone',
    tag: 'zones',
    access: 'authority',
    body: s.createZoneSchema,
    idempotent: true,
    responses: { 201: ok('The zone.', s.zoneSchema) },
    problems: [400, 409, 413, 415, 422],
  },
} satisfies GroupContract;
