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

/** The median of a list of numbers. */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** A function's cold starts against its floor's, taken pair by pair. */
export interface ColdStartPairs {
  /** Medians of the function's and of the floor's cold starts, in milliseconds. */
  ms: number;
  floorMs: number;
  /** The median of the pairs' ratios (function / floor): the figure the goal reads. */
  ratio: number;
  /** The first and third quartiles of the pairs' ratios: how far a single pair may be trusted. */
  ratioLow: number;
  ratioHigh: number;
  pairs: number;
}

/** The value at quantile `q` (0–1) of a sorted list, interpolated. */
const quantile = (sorted: number[], q: number): number => {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] as number;
  const high = sorted[Math.ceil(at)] as number;
  return low + (high - low) * (at - Math.floor(at));
};

/**
 * Cold starts of a function and of its floor, in pairs taken back to back (function, floor; then floor, function,
 * so neither always goes first), after one of each not counted (it fills the file cache). A busy machine slows
 * both runs of a pair alike, so the ratio of each pair holds where absolute times drift: the median of the pair
 * ratios is the figure, with their quartiles as its spread.
 */
export function coldStartPairs(
  file: string,
  floorFile: string,
  request: { method: string; path: string },
  pairs: number,
): ColdStartPairs {
  coldStartOnce(file, request);
  coldStartOnce(floorFile, request);
  const ms: number[] = [];
  const floorMs: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    if (pair % 2 === 0) {
      ms.push(coldStartOnce(file, request));
      floorMs.push(coldStartOnce(floorFile, request));
    } else {
      floorMs.push(coldStartOnce(floorFile, request));
      ms.push(coldStartOnce(file, request));
    }
  }
  const ratios = ms.map((own, index) => own / (floorMs[index] as number)).sort((a, b) => a - b);
  return {
    ms: median(ms),
    floorMs: median(floorMs),
    ratio: median(ratios),
    ratioLow: quantile(ratios, 0.25),
    ratioHigh: quantile(ratios, 0.75),
    pairs,
  };
}
