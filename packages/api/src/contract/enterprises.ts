import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `enterprises` routes (`routes/enterprises.ts`). */
export const enterprisesContract = {
  'POST /v1/enterprises': {
    summary: 'Register an enterprise',
    tag: 'enterprises',
    access: 'authority; zone_manager in own zones',
    body: s.createEnterpriseSchema,
    idempotent: true,
    responses: { 201: ok('The registered profile.', s.enterpriseSchema) },
    problems: [400, 409, 413, 415, 422],
  },
  'GET /v1/enterprises/{eid}': {
    summary: 'An enterprise, with its self-inspection status today',
    tag: 'enterprises',
    access: 'that enterprise; its zone managers; inspector; authority',
    responses: { 200: ok('The profile.', s.enterpriseDetailSchema) },
    problems: [404],
  },
} satisfies GroupContract;
