import * as s from '@antoan/schemas';
import { etag, type GroupContract, ok } from './types';

/** The `assessments` routes (`routes/assessments.ts`). */
export const assessmentsContract = {
  'POST /v1/enterprises/{eid}/assessments': {
    summary: 'Start a self-assessment draft',
    tag: 'assessments',
    access: 'enterprise (own)',
    body: s.createAssessmentSchema,
    idempotent: true,
    responses: { 201: ok('The draft.', s.assessmentSchema, etag) },
    problems: [400, 404, 409, 413, 415, 422],
  },
  'GET /v1/enterprises/{eid}/assessments': {
    summary: "List an enterprise's self-assessments, newest first",
    tag: 'assessments',
    access: 'scope of the enterprise',
    query: s.listQuerySchema,
    responses: { 200: ok('Summaries.', s.assessmentPageSchema) },
    problems: [400, 404],
  },
  'GET /v1/enterprises/{eid}/assessments/{aid}': {
    summary: 'One self-assessment with its answers',
    tag: 'assessments',
    access: 'scope of the enterprise',
    responses: { 200: ok('The assessment.', s.assessmentSchema, etag) },
    problems: [404],
  },
  'PATCH /v1/enterprises/{eid}/assessments/{aid}': {
    summary: 'Merge answers into a draft',
    tag: 'assessments',
    access: 'enterprise (own)',
    body: s.patchAssessmentSchema,
    ifMatch: true,
    responses: { 200: ok('The updated draft.', s.assessmentSchema, etag) },
    problems: [400, 404, 409, 412, 413, 415, 428],
  },
  'POST /v1/enterprises/{eid}/assessments/{aid}/submit': {
    summary: 'Submit a draft: score it and lock it',
    tag: 'assessments',
    access: 'enterprise (own)',
    idempotent: true,
    responses: { 200: ok('The score.', s.submissionSchema) },
    problems: [404, 409, 422],
  },
} satisfies GroupContract;
