import * as s from '@antoan/schemas';
import { etag, type GroupContract, ok } from './types';

/** The `actions` routes (`routes/actions.ts`). */
export const actionsContract = {
  'GET /v1/enterprises/{eid}/actions': {
    summary: "List an enterprise's corrective actions, oldest first",
    tag: 'actions',
    access: 'scope of the enterprise',
    query: s.enterpriseActionsQuerySchema,
    responses: { 200: ok('A page of actions.', s.actionListSchema) },
    problems: [400, 404],
  },
  'POST /v1/enterprises/{eid}/actions': {
    summary: 'Add a corrective action by hand',
    tag: 'actions',
    access: 'enterprise (own), zone_manager (own zones), inspector',
    body: s.createActionSchema,
    idempotent: true,
    responses: { 201: ok('The action.', s.actionSchema, etag) },
    problems: [400, 403, 404, 409, 413, 415],
  },
  'GET /v1/enterprises/{eid}/actions/{acid}': {
    summary: 'Read one corrective action',
    tag: 'actions',
    access: 'scope of the enterprise',
    responses: { 200: ok('The action.', s.actionSchema, etag) },
    problems: [404],
  },
  'PATCH /v1/enterprises/{eid}/actions/{acid}': {
    summary: 'Change an action: owner, progress, closure; verification and reopening by overseers',
    tag: 'actions',
    access: 'enterprise (own), zone_manager (own zones), inspector',
    body: s.patchActionSchema,
    responses: { 200: ok('The changed action.', s.actionSchema, etag) },
    problems: [400, 403, 404, 409, 412, 413, 415, 422, 428],
  },
  'GET /v1/zones/{zid}/actions': {
    summary: "A zone's pending (or overdue) actions, oldest due first",
    tag: 'actions',
    access: 'zone_manager (own zones), inspector, authority',
    query: s.zoneActionsQuerySchema,
    responses: {
      200: ok('A page of actions, each with its firm and evidence file names.', s.zoneActionListSchema),
    },
    problems: [400, 403, 404],
  },
} satisfies GroupContract;
