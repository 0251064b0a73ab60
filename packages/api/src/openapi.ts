import { appliesWhenSchema, problemSchema } from '@antoan/schemas';
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { contract, type GroupContract, type RouteContract } from './contract';

/** A JSON Schema (2020-12, OpenAPI 3.1's dialect) as a plain object. */
export type JsonSchema = Record<string, unknown>;

/** The OpenAPI 3.1 document, as a plain JSON value. */
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
} & Record<string, unknown>;

type Operation = {
  operationId: string;
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>;
} & Record<string, unknown>;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input (`validation`, `malformed-json`): `errors` lists each path.',
  401: 'No valid ID token.',
  403: 'A role never allowed on this route.',
  404: 'Not found, or outside the caller’s scope (the same body).',
  409: 'A conflict; `code` says which.',
  412: '`If-Match` is not the current version.',
  413: 'The body is over 256 KB (or the declared file over 20 MB).',
  415: 'The body is not `application/json` (or the file type is not accepted).',
  422: 'Unanswered items, or an idempotency key reused with another body.',
  428: '`If-Match` is missing.',
  500: 'A bug; the body carries the request id, the details are in the logs.',
  503: 'Storage or database asked to retry later; nothing was written. `Retry-After` says when.',
};

/** Recursive schemas, by the name they get in `components.schemas`. */
const definitions = { AppliesWhen: appliesWhenSchema };

/**
 * Converts a Valibot schema to JSON Schema 2020-12. Checks that JSON Schema cannot say (`v.check`, `v.forward`)
 * are left out: the API still runs them, and the reference says so in prose. Request schemas are converted as
 * input (before `trim` and `transform`), which is what a client sends.
 */
export function jsonSchemaOf(schema: v.GenericSchema): JsonSchema {
  const { $schema: _dialect, ...converted } = toJsonSchema(schema, {
    target: 'draft-2020-12',
    typeMode: 'input',
    errorMode: 'ignore',
    definitions,
  }) as JsonSchema;
  return converted;
}

/**
 * Moves the `$defs` of recursive schemas (the template's `appliesWhen`) into `components.schemas`, so that `$ref`s
 * resolve from the document's root.
 */
function hoistDefs(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const rewrite = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [name, def] of Object.entries($defs ?? {})) components[name] = rewrite(def);
  return rewrite(rest);
}

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);

const operationIdOf = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .replace(/^\/v1/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith('{') ? `By${part.slice(1, 2).toUpperCase()}${part.slice(2, -1)}` : part))
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

/** The error statuses an operation documents with a problem body. */
export function problemStatusesOf(route: RouteContract): number[] {
  const statuses = new Set(route.problems ?? []);
  if (!route.public) {
    statuses.add(401);
    statuses.add(403);
  }
  statuses.add(500);
  statuses.add(503);
  for (const status of Object.keys(route.responses)) statuses.delete(Number(status));
  return [...statuses].sort((a, b) => a - b);
}

/** The OpenAPI 3.1 document of `routes` (every route by default), generated from the Valibot schemas. */
export function openApiDocument(routes: GroupContract = contract): OpenApiDocument {
  const components: Record<string, JsonSchema> = {};
  components.Problem = hoistDefs(jsonSchemaOf(problemSchema), components);
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [key, route] of Object.entries(routes)) {
    const [method = '', path = ''] = key.split(' ');
    const id = operationIdOf(method, path);
    const schemaOf = (schema: v.GenericSchema) => hoistDefs(jsonSchemaOf(schema), components);

    const parameters: Array<Record<string, unknown>> = pathParams(path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    }));
    if (route.query) {
      const query = schemaOf(route.query) as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(query.properties ?? {})) {
        parameters.push({ name, in: 'query', required: query.required?.includes(name) ?? false, schema });
      }
    }
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Replays the first 2xx answer for 24 hours (`Idempotent-Replayed: true`).',
        schema: { type: 'string', pattern: '^[A-Za-z0-9_:.-]{8,128}$' },
      });
    }
    if (route.ifMatch) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The ETag of the draft, `"<version>"`.',
        schema: { type: 'string' },
      });
    }

    const responses: Operation['responses'] = {};
    for (const [status, answer] of Object.entries(route.responses)) {
      responses[status] = {
        description: answer.description,
        ...(answer.schema ? { content: { 'application/json': { schema: schemaOf(answer.schema) } } } : {}),
        ...(answer.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(answer.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
      };
    }
    for (const status of problemStatusesOf(route)) {
      responses[String(status)] = {
        description: PROBLEM_TEXT[status] ?? 'A problem document.',
        content: { 'application/problem+json': { schema: PROBLEM_REF } },
      };
    }

    paths[path] ??= {};
    paths[path][method.toLowerCase()] = {
      operationId: id,
      summary: route.summary,
      description: `Who: ${route.access}.`,
      tags: [route.tag],
      ...(route.public ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(route.body) } },
            },
          }
        : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'antoan API',
      version: '1',
      description:
        'The HTTP API of the OSH self-assessment platform, generated from the Valibot schemas the API validates ' +
        'with. Decisions and rules are in `packages/api/API.md`.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-antoan' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...new Set(Object.values(routes).map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token (locally, one from `POST /v1/dev/token`).',
        },
      },
    },
  };
}
