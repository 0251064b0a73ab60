import { execFileSync } from 'node:child_process';

/** The settings a function reads at init, as the API stack sets them; nothing here reaches AWS. */
export const lambdaEnv: Record<string, string> = {
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'antoan-bench',
  EVIDENCE_BUCKET: 'antoan-evidence-bench',
  JWT_ISSUER: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_bench',
  JWT_AUDIENCE: 'bench-client',
};

/**
 * One cold start: a fresh Node process imports the bundle and answers one API Gateway (payload 2.0) request.
 * Returns milliseconds from the process's time origin to the end of the answer.
 */
export function coldStartOnce(file: string, request = { method: 'GET', path: '/v1/health' }): number {
  const script = `
const started = performance.now();
const { handler } = await import(${JSON.stringify(`file://${file}`)});
const event = { version: '2.0', routeKey: '$default', rawPath: ${JSON.stringify(request.path)}, rawQueryString: '',
  headers: { host: 'api.example.test' }, isBase64Encoded: false,
  requestContext: { accountId: '1', apiId: 'a', domainName: 'api.example.test', domainPrefix: 'api',
    http: { method: ${JSON.stringify(request.method)}, path: ${JSON.stringify(request.path)}, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'bench' },
    requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0 } };
const response = await handler(event, {});
if (!response || typeof response.statusCode !== 'number') throw new Error('no answer');
process.stdout.write(JSON.stringify({ ms: performance.now(), status: response.statusCode, started }));
`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...lambdaEnv },
    encoding: 'utf8',
    // The SDK warns on Node 20 about its future Node floor; the floor and the functions pay that alike.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(out) as { ms: number }).ms;
}

/** The median of a list of times. */
export const median = (times: number[]): number => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Cold starts of a function and of its floor, taken in turn (floor, function, floor, …) so that a busy machine
 * slows both alike; the medians of `runs` each.
 */
export function coldStartPair(
  file: string,
  floorFile: string,
  request: { method: string; path: string },
  runs: number,
): { ms: number; floorMs: number } {
  const ms: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    floorMs.push(coldStartOnce(floorFile, request));
    ms.push(coldStartOnce(file, request));
  }
  return { ms: median(ms), floorMs: median(floorMs) };
}
