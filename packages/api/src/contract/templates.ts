import * as s from '@antoan/schemas';
import { type GroupContract, ok } from './types';

/** The `templates` routes (`routes/templates.ts`). */
export const templatesContract = {
  'GET /v1/templates': {
    summary: 'List published checklist templates',
    tag: 'templates',
    access: 'any signed-in role',
    responses: { 200: ok('Every published template version.', s.templatePageSchema) },
  },
  'GET /v1/templates/{tid}/versions/{ver}': {
    summary: 'One template version, whole',
    tag: 'templates',
    access: 'any signed-in role',
    responses: {
      200: ok('The template.', s.templateVersionSchema, { 'Cache-Control': 'private, immutable' }),
    },
    problems: [404],
  },
} satisfies GroupContract;
