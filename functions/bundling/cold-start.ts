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

/** One cold start's times, in milliseconds. */
export interface ColdStart {
  /** From the process's time origin to the end of the answer. */
  ms: number;
  /** CPU time the process used by then, every thread (V8 compiles and collects garbage on threads of its own). */
  cpuMs: number;
}

/**
 * One cold start: a fresh Node process imports the bundle and answers one API Gateway (payload 2.0) request.
 */
export function coldStartOnce(file: string, request = { method: 'GET', path: '/v1/health' }): ColdStart {
  const script = `
const { handler } = await import(${JSON.stringify(`file://${file}`)});
const event = { version: '2.0', routeKey: '$default', rawPath: ${JSON.stringify(request.path)}, rawQueryString: '',
  headers: { host: 'api.example.test' }, isBase64Encoded: false,
  requestContext: { accountId: '1', apiId: 'a', domainName: 'api.example.test', domainPrefix: 'api',
    http: { method: ${JSON.stringify(request.method)}, path: ${JSON.stringify(request.path)}, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'bench' },
    requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0 } };
const response = await handler(event, {});
const ms = performance.now();
const cpu = process.cpuUsage();
if (!response || typeof response.statusCode !== 'number') throw new Error('no answer');
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...lambdaEnv },
    encoding: 'utf8',
    // The SDK warns on Node 20 about its future Node floor; the floor and the functions pay that alike.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out) as ColdStart;
}

/** The median of a list of numbers. */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The value at quantile `q` (0–1) of a sorted list, interpolated. */
const quantile = (sorted: number[], q: number): number => {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] as number;
  const high = sorted[Math.ceil(at)] as number;
  return low + (high - low) * (at - Math.floor(at));
};

/** The pair ratios of one measure (function / floor): their median, the figure, and their quartiles, its spread. */
export interface PairRatios {
  /** Medians of the function's and of the floor's runs, in milliseconds. */
  ms: number;
  floorMs: number;
  ratio: number;
  ratioLow: number;
  ratioHigh: number;
}

/** A function's cold starts against its floor's, taken pair by pair: wall-clock and CPU time. */
export interface ColdStartPairs {
  pairs: number;
  wall: PairRatios;
  /**
   * CPU time: the figure the goal reads. A Lambda function at 512 MB has about a third of a vCPU, so its init is
   * bound by the CPU it needs; and on a shared machine CPU time varies far less than wall-clock time, which counts
   * every wait for a core.
   */
  cpu: PairRatios;
}

const pairRatios = (own: number[], floor: number[]): PairRatios => {
  const ratios = own.map((value, index) => value / (floor[index] as number)).sort((a, b) => a - b);
  return {
    ms: median(own),
    floorMs: median(floor),
    ratio: median(ratios),
    ratioLow: quantile(ratios, 0.25),
    ratioHigh: quantile(ratios, 0.75),
  };
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
  const own: ColdStart[] = [];
  const floor: ColdStart[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    if (pair % 2 === 0) {
      own.push(coldStartOnce(file, request));
      floor.push(coldStartOnce(floorFile, request));
    } else {
      floor.push(coldStartOnce(floorFile, request));
      own.push(coldStartOnce(file, request));
    }
  }
  return {
    pairs,
    wall: pairRatios(
      own.map((run) => run.ms),
      floor.map((run) => run.ms),
    ),
    cpu: pairRatios(
      own.map((run) => run.cpuMs),
      floor.map((run) => run.cpuMs),
    ),
  };
}
