import { type ColdStartPairs, coldStartPairs, type PairRatios } from './cold-start';
import { bundle, floorSource } from './esbuild';
import { lambdaFunctions } from './functions';

/** One function's P2 row: bundle bytes and cold start, each beside its floor's. */
export interface FunctionMeasure {
  name: string;
  floor: string;
  bytes: number;
  floorBytes: number;
  /** The file built beside the bundle and imported only when a request needs it, if the function has one. */
  beside: { file: string; bytes: number } | null;
  cold: ColdStartPairs | null;
}

/** Cold-start pairs per function unless told: about two seconds a function on a quiet machine. */
export const DEFAULT_PAIRS = 11;

/** P2: every function's bundle and cold start against its floor, built in the same run (all built first). */
export async function measureFunctions(options: {
  pairs: number;
  coldStarts: boolean;
}): Promise<FunctionMeasure[]> {
  const floors = new Map<string, { bytes: number; file: string }>();
  const built = [];
  for (const fn of lambdaFunctions) {
    const floorKey = fn.clients.join('+') || 'hono';
    let floor = floors.get(floorKey);
    if (!floor) {
      floor = await bundle({ source: floorSource(fn.clients), name: `floor-${floorKey}` });
      floors.set(floorKey, floor);
    }
    const beside = fn.besideBundle
      ? {
          file: fn.besideBundle.file,
          bytes: (await bundle({ import: fn.besideBundle.import, name: fn.name, file: fn.besideBundle.file }))
            .bytes,
        }
      : null;
    built.push({ fn, floorKey, floor, beside, own: await bundle({ entry: `${fn.name}/index.ts` }) });
  }
  return built.map(({ fn, floorKey, floor, beside, own }) => ({
    name: fn.name,
    floor: floorKey,
    bytes: own.bytes,
    floorBytes: floor.bytes,
    beside,
    cold:
      options.coldStarts && fn.request
        ? coldStartPairs(own.file, floor.file, fn.request, options.pairs)
        : null,
  }));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

const pairFigure = (label: string, p: PairRatios) =>
  `${label} ${p.ms.toFixed(0)}/${p.floorMs.toFixed(0)} ms ${times(p.ratio)} (${p.ratioLow.toFixed(2)}–${p.ratioHigh.toFixed(2)})`;

/**
 * P2 as a table: size over the floor, then CPU and wall-clock time of the function and its floor (medians) with the
 * median pair ratio and, in brackets, the pair ratios' quartiles.
 */
export function formatFunctions(rows: FunctionMeasure[]): string[] {
  return rows.flatMap((r) => [
    [
      r.name.padEnd(16),
      kb(r.bytes).padStart(7),
      `(floor ${r.floor}: ${kb(r.floorBytes)}, +${kb(r.bytes - r.floorBytes)})`.padEnd(40),
      r.cold === null
        ? 'event function: size only'
        : `${pairFigure('cpu', r.cold.cpu)}  ${pairFigure('wall', r.cold.wall)}`,
    ].join(' '),
    ...(r.beside
      ? [
          `${''.padEnd(16)} ${kb(r.beside.bytes).padStart(7)} beside it in ${r.beside.file}, loaded only for a file`,
        ]
      : []),
  ]);
}

if (process.argv[1]?.endsWith('measure.ts')) {
  const rows = await measureFunctions({
    pairs: Number(process.env.PAIRS ?? DEFAULT_PAIRS),
    coldStarts: process.env.COLD !== '0',
  });
  console.log(formatFunctions(rows).join('\n'));
}
