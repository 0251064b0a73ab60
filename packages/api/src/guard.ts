import { randomUUID } from 'node:crypto';
import { ID_PATTERN, PATH_PARAMS } from '@antoan/schemas';
import type { Context, Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { markers, settleUnreadBody } from './body';
import type { AppEnv } from './deps';
import { fieldError, invalid, notFound } from './errors';
import { handleError } from './problem';

/** One route as the app serves it, with what the guard needs to know about it. */
export interface GuardedRoute {
  method: string;
  path: string;
  /** The `:param` names of the path, in order. */
  params: string[];
  /** Whether the route declares its query parameters (`valid('query', schema)`); if not, it accepts none. */
  declaresQuery: boolean;
  pattern: RegExp;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The routes of these sub-apps (their handlers, not their `use` middleware), checked at start-up: a route whose
 * JSON body is validated must read it through `jsonContent` first. Throws on a wiring mistake, so tests catch it.
 */
export function guardedRoutes(apps: readonly Hono<AppEnv>[]): GuardedRoute[] {
  const byKey = new Map<string, { method: string; path: string; handlers: object[] }>();
  for (const app of apps) {
    for (const route of app.routes) {
      if (route.method === 'ALL') continue;
      const key = `${route.method} ${route.path}`;
      const entry = byKey.get(key) ?? { method: route.method, path: route.path, handlers: [] };
      entry.handlers.push(route.handler);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map(({ method, path, handlers }) => {
    const json = handlers.findIndex((handler) => markers.jsonValidator.has(handler));
    const reader = handlers.findIndex((handler) => markers.jsonContent.has(handler));
    if (json >= 0 && (reader < 0 || reader > json)) {
      throw new Error(`${method} ${path} validates a JSON body without jsonContent before it`);
    }
    const params: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        const param = /^:(\w+)$/.exec(segment)?.[1];
        if (param === undefined) return escapeRegExp(segment);
        params.push(param);
        return '([^/]+)';
      })
      .join('/');
    return {
      method,
      path,
      params,
      declaresQuery: handlers.some((handler) => markers.queryValidator.has(handler)),
      pattern: new RegExp(`^${source}/?$`),
    };
  });
}

/** The format a path parameter of this name must have (`PATH_PARAMS`; any other name: `ID_PATTERN`). */
export const paramPattern = (name: string): RegExp => PATH_PARAMS[name] ?? ID_PATTERN;

/** The API Gateway request id when the request came through it (Lambda), else a new one. */
function requestIdOf(env: unknown): string {
  const event = (env as { event?: { requestContext?: { requestId?: unknown } } } | undefined)?.event;
  const id = event?.requestContext?.requestId;
  return typeof id === 'string' && /^[A-Za-z0-9=_-]{1,128}$/.test(id) ? id : randomUUID();
}

/**
 * The one guard every request passes before any route runs (registered once in `createApp`):
 * - a request id (API Gateway's, else a new one), kept for logs and problem bodies, sent as `X-Request-Id`;
 * - every `:param` of the matched route checked against its format by name: anything else is a 404, as for a
 *   record that does not exist, so no malformed id ever reaches the database;
 * - on a route that declares no query schema, any query parameter is a 400 (routes that declare one refuse
 *   unknown parameters through their strict schema);
 * - after the answer, a request body nobody read is drained within a bound, or the answer says `Connection: close`,
 *   so an early refusal (401, 413, 415) never breaks the client's kept-alive connection.
 */
export function inputGuard(routes: readonly GuardedRoute[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('requestId', requestIdOf(c.env));
    c.header('X-Request-Id', c.var.requestId);
    try {
      checkRequest(c, routes);
      await next();
    } catch (error) {
      c.res = handleError(error as Error, c);
    }
    // A body left unread (refused before reading it) is drained, or the connection is closed after the answer.
    if (!(await settleUnreadBody(c.req.raw))) {
      const headers = new Headers(c.res.headers);
      headers.set('Connection', 'close');
      const { status, body } = c.res;
      c.res = undefined;
      c.res = new Response(body, { status, headers });
    }
  });
}

/** The checks of `inputGuard` on the path and the query; throws the refusal. */
function checkRequest(c: Context<AppEnv>, routes: readonly GuardedRoute[]): void {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const path = c.req.path;
  // The most specific match: a literal segment wins over a parameter, as in the router.
  const route = routes
    .filter((candidate) => candidate.method === method && candidate.pattern.test(path))
    .sort((a, b) => a.params.length - b.params.length)[0];
  if (route) {
    const values = route.pattern.exec(path)?.slice(1) ?? [];
    route.params.forEach((name, i) => {
      const value = values[i] ?? '';
      if (!paramPattern(name).test(value)) throw notFound(name === 'eid' ? 'enterprise' : 'resource');
    });
    if (!route.declaresQuery) {
      const names = [...new URL(c.req.url).searchParams.keys()];
      if (names.length > 0) {
        throw invalid(
          [...new Set(names)].map((name) =>
            fieldError(name, {
              vi: 'Tham số truy vấn không được chấp nhận: hãy bỏ đi',
              en: 'unknown query parameter: remove it',
            }),
          ),
        );
      }
    }
  }
}
