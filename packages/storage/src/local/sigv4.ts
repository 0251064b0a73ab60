import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * AWS Signature Version 4 as S3 checks it, recomputed from the request as it arrives on the wire. The
 * verifier does not re-sign an SDK request object (as `@smithy/signature-v4` would): it must reproduce
 * S3's canonical form from whatever bytes a client sends, including edited ones.
 */

/** Secret keys by access key id. */
export type Credentials = ReadonlyMap<string, string>;

/** An S3 refusal: the HTTP status and S3's error code and message. */
export interface S3Refusal {
  status: number;
  code: string;
  message: string;
}

export type Refused = { ok: false; refusal: S3Refusal };

export type Verdict = { ok: true } | Refused;

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** S3 refuses presigned URLs that claim to live longer than seven days. */
const MAX_PRESIGNED_SECONDS = 604_800;
/** S3 refuses header-signed requests whose clock is this far from its own. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export const refuse = (status: number, code: string, message: string): Refused => ({
  ok: false,
  refusal: { status, code, message },
});

const signatureMismatch = () =>
  refuse(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

/** The instant an `X-Amz-Date` value names, or undefined when it is not one. */
export function parseAmzDate(value: string | undefined): Date | undefined {
  const match = AMZ_DATE.exec(value ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const date = new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** SigV4's URI encoding: everything but unreserved characters, as `%XX` in upper case. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The parameters of a raw query string, decoded, in order; undefined if one is malformed. */
export function parseQuery(rawQuery: string): Array<[string, string]> | undefined {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (name === undefined || value === undefined) return undefined;
    pairs.push([name, value]);
  }
  return pairs;
}

function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

function hmac(key: Buffer | string, value: string): Buffer {
  return createHmac('sha256', key).update(value, 'utf8').digest();
}

/** The signing key of a secret for one day, region and service. */
export function signingKey(secret: string, day: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), service), 'aws4_request');
}

/** Constant-time comparison of two hex signatures. */
function sameSignature(provided: string, computed: string): boolean {
  const a = Buffer.from(provided.toLowerCase(), 'utf8');
  const b = Buffer.from(computed, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A credential scope, `AKID/yyyymmdd/region/service/aws4_request`, checked against the known keys. */
export function parseCredential(
  credential: string | undefined,
  amzDate: string,
  credentials: Credentials,
): { ok: true; secret: string; day: string; region: string; service: string } | Refused {
  const parts = (credential ?? '').split('/');
  const [accessKeyId, day, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    !accessKeyId ||
    !day ||
    !region ||
    service !== 's3' ||
    terminator !== 'aws4_request'
  ) {
    return refuse(400, 'AuthorizationQueryParametersError', 'The credential scope is malformed.');
  }
  const secret = credentials.get(accessKeyId);
  if (secret === undefined) {
    return refuse(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  if (day !== amzDate.slice(0, 8)) return signatureMismatch();
  return { ok: true, secret, day, region, service };
}

/** What a request looked like on the wire, as far as SigV4 cares. */
export interface WireRequest {
  method: string;
  /** The path and query exactly as sent (`req.url`). */
  url: string;
  /** Header values by lower-case name (node's `req.headers`). */
  headers: Record<string, string | string[] | undefined>;
}

function splitUrl(url: string): { path: string; query: string } {
  const q = url.indexOf('?');
  return q < 0 ? { path: url, query: '' } : { path: url.slice(0, q), query: url.slice(q + 1) };
}

function canonicalUri(path: string): string | undefined {
  const segments = path.split('/').map(safeDecode);
  if (segments.some((segment) => segment === undefined)) return undefined;
  return (segments as string[]).map(uriEncode).join('/');
}

function canonicalQuery(pairs: Array<[string, string]>): string {
  return pairs
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

function headerValue(headers: WireRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function canonicalHeaders(headers: WireRequest['headers'], signed: string[]): string | undefined {
  const lines: string[] = [];
  for (const name of signed) {
    const value = headerValue(headers, name);
    if (value === undefined) return undefined;
    lines.push(`${name}:${value.trim().replace(/\s+/g, ' ')}\n`);
  }
  return lines.join('');
}

/** Recomputes the signature of a request and compares it with the one provided. */
function checkSignature(input: {
  request: WireRequest;
  queryPairs: Array<[string, string]>;
  signedHeaders: string;
  payloadHash: string;
  amzDate: string;
  scope: { secret: string; day: string; region: string; service: string };
  provided: string;
}): Verdict {
  const { request, scope } = input;
  const signed = input.signedHeaders.split(';');
  if (!signed.includes('host') || signed.some((name) => name !== name.toLowerCase() || name === '')) {
    return refuse(400, 'AuthorizationQueryParametersError', 'SignedHeaders must include host.');
  }
  const { path } = splitUrl(request.url);
  const uri = canonicalUri(path);
  const headers = canonicalHeaders(request.headers, signed);
  if (uri === undefined || headers === undefined) return signatureMismatch();
  const canonicalRequest = [
    request.method.toUpperCase(),
    uri,
    canonicalQuery(input.queryPairs),
    headers,
    input.signedHeaders,
    input.payloadHash,
  ].join('\n');
  const credentialScope = `${scope.day}/${scope.region}/${scope.service}/aws4_request`;
  const stringToSign = [ALGORITHM, input.amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const computed = createHmac('sha256', signingKey(scope.secret, scope.day, scope.region, scope.service))
    .update(stringToSign, 'utf8')
    .digest('hex');
  return sameSignature(input.provided, computed) ? { ok: true } : signatureMismatch();
}

/** Checks a presigned URL (`X-Amz-Signature` in the query): signature, then expiry. */
export function verifyPresigned(request: WireRequest, credentials: Credentials, now: Date): Verdict {
  const pairs = parseQuery(splitUrl(request.url).query);
  if (!pairs) return refuse(400, 'InvalidArgument', 'The query string is malformed.');
  const param = (name: string) => {
    const found = pairs.filter(([key]) => key === name);
    return found.length === 1 ? found[0]?.[1] : undefined;
  };
  const provided = param('X-Amz-Signature');
  const amzDate = param('X-Amz-Date');
  const expires = param('X-Amz-Expires');
  const signedHeaders = param('X-Amz-SignedHeaders');
  if (param('X-Amz-Algorithm') !== ALGORITHM || !provided || !amzDate || !expires || !signedHeaders) {
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  const issued = parseAmzDate(amzDate);
  if (!issued)
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Date must be in the ISO8601 basic format.',
    );
  if (!/^\d{1,6}$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_PRESIGNED_SECONDS) {
    return refuse(
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be a whole number of seconds from 1 to 604800.',
    );
  }
  const scope = parseCredential(param('X-Amz-Credential'), amzDate, credentials);
  if (!('secret' in scope)) return scope;
  const verdict = checkSignature({
    request,
    queryPairs: pairs.filter(([key]) => key !== 'X-Amz-Signature'),
    signedHeaders,
    payloadHash: param('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
    amzDate,
    scope,
    provided,
  });
  if (!verdict.ok) return verdict;
  // S3 checks the expiry only once the signature holds, so an edited X-Amz-Expires is a signature mismatch.
  if (now.getTime() > issued.getTime() + Number(expires) * 1000) {
    return refuse(403, 'AccessDenied', 'Request has expired');
  }
  if (issued.getTime() - now.getTime() > MAX_SKEW_MS) {
    return refuse(403, 'AccessDenied', 'Request is not valid yet');
  }
  return { ok: true };
}

/** Checks a request signed in its `Authorization` header (the SDK's own calls). */
export function verifyAuthorizationHeader(
  request: WireRequest,
  credentials: Credentials,
  now: Date,
): Verdict {
  const authorization = headerValue(request.headers, 'authorization') ?? '';
  const match = /^AWS4-HMAC-SHA256 (.+)$/.exec(authorization);
  if (!match?.[1]) {
    return refuse(400, 'InvalidArgument', 'Only AWS4-HMAC-SHA256 authorization is supported.');
  }
  const components = new Map<string, string>();
  for (const part of match[1].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) components.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const provided = components.get('Signature');
  const signedHeaders = components.get('SignedHeaders');
  const amzDate = headerValue(request.headers, 'x-amz-date');
  const payloadHash = headerValue(request.headers, 'x-amz-content-sha256');
  if (!provided || !signedHeaders || !amzDate) {
    return refuse(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  }
  if (!payloadHash) {
    return refuse(400, 'InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  }
  const issued = parseAmzDate(amzDate);
  if (!issued) return refuse(403, 'AccessDenied', 'X-Amz-Date must be in the ISO8601 basic format.');
  if (Math.abs(now.getTime() - issued.getTime()) > MAX_SKEW_MS) {
    return refuse(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  const pairs = parseQuery(splitUrl(request.url).query);
  if (!pairs) return refuse(400, 'InvalidArgument', 'The query string is malformed.');
  const scope = parseCredential(components.get('Credential'), amzDate, credentials);
  if (!('secret' in scope)) return scope;
  return checkSignature({ request, queryPairs: pairs, signedHeaders, payloadHash, amzDate, scope, provided });
}

/** The signature of a POST policy (its base64 text), as S3 computes it. */
export function policySignature(
  policyBase64: string,
  scope: { secret: string; day: string; region: string; service: string },
): string {
  return createHmac('sha256', signingKey(scope.secret, scope.day, scope.region, scope.service))
    .update(policyBase64, 'utf8')
    .digest('hex');
}

/** Whether a provided policy signature is the computed one (constant time). */
export function samePolicySignature(provided: string, computed: string): boolean {
  return sameSignature(provided, computed);
}
