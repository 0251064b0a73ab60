import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `evidence` routes (`routes/evidence.ts`). */
export const evidenceContract = {
  'POST /v1/enterprises/{eid}/evidence': {
    summary: 'Request an evidence upload (presigned POST)',
    tag: 'evidence',
    access: 'enterprise (own)',
    body: s.requestEvidenceUploadSchema,
    responses: {
      201: ok('The pending record and the form to post the file with.', s.evidenceUploadTicketSchema),
    },
    problems: [400, 404, 413, 415],
  },
  'POST /v1/enterprises/{eid}/evidence/{vid}/confirm': {
    summary: 'Confirm an upload: the server verifies the stored file',
    tag: 'evidence',
    access: 'enterprise (own)',
    responses: {
      200: ok('Verified.', s.evidenceSchema),
      422: ok('The file is not what was declared; it was quarantined.', s.evidenceRejectionSchema),
    },
    problems: [404, 409],
  },
  'GET /v1/enterprises/{eid}/evidence': {
    summary: "List an enterprise's evidence, newest first",
    tag: 'evidence',
    access: 'scope of the enterprise',
    query: s.listEvidenceQuerySchema,
    responses: { 200: ok('Evidence records.', s.evidencePageSchema) },
    problems: [400, 404],
  },
  'GET /v1/enterprises/{eid}/evidence/{vid}/download': {
    summary: 'A short-lived download link for verified evidence',
    tag: 'evidence',
    access: 'scope of the enterprise',
    responses: { 200: ok('A presigned GET, five minutes at most.', s.evidenceDownloadSchema) },
    problems: [404, 409],
  },
  'POST /v1/enterprises/{eid}/evidence/{vid}/review': {
    summary: "Accept or reject a verified document's content",
    tag: 'evidence',
    access: 'zone_manager of the zone, inspector, authority',
    body: s.reviewEvidenceSchema,
    responses: { 200: ok('The evidence with its review.', s.reviewedEvidenceSchema) },
    problems: [400, 403, 404, 409],
  },
  'DELETE /v1/enterprises/{eid}/evidence/{vid}': {
    summary: 'Delete a file from the evidence library (soft delete, audited)',
    tag: 'evidence',
    access: 'enterprise (own)',
    responses: {
      204: { description: 'Deleted: it leaves the library; the record and file stay for the audit.' },
    },
    problems: [404, 409],
  },
} satisfies GroupContract;
