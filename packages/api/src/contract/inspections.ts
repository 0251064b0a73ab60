import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `inspections` routes (`routes/inspections.ts`) and the photos behind them (`routes/inspection-photos.ts`). */
export const inspectionsContract = {
  'POST /v1/enterprises/{eid}/inspections': {
    summary: 'Record an inspection',
    tag: 'inspections',
    access: 'inspector, authority',
    body: s.createInspectionSchema,
    idempotent: true,
    responses: { 201: ok('The scored inspection.', s.inspectionSchema) },
    problems: [400, 404, 413, 415, 422],
  },
  'GET /v1/enterprises/{eid}/inspections': {
    summary: "List an enterprise's inspections, latest first",
    tag: 'inspections',
    access: 'scope of the enterprise',
    query: s.listQuerySchema,
    responses: { 200: ok('Inspections with the self-score of their period.', s.inspectionPageSchema) },
    problems: [400, 404],
  },
  'POST /v1/enterprises/{eid}/inspection-photos': {
    summary: 'Declare a photo for an inspection and get its upload form',
    tag: 'inspections',
    access: 'inspector, authority',
    body: s.requestInspectionPhotoSchema,
    idempotent: true,
    responses: {
      201: ok(
        'The photo, recorded as evidence of kind inspection_photo, with its presigned POST.',
        s.evidenceUploadTicketSchema,
      ),
    },
    problems: [400, 404, 413, 415],
  },
  'POST /v1/enterprises/{eid}/inspection-photos/{vid}/confirm': {
    summary: 'Verify an uploaded inspection photo on the server',
    tag: 'inspections',
    access: 'inspector, authority',
    responses: {
      200: ok('The verified photo.', s.evidenceSchema),
      422: ok('The stored file is not what was declared; it was quarantined.', s.evidenceRejectionSchema),
    },
    problems: [404],
  },
} satisfies GroupContract;
