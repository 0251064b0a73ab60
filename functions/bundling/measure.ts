import { coldStartPair } from './cold-start';
import { bundle, floorSource } from './esbuild';
import { lambdaFunctions } from './functions';

/** One function's P2 row: bundle bytes and cold start, each beside its floor's. */
export interface FunctionMeasure {
  name: string;
  floor: string;
  bytes: number;
  floorBytes: number;
  ms: number | null;
  floorMs: number | null;
}

/** P2: every function's bundle and cold start against its floor, built in the same run (all built first). */
export async function measureFunctions(options: {
  runs: number;
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
    built.push({ fn, floorKey, floor, own: await bundle({ entry: `${fn.name}/index.ts` }) });
  }
  return built.map(({ fn, floorKey, floor, own }) => {
    const times =
      options.coldStarts && fn.request ? coldStartPair(own.file, floor.file, fn.request, options.runs) : null;
    return {
      name: fn.name,
      floor: floorKey,
      bytes: own.bytes,
      floorBytes: floor.bytes,
      ms: times?.ms ?? null,
      floorMs: times?.floorMs ?? null,
    };
  });
}

/** P2 as a table. */
export function formatFunctions(rows: FunctionMeasure[]): string[] {
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  return rows.map((r) =>
    [
      r.name.padEnd(16),
      kb(r.bytes).padStart(7),
      `(floor ${r.floor}: ${kb(r.floorBytes)}, +${kb(r.bytes - r.floorBytes)})`.padEnd(40),
      r.ms === null || r.floorMs === null
        ? 'event function: size only'
        : `cold ${r.ms.toFixed(0)} ms vs floor ${r.floorMs.toFixed(0)} ms = ${(r.ms / r.floorMs).toFixed(2)}×`,
    ].join(' '),
  );
}

if (process.argv[1]?.endsWith('measure.ts')) {
  const rows = await measureFunctions({
    runs: Number(process.env.RUNS ?? 5),
    coldStarts: process.env.COLD !== '0',
  });
  console.log(formatFunctions(rows).join('\n'));
}
