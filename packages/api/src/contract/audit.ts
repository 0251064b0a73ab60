import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `audit` routes (`routes/audit.ts`). */
export const auditContract = {
  'GET /v1/enterprises/{eid}/audit': {
    summary: "An enterprise's history, newest first",
    tag: 'audit',
    access: 'scope of the enterprise',
    query: s.auditQuerySchema,
    responses: { 200: ok('A page of audit entries.', s.auditListSchema) },
    problems: [400, 404],
  },
} satisfies GroupContract;
