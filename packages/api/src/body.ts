import { vValidator } from '@hono/valibot-validator';
import type { MiddlewareHandler, ValidationTargets } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { every } from 'hono/combine';
import { createMiddleware } from 'hono/factory';
import type * as v from 'valibot';
import type { AppEnv } from './deps';
import { type FieldError, invalid, payloadTooLarge, unsupportedMediaType } from './errors';

/** Largest JSON body the API accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Turns Valibot issues into `errors[]` with dotted paths. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path?.map((segment) => String(segment.key)).join('.') ?? '',
    message: issue.expected === 'never' ? 'unknown field: remove it' : issue.message,
  }));
}

const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
  await next();
});

const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw payloadTooLarge('256 KB');
  },
});

/** Validates `target` with a schema from `@antoan/schemas`; a failure is a 400 listing each field. */
export function valid<T extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return vValidator(target, schema, (result) => {
    if (!result.success) throw invalid(fieldErrors(result.issues));
  });
}

/** A JSON body, checked before it is read: 415 for another content type, 413 over 256 KB. */
export const jsonContent = every(requireJson, limitBody as MiddlewareHandler<AppEnv>);
