import { vietnameseOf } from '@antoan/schemas';
import { vValidator } from '@hono/valibot-validator';
import type { ValidationTargets } from 'hono';
import { every } from 'hono/combine';
import { createMiddleware } from 'hono/factory';
import type * as v from 'valibot';
import { openCursor, sealCursor } from './cursor';
import type { AppContext, AppEnv } from './deps';
import {
  type FieldError,
  fieldError,
  invalid,
  malformedJson,
  payloadTooLarge,
  unsupportedMediaType,
} from './errors';

/** Largest JSON body the API accepts. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Deepest nesting a JSON body may have (the deepest schema nests 4 levels). */
export const MAX_BODY_DEPTH = 32;

/** Turns Valibot issues into `errors[]` with dotted paths, in both languages where the Vietnamese is known. */
export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path?.map((segment) => String(segment.key)).join('.') ?? '';
    if (issue.expected === 'never')
      return fieldError(path, {
        vi: 'Trường không được chấp nhận: hãy bỏ đi',
        en: 'unknown field: remove it',
      });
    const vi = vietnameseOf(issue.message) ?? vietnameseOfKind(issue);
    return vi === undefined
      ? { path, message: issue.message }
      : { path, message: issue.message, localized: { vi, en: issue.message } };
  });
}

/**
 * The Vietnamese of an issue whose schema gave no message of its own (`said`), from its kind: Valibot's English
 * default for these names the type expected, which is all the Vietnamese needs to say.
 */
function vietnameseOfKind(issue: v.BaseIssue<unknown>): string | undefined {
  switch (issue.type) {
    case 'string':
      return 'Phải là chuỗi ký tự';
    case 'number':
      return 'Phải là một số';
    case 'boolean':
      return 'Phải là true hoặc false';
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return 'Phải là một nhóm giá trị (đối tượng JSON)';
    case 'array':
      return 'Phải là một danh sách';
    default:
      return undefined;
  }
}

const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw unsupportedMediaType();
  await next();
});

/** How much of a refused body the server reads and discards, so the connection can carry the next request. */
export const DRAIN_LIMIT_BYTES = 1024 * 1024;
/** How long it waits for a refused body to arrive before it gives up and closes the connection. */
export const DRAIN_TIMEOUT_MS = 2000;

/** Requests whose body has been read to its end (used or drained): their connection can be kept. */
const settledBodies = new WeakSet<Request>();

/**
 * Reads a request body to its end, keeping at most `keep` bytes; whatever is beyond is read and thrown away up to
 * `DRAIN_LIMIT_BYTES` within `DRAIN_TIMEOUT_MS`. `complete` says whether the end was reached (the connection is
 * reusable); `bytes` is undefined when the body was longer than `keep`.
 */
async function readToEnd(request: Request, keep: number): Promise<{ bytes?: Uint8Array; complete: boolean }> {
  const body = request.body;
  if (body === null) return { bytes: new Uint8Array(), complete: true };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') break;
      if (next.done) {
        settledBodies.add(request);
        if (size > keep) return { complete: true };
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const chunk of chunks) {
          bytes.set(chunk, at);
          at += chunk.length;
        }
        return { bytes, complete: true };
      }
      size += next.value.length;
      if (size <= keep) chunks.push(next.value);
      else chunks.length = 0;
      if (size > Math.max(keep, DRAIN_LIMIT_BYTES)) break;
    }
  } finally {
    clearTimeout(timer);
  }
  void reader.cancel().catch(() => {});
  return { complete: false };
}

/**
 * After the response is made: a body nobody read (a 401, 413 or 415 answered before reading it) is drained within
 * `DRAIN_LIMIT_BYTES` and `DRAIN_TIMEOUT_MS`, so the kept-alive connection carries the client's next request; when
 * that is not possible the answer is `false` and the response must say `Connection: close`.
 */
export async function settleUnreadBody(request: Request): Promise<boolean> {
  if (request.body === null || settledBodies.has(request)) return true;
  if (request.bodyUsed) return false;
  const declared = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (declared > DRAIN_LIMIT_BYTES) return false;
  return (await readToEnd(request, 0)).complete;
}

const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Problems no schema should have to think about, found in a parsed body: a string or a key with a lone
 * surrogate, a number beyond ±2^53 (JSON's `1e400` even parses to Infinity), nesting deeper than `MAX_BODY_DEPTH`.
 */
export function hostileValues(value: unknown, path = '', depth = 0, found: FieldError[] = []): FieldError[] {
  if (found.length >= 20) return found;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value))
      found.push(
        fieldError(path, {
          vi: 'Văn bản phải là Unicode hợp lệ (không có nửa cặp surrogate)',
          en: 'must be well-formed Unicode text (no lone surrogate)',
        }),
      );
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER)
      found.push(fieldError(path, { vi: 'Số nằm ngoài khoảng cho phép', en: 'number out of range' }));
  } else if (typeof value === 'object' && value !== null) {
    if (depth >= MAX_BODY_DEPTH) {
      found.push(
        fieldError(path, {
          vi: `Lồng sâu quá ${MAX_BODY_DEPTH} cấp`,
          en: `nested deeper than ${MAX_BODY_DEPTH} levels`,
        }),
      );
      return found;
    }
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (LONE_SURROGATE.test(key))
        found.push(
          fieldError(at, {
            vi: 'Tên trường phải là Unicode hợp lệ',
            en: 'key must be well-formed Unicode text',
          }),
        );
      hostileValues(item, at, depth + 1, found);
    }
  }
  return found;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The one place a JSON body is read: the bytes must be UTF-8 (never silently repaired), the text JSON, and the
 * value free of `hostileValues`. The text is left in Hono's body cache, so `c.req.json()`/`text()` see exactly it.
 */
const readJsonBody = createMiddleware<AppEnv>(async (c, next) => {
  const declared = Number(c.req.header('Content-Length') ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) throw payloadTooLarge('256 KB');
  const { bytes } = await readToEnd(c.req.raw, MAX_BODY_BYTES);
  if (bytes === undefined) throw payloadTooLarge('256 KB');
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw invalid([{ path: '', message: 'the body is not valid UTF-8' }], {
      vi: 'Nội dung yêu cầu không phải UTF-8 hợp lệ.',
      en: 'The request body is not valid UTF-8.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformedJson();
  }
  const problems = hostileValues(value);
  if (problems.length > 0) throw invalid(problems);
  // Hono keeps promises in its body cache (its type says otherwise); `json()` parses this text again.
  (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
  await next();
});

/** Middleware the app checks routes for at start-up (see `guard.ts`). */
export const markers = {
  jsonContent: new WeakSet<object>(),
  jsonValidator: new WeakSet<object>(),
  queryValidator: new WeakSet<object>(),
};

/** A JSON body, checked before it is read: 415 for another content type, 413 over 256 KB; then `readJsonBody`. */
export const jsonContent = every(requireJson, readJsonBody);
markers.jsonContent.add(jsonContent);

/** The list and caller a cursor is bound to: method, path, every query parameter but `cursor`/`limit`, principal. */
function cursorBinding(c: AppContext) {
  const url = new URL(c.req.url);
  const filters = [...url.searchParams]
    .filter(([name]) => name !== 'cursor' && name !== 'limit')
    .map(([name, value]) => `${name}=${value}`)
    .sort();
  const principal = c.var.principal as AppContext['var']['principal'] | undefined;
  const scope = principal
    ? JSON.stringify([principal.sub, principal.roles, principal.enterpriseId ?? null, principal.zoneIds])
    : 'anonymous';
  return { list: `${c.req.method} ${c.req.path}?${filters.join('&')}`, scope };
}

/** Replaces the data layer's `nextCursor` in a list response with a sealed one. */
async function sealNextCursor(c: AppContext): Promise<void> {
  if (c.res.status !== 200 || !c.res.headers.get('Content-Type')?.includes('json')) return;
  const body = (await c.res.clone().json()) as { nextCursor?: unknown } | null;
  if (typeof body !== 'object' || body === null || typeof body.nextCursor !== 'string') return;
  const { deps } = c.var;
  body.nextCursor = sealCursor(deps.cursorKey, body.nextCursor, cursorBinding(c), deps.now());
  const headers = new Headers(c.res.headers);
  headers.delete('Content-Length');
  const status = c.res.status;
  c.res = undefined;
  c.res = new Response(JSON.stringify(body), { status, headers });
}

const hasCursor = (schema: v.GenericSchema) =>
  'entries' in schema &&
  typeof schema.entries === 'object' &&
  schema.entries !== null &&
  'cursor' in schema.entries;

/**
 * Validates `target` with a schema from `@antoan/schemas`; a failure is a 400 listing each field. A query schema is
 * the route's declaration of its query parameters (a route without one accepts none); when it has `cursor`, the
 * cursor is opened here (signature, list, caller, age) and the response's `nextCursor` sealed on the way out.
 */
export function valid<T extends v.GenericSchema, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  const validate = vValidator(target, schema, (result, c) => {
    if (!result.success) throw invalid(fieldErrors(result.issues));
    if (target !== 'query') return;
    const problems = hostileValues(result.output);
    if (problems.length > 0) throw invalid(problems);
    const output = result.output as { cursor?: unknown };
    if (typeof output.cursor === 'string') {
      const { deps } = (c as AppContext).var;
      output.cursor = openCursor(deps.cursorKey, output.cursor, cursorBinding(c as AppContext), deps.now());
    }
  });
  if (target === 'json') markers.jsonValidator.add(validate);
  if (target !== 'query') return validate;
  if (!hasCursor(schema)) {
    markers.queryValidator.add(validate);
    return validate;
  }
  const withCursors = (async (c: AppContext, next: () => Promise<void>) =>
    validate(c as never, async () => {
      await next();
      await sealNextCursor(c);
    })) as unknown as typeof validate;
  markers.queryValidator.add(withCursors);
  return withCursors;
}
