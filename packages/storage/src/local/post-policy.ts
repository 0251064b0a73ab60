import {
  type Credentials,
  parseAmzDate,
  parseCredential,
  policySignature,
  type Refused,
  refuse,
  samePolicySignature,
} from './sigv4';

/** What a valid POST policy still asks of the file once the form fields have passed. */
export interface FileRules {
  minBytes: number;
  maxBytes: number;
  /** The base64 SHA-256 the form declared (`x-amz-checksum-sha256`), which the file must match. */
  sha256Base64: string | undefined;
}

/** Form fields S3 never asks a condition for. */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file']);

const policyFailure = (condition: unknown) =>
  refuse(
    403,
    'AccessDenied',
    `Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`,
  );

/**
 * Checks a browser form upload's fields (lower-case names; the fields before the file, as S3 reads them)
 * the way S3 does: the policy's signature, its expiry, every condition, and no field the policy does not
 * name. The bucket is the one in the URL.
 */
export function checkPostPolicy(input: {
  fields: ReadonlyMap<string, string>;
  bucket: string;
  credentials: Credentials;
  now: Date;
}): { ok: true; rules: FileRules } | Refused {
  const { fields, bucket, credentials, now } = input;
  const policy = fields.get('policy');
  if (policy === undefined) return refuse(403, 'AccessDenied', 'Anonymous uploads are not allowed.');
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    return refuse(400, 'InvalidArgument', 'x-amz-algorithm must be AWS4-HMAC-SHA256.');
  }
  const amzDate = fields.get('x-amz-date') ?? '';
  if (!parseAmzDate(amzDate)) {
    return refuse(400, 'InvalidArgument', 'x-amz-date must be in the ISO8601 basic format.');
  }
  const scope = parseCredential(fields.get('x-amz-credential'), amzDate, credentials);
  if (!('secret' in scope)) return scope;
  const provided = fields.get('x-amz-signature') ?? '';
  if (!samePolicySignature(provided, policySignature(policy, scope))) {
    return refuse(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }

  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    return refuse(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = typeof document.expiration === 'string' ? Date.parse(document.expiration) : Number.NaN;
  if (Number.isNaN(expiration) || !Array.isArray(document.conditions)) {
    return refuse(400, 'InvalidPolicyDocument', 'Invalid Policy: expiration and conditions are required.');
  }
  if (now.getTime() >= expiration) {
    return refuse(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  }

  // The bucket is where the form is posted, whatever a `bucket` field says.
  const values = new Map(fields);
  values.set('bucket', bucket);
  const named = new Set<string>();
  const rules: FileRules = {
    minBytes: 0,
    maxBytes: Number.POSITIVE_INFINITY,
    sha256Base64: fields.get('x-amz-checksum-sha256'),
  };
  for (const condition of document.conditions as unknown[]) {
    const check = checkCondition(condition, values, named, rules);
    if (check === 'malformed') {
      return refuse(
        400,
        'InvalidPolicyDocument',
        `Invalid Policy: Invalid condition ${JSON.stringify(condition)}.`,
      );
    }
    if (!check) return policyFailure(condition);
  }
  const extra = [...fields.keys()].filter(
    (name) => !EXEMPT.has(name) && !name.startsWith('x-ignore-') && !named.has(name),
  );
  if (extra.length > 0) {
    return refuse(
      403,
      'AccessDenied',
      `Invalid according to Policy: Extra input fields: ${extra.join(', ')}`,
    );
  }
  if (!fields.get('key')) {
    return refuse(400, 'InvalidArgument', "Bucket POST must contain a field named 'key'.");
  }
  return { ok: true, rules };
}

/** One policy condition: true when met, false when not, 'malformed' when S3 would not read it. */
function checkCondition(
  condition: unknown,
  values: ReadonlyMap<string, string>,
  named: Set<string>,
  rules: FileRules,
): boolean | 'malformed' {
  if (typeof condition === 'object' && condition !== null && !Array.isArray(condition)) {
    const entries = Object.entries(condition);
    const [entry] = entries;
    if (entries.length !== 1 || !entry || typeof entry[1] !== 'string') return 'malformed';
    const name = entry[0].toLowerCase();
    named.add(name);
    return (values.get(name) ?? '') === entry[1];
  }
  if (!Array.isArray(condition) || condition.length !== 3) return 'malformed';
  const [operator, first, second] = condition as [unknown, unknown, unknown];
  if (typeof operator !== 'string') return 'malformed';
  if (operator.toLowerCase() === 'content-length-range') {
    if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second)) return 'malformed';
    rules.minBytes = Math.max(rules.minBytes, first as number);
    rules.maxBytes = Math.min(rules.maxBytes, second as number);
    return true;
  }
  if (typeof first !== 'string' || !first.startsWith('$') || typeof second !== 'string') return 'malformed';
  const name = first.slice(1).toLowerCase();
  named.add(name);
  const value = values.get(name) ?? '';
  switch (operator.toLowerCase()) {
    case 'eq':
      return value === second;
    case 'starts-with':
      return value.startsWith(second);
    default:
      return 'malformed';
  }
}
