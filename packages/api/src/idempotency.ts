import { createHash } from 'node:crypto';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '@antoan/db';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './deps';
import { ApiError, conflict, invalid } from './errors';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/;

/**
 * Honours `Idempotency-Key` on POSTs that create or submit: the first successful response is stored and
 * replayed for the same key and body, with nothing written again. The key is scoped to the caller and route.
 */
export const idempotent = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw invalid([{ path: 'Idempotency-Key', message: 'must be 8–128 letters, digits, - _ : or .' }]);
    }
    const { deps, principal } = c.var;
    const scope = `${principal.sub}#${c.req.method} ${c.req.path}`;
    const fingerprint = createHash('sha256')
      .update(await c.req.text())
      .digest('hex');
    const claim = await claimIdempotencyKey(deps.db, { scope, key, fingerprint, now: deps.now() });
    if (claim.state === 'mismatch') {
      throw new ApiError(422, 'idempotency-key-reused', 'Idempotency key reused', {
        vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
        en: 'This Idempotency-Key was already used with a different request body.',
      });
    }
    if (claim.state === 'in_progress') {
      throw conflict({
        vi: 'Một yêu cầu với cùng Idempotency-Key đang được xử lý.',
        en: 'A request with the same Idempotency-Key is still being processed.',
      });
    }
    if (claim.state === 'completed') {
      return c.body(claim.response.body, claim.response.status as 200, {
        'Content-Type': claim.response.contentType,
        'Idempotent-Replayed': 'true',
      });
    }
    await next();
    if (c.res.status >= 200 && c.res.status < 300) {
      await completeIdempotencyKey(deps.db, scope, key, {
        status: c.res.status,
        contentType: c.res.headers.get('Content-Type') ?? 'application/json',
        body: await c.res.clone().text(),
      });
    } else {
      await releaseIdempotencyKey(deps.db, scope, key);
    }
  });
