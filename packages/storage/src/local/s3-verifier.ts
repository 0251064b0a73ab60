import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';
import { checkPostPolicy, type FileRules } from './post-policy';
import {
  type Credentials,
  type Refused,
  refuse,
  type S3Refusal,
  verifyAuthorizationHeader,
  verifyPresigned,
} from './sigv4';

/** S3 reads at most this much of form fields before the file. */
const MAX_FORM_FIELDS_BYTES = 20 * 1024;
/** A refused body is read (and thrown away) up to this size so the client sees the answer; past it the connection is closed. */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
/** The largest form this server holds in memory while it checks it (the evidence limit is 20 MB). */
const MAX_BUFFERED_FORM_BYTES = 64 * 1024 * 1024;

/** A running verifier in front of an S3-compatible server. */
export interface S3Verifier {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts an HTTP server that checks what S3 checks before anything reaches the local S3 server behind it:
 * SigV4 signatures (header-signed calls and presigned URLs, with their expiry) and browser form uploads
 * (the POST policy's signature, expiry and every condition, the file's size against `content-length-range`
 * and its SHA-256 against the checksum field). Refusals are S3's XML errors. CORS preflights pass through,
 * since the server behind keeps the bucket's CORS rules.
 */
export async function startS3Verifier(options: {
  upstream: { host: string; port: number };
  credentials: Credentials;
  now?: () => Date;
}): Promise<S3Verifier> {
  const now = options.now ?? (() => new Date());
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, { status: 500, code: 'InternalError', message: String(error) });
      else res.destroy();
    });
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const wire = { method, url: req.url ?? '/', headers: req.headers };
    if (method === 'OPTIONS') return forward(req, res);
    if (req.headers.authorization !== undefined) {
      return verdictThenForward(req, res, verifyAuthorizationHeader(wire, options.credentials, now()));
    }
    if (/[?&]X-Amz-(Signature|Algorithm|Credential)=/i.test(wire.url)) {
      return verdictThenForward(req, res, verifyPresigned(wire, options.credentials, now()));
    }
    const bucket = /^\/([^/?]+)\/?(\?|$)/.exec(wire.url)?.[1];
    if (method === 'POST' && bucket && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      return formUpload(req, res, bucket);
    }
    return refuseTo(req, res, refuse(403, 'AccessDenied', 'Access Denied').refusal);
  };

  /**
   * The CORS headers S3 would add to a refusal, so a browser can read it: asked of the S3 server behind (which keeps
   * the bucket's CORS rules) with a preflight for the same origin, path and method.
   */
  const corsHeadersFor = (req: IncomingMessage) =>
    new Promise<OutgoingHttpHeaders>((resolve) => {
      const origin = req.headers.origin;
      if (!origin) return resolve({});
      const probe = httpRequest(
        {
          host: options.upstream.host,
          port: options.upstream.port,
          method: 'OPTIONS',
          path: req.url,
          headers: { host: req.headers.host, origin, 'access-control-request-method': req.method ?? 'GET' },
        },
        (answer) => {
          answer.resume();
          // s3rver answers a matching preflight with `*`; S3 names the origin (for a rule without a wildcard).
          const allowed = answer.statusCode === 200 && answer.headers['access-control-allow-origin'];
          resolve(allowed ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {});
        },
      );
      probe.on('error', () => resolve({}));
      probe.end();
    });

  const refuseTo = (req: IncomingMessage, res: ServerResponse, refusal: S3Refusal) =>
    refuseAfterDrain(req, res, refusal, corsHeadersFor(req));

  const verdictThenForward = (req: IncomingMessage, res: ServerResponse, verdict: { ok: true } | Refused) =>
    verdict.ok ? forward(req, res) : refuseTo(req, res, verdict.refusal);

  /** Passes the request on unchanged (same path, headers and body) and streams the answer back. */
  const forward = (req: IncomingMessage, res: ServerResponse, body?: Buffer) =>
    new Promise<void>((resolve) => {
      const upstream = httpRequest(
        {
          host: options.upstream.host,
          port: options.upstream.port,
          method: req.method,
          path: req.url,
          headers: body ? bufferedHeaders(req, body) : req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers as OutgoingHttpHeaders);
          answer.pipe(res);
          answer.on('end', resolve);
          answer.on('error', () => {
            res.destroy();
            resolve();
          });
        },
      );
      upstream.on('error', (error) => {
        if (!res.headersSent)
          sendError(res, { status: 502, code: 'ServiceUnavailable', message: error.message });
        else res.destroy();
        resolve();
      });
      if (body) upstream.end(body);
      else req.pipe(upstream);
    });

  /**
   * A browser form upload: the fields are checked against the policy as soon as the file part starts (S3
   * ignores fields after the file); the file's bytes are counted and hashed as they stream in. The whole form
   * is held in memory and forwarded only once every check has passed, so nothing refused reaches the store.
   */
  const formUpload = (req: IncomingMessage, res: ServerResponse, bucket: string) =>
    new Promise<void>((resolve) => {
      const chunks: Buffer[] = [];
      let received = 0;
      let refusal: S3Refusal | undefined;
      let files = 0;
      let rules: FileRules | undefined;
      let fileBytes = 0;
      const hash = createHash('sha256');
      const fields = new Map<string, string>();
      const fail = (why: S3Refusal) => {
        refusal ??= why;
        chunks.length = 0;
      };

      let parser: busboy.Busboy;
      try {
        parser = busboy({
          headers: req.headers,
          limits: { fieldSize: MAX_FORM_FIELDS_BYTES, fields: 50, files: 2, parts: 60 },
        });
      } catch {
        return resolve(
          refuseTo(
            req,
            res,
            refuse(
              400,
              'MalformedPOSTRequest',
              'The body of your POST request is not well-formed multipart/form-data.',
            ).refusal,
          ),
        );
      }
      parser.on('field', (name, value, info) => {
        if (files > 0) return; // S3 ignores fields after the file.
        const lower = name.toLowerCase();
        if (info.valueTruncated)
          fail(
            refuse(
              400,
              'MaxPostPreDataLengthExceeded',
              'Your POST request fields preceding the upload file were too large.',
            ).refusal,
          );
        else if (fields.has(lower))
          fail(refuse(400, 'InvalidArgument', `The form field ${name} appears more than once.`).refusal);
        else fields.set(lower, value);
      });
      parser.on('file', (_name, stream) => {
        files += 1;
        if (files > 1) {
          fail(refuse(400, 'InvalidArgument', 'POST requires exactly one file upload per request.').refusal);
        } else if (!refusal) {
          const checked = checkPostPolicy({ fields, bucket, credentials: options.credentials, now: now() });
          if (checked.ok) rules = checked.rules;
          else fail(checked.refusal);
        }
        stream.on('data', (chunk: Buffer) => {
          if (files > 1 || refusal || !rules) return;
          fileBytes += chunk.length;
          hash.update(chunk);
          if (fileBytes > rules.maxBytes) {
            fail(
              refuse(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size').refusal,
            );
          }
        });
      });
      parser.on('error', () => {
        fail(
          refuse(
            400,
            'MalformedPOSTRequest',
            'The body of your POST request is not well-formed multipart/form-data.',
          ).refusal,
        );
        req.unpipe(parser);
        finish();
      });
      parser.on('close', () => finish());

      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        if (!refusal && files === 0) {
          fail(refuse(400, 'InvalidArgument', 'POST requires exactly one file upload per request.').refusal);
        }
        if (!refusal && rules && fileBytes < rules.minBytes) {
          fail(
            refuse(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size')
              .refusal,
          );
        }
        if (!refusal && rules?.sha256Base64 !== undefined && hash.digest('base64') !== rules.sha256Base64) {
          fail(
            refuse(400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum.')
              .refusal,
          );
        }
        if (refusal) resolve(refuseTo(req, res, refusal));
        else resolve(forward(req, res, Buffer.concat(chunks)));
      };

      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_BUFFERED_FORM_BYTES) {
          fail(
            refuse(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size').refusal,
          );
          req.unpipe(parser);
          finish();
          return;
        }
        if (!refusal) chunks.push(chunk);
      });
      req.pipe(parser);
    });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Answers with S3's XML error once the request body has been read (bounded), so that a client still sending
 * sees the answer instead of a reset connection; past the bound the connection is closed.
 */
function refuseAfterDrain(
  req: IncomingMessage,
  res: ServerResponse,
  refusal: S3Refusal,
  cors: Promise<OutgoingHttpHeaders>,
): Promise<void> {
  const send = async (extra: OutgoingHttpHeaders = {}) => {
    const headers = await cors;
    if (!res.headersSent) sendError(res, refusal, { ...headers, ...extra });
  };
  return new Promise((resolve) => {
    if (req.readableEnded || req.complete) return void send().then(resolve);
    let drained = 0;
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > DRAIN_LIMIT_BYTES) {
        req.off('data', onData);
        req.pause();
        void send({ Connection: 'close' }).then(() => {
          req.destroy();
          resolve();
        });
      }
    };
    req.on('data', onData);
    req.once('end', () => void send().then(resolve));
    req.once('error', () => resolve());
    req.resume();
  });
}

/** The request's headers for a body that is now held whole: its exact length, no chunked framing. */
function bufferedHeaders(req: IncomingMessage, body: Buffer): OutgoingHttpHeaders {
  const { 'transfer-encoding': _chunked, ...headers } = req.headers;
  return { ...headers, 'content-length': String(body.length) };
}

function sendError(res: ServerResponse, refusal: S3Refusal, headers: OutgoingHttpHeaders = {}): void {
  const requestId = randomBytes(8).toString('hex').toUpperCase();
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${escapeXml(refusal.code)}</Code><Message>${escapeXml(refusal.message)}</Message>` +
    `<RequestId>${requestId}</RequestId></Error>`;
  res.writeHead(refusal.status, {
    ...headers,
    'Content-Type': 'application/xml',
    'Content-Length': Buffer.byteLength(body),
    'x-amz-request-id': requestId,
  });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
