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
  /** Whether its query takes a `cursor`, opened and sealed with the cursor key. */
  pagesWithCursors: boolean;
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
      pagesWithCursors: handlers.some((handler) => markers.cursorValidator.has(handler)),
      pattern: new RegExp(`^${source}/?$`),
    };
  });
}

/** The format a path parameter of this name must have (`PATH_PARAMS`; any other name: `ID_PATTERN`). */
export const paramPattern = (name: string): RegExp => PATH_PARAMS[name] ?? ID_PATTERN;

/** C0 controls, DEL and C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** `text` percent-decoded as form data (`+` is a space) as UTF-8, or `undefined` when it does not decode. */
function decodeStrictly(text: string): string | undefined {
  try {
    // `decodeURIComponent` throws on a bad escape and on bytes that are not UTF-8, encoded surrogates included.
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The names (as sent, decoded where they can be) of the query parameters of `url` whose name or value does not
 * percent-decode as UTF-8 or holds a control character.
 */
export function undecodableQueryNames(url: string): string[] {
  const start = url.indexOf('?');
  if (start < 0) return [];
  const end = url.indexOf('#', start);
  const query = url.slice(start + 1, end < 0 ? undefined : end);
  const names = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = decodeStrictly(rawName);
    const value = equals < 0 ? '' : decodeStrictly(pair.slice(equals + 1));
    if (name === undefined || value === undefined || CONTROL_CHARACTERS.test(name + value)) {
      names.add(name !== undefined && !CONTROL_CHARACTERS.test(name) ? name : rawName.slice(0, 64));
    }
  }
  return [...names];
}

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
 * - every query name and value must percent-decode as UTF-8 and hold no control character (C0, DEL, C1): else a
 *   400 on every path, routed or not, before any handler or the router's lenient decoding (which would hand `%FF` on
 *   as the three characters `%FF`). No query parameter of the API takes a control character;
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
  const undecodable = undecodableQueryNames(c.req.url);
  if (undecodable.length > 0) {
    throw invalid(
      undecodable.map((name) => ({
        path: name,
        message: 'must be percent-encoded UTF-8 text without control characters',
      })),
      {
        vi: 'Tham số truy vấn phải là văn bản UTF-8 được mã hoá phần trăm đúng cách, không có ký tự điều khiển.',
        en: 'Query parameters must be correctly percent-encoded UTF-8 text without control characters.',
      },
    );
  }
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
