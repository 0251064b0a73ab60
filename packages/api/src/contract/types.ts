import type * as v from 'valibot';

/**
 * The API contract as one table (`index.ts`, one file per resource group): route → request schemas and response
 * schemas per status, all from `@antoan/schemas`. `openapi.ts` turns it into the OpenAPI 3.1 document served at
 * `/v1/openapi.json`; `contract.test.ts` fails when a route the app serves has no entry, or when a response in the
 * tenancy matrix does not match its entry. Keys are spelled as API Gateway spells routes (`routesOf`).
 */

type Schema = v.GenericSchema;

/** One documented answer: a JSON body of `schema`, or a problem document (`application/problem+json`). */
export interface ContractResponse {
  description: string;
  schema?: Schema;
  /** Headers the answer carries (name → description). */
  headers?: Record<string, string>;
}

export interface RouteContract {
  summary: string;
  /** Groups the operation in the reference (the resource group, `app.ts`). */
  tag: string;
  /** Who may call it, in words; `public` routes need no token. */
  access: string;
  public?: true;
  query?: Schema;
  /** A JSON body (`Content-Type: application/json`, at most 256 KB). */
  body?: Schema;
  /** The route accepts `Idempotency-Key`. */
  idempotent?: true;
  /** The route needs `If-Match: "<version>"`. */
  ifMatch?: true;
  /** The success answers and the error answers that have a body other than a problem document. */
  responses: Record<number, ContractResponse>;
  /** Error statuses this route can answer with a problem document (beyond 401/403 and 5xx, added for all). */
  problems?: number[];
}

export const ok = (
  description: string,
  schema: Schema,
  headers?: Record<string, string>,
): ContractResponse => ({
  description,
  schema,
  ...(headers ? { headers } : {}),
});

export const etag = { ETag: 'The version of the draft, `"<version>"`; send it back as `If-Match`.' };

/** A resource group's routes: `METHOD /path` (with `{param}` path parameters) → its contract. */
export type GroupContract = Record<string, RouteContract>;
