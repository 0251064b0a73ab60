import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { contract } from './contract';
import { openApiDocument } from './openapi';

/**
 * Checks answers against the generated OpenAPI document (tests only): the route template a concrete path
 * matches, the status documented for it, and the body against the documented schema, with Ajv (JSON Schema
 * 2020-12, the dialect of OpenAPI 3.1).
 */
const document = openApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, 'openapi.json');

const templates = Object.keys(contract).map((key) => {
  const [method = '', path = ''] = key.split(' ');
  const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
  return { method, path, pattern };
});

/** The contract key (`GET /v1/enterprises/{eid}`) of a concrete request, or undefined when none matches. */
export function contractKeyOf(method: string, url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  const matches = templates.filter((entry) => entry.method === method && entry.pattern.test(path));
  // A literal segment beats a parameter (`/v1/zones/{zid}/dashboard` over a looser template).
  matches.sort((a, b) => (a.path.match(/\{/g)?.length ?? 0) - (b.path.match(/\{/g)?.length ?? 0));
  const best = matches[0];
  return best && `${best.method} ${best.path}`;
}

const pointer = (...parts: string[]) =>
  parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const validators = new Map<string, ValidateFunction>();

/**
 * What is wrong with an answer according to the document: an empty list when it conforms. The body is read from a
 * clone, so the caller can still read it.
 */
export async function contractViolations(method: string, url: string, response: Response): Promise<string[]> {
  const key = contractKeyOf(method, url);
  if (!key) return [`no contract entry for ${method} ${url}`];
  const [, path = ''] = key.split(' ');
  const operation = document.paths[path]?.[method.toLowerCase()];
  const answer = operation?.responses[String(response.status)];
  if (!answer) return [`${key} does not document status ${response.status}`];
  const mediaType = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (!answer.content) return [];
  if (!answer.content[mediaType]) {
    return [
      `${key} ${response.status} is documented as ${Object.keys(answer.content).join(', ')}, not ${mediaType}`,
    ];
  }
  const ref = `openapi.json#/${pointer('paths', path, method.toLowerCase(), 'responses', String(response.status), 'content', mediaType, 'schema')}`;
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    validators.set(ref, validate);
  }
  const body: unknown = await response.clone().json();
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${key} ${response.status}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
  );
}
