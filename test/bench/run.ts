/**
 * `pnpm bench`: the cost and speed figures of issue 13, on this machine, against DynamoDB Local and the local S3
 * server. Flags: `--skip-100k` (seeding 100,000 firms takes minutes), `--runs=N` (route timings), `--cold-pairs=N`
 * (cold starts, P2), `--only=p1,p4` (some parts only).
 */
import { DEFAULT_PAIRS, formatFunctions, measureFunctions } from '../../functions/bundling/measure';
import { assessmentCost, formatCost, formatSteps } from './cost';
import { startBench } from './harness';
import { routeRatios } from './routes';
import { growCity, targetList, ZONES } from './scale';

const args = new Set(process.argv.slice(2));
const runs = Number([...args].find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
/** Cold-start pairs per function in P2: `--cold-pairs=N`. */
const coldPairs = Number(
  [...args].find((a) => a.startsWith('--cold-pairs='))?.slice('--cold-pairs='.length) ?? DEFAULT_PAIRS,
);
const sizes = args.has('--skip-100k') ? [1_000, 10_000] : [1_000, 10_000, 100_000];
/** `--only=p2,p4` runs some parts only. */
const only = [...args]
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const part = (name: string) => only === undefined || only.includes(name);
const goals: string[] = [];
const goal = (name: string, met: boolean, figure: string) =>
  goals.push(`${met ? 'MET    ' : 'NOT MET'} ${name}: ${figure}`);
const x = (n: number) => `${n.toFixed(2)}×`;

const bench = await startBench();
try {
  if (part('p1')) {
    console.log('\nP1 — each main route against the raw SDK calls it needs (median of', runs * 2, 'runs)');
    const p1 = await routeRatios(bench, runs * 2);
    for (const r of p1)
      console.log(
        `  ${r.name.padEnd(34)} route ${r.routeMs.toFixed(1)} ms  raw ${r.rawMs.toFixed(1)} ms  ${x(r.ratio)}  (DynamoDB rounds: route ${r.routeRounds}, raw ${r.rawRounds})`,
      );
    const worstP1 = p1.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    goal('P1 route ≤ 1.5× raw SDK', worstP1.ratio <= 1.5, `worst ${worstP1.name} ${x(worstP1.ratio)}`);
  }
  if (part('p2')) {
    console.log(
      `\nP2 — cold start (fresh Node process, one request) and bundle size vs floor: ${coldPairs} pairs of the function and its floor back to back; CPU and wall-clock medians (function/floor), the median pair ratio and (its quartiles). The goal reads CPU time`,
    );
    const p2 = await measureFunctions({ pairs: coldPairs, coldStarts: true });
    for (const line of formatFunctions(p2)) console.log(`  ${line}`);
    const worstP2 = p2.reduce((a, b) => ((b.cold?.cpu.ratio ?? 0) > (a.cold?.cpu.ratio ?? 0) ? b : a));
    const worstCpu = worstP2.cold?.cpu;
    const worstWall = p2.reduce((a, b) => ((b.cold?.wall.ratio ?? 0) > (a.cold?.wall.ratio ?? 0) ? b : a));
    goal(
      'P2 cold start ≤ 1.3× floor',
      (worstCpu?.ratio ?? 0) <= 1.3,
      `worst ${worstP2.name} ${x(worstCpu?.ratio ?? 0)} CPU (quartiles ${worstCpu?.ratioLow.toFixed(2)}–${worstCpu?.ratioHigh.toFixed(2)}); worst wall-clock ${worstWall.name} ${x(worstWall.cold?.wall.ratio ?? 0)}`,
    );
    const worstBytes = p2.reduce((a, b) => (b.bytes - b.floorBytes > a.bytes - a.floorBytes ? b : a));
    console.log(
      `  largest addition over its floor: ${worstBytes.name} +${((worstBytes.bytes - worstBytes.floorBytes) / 1024).toFixed(0)} KB (the budget test counts the checklist data apart)`,
    );
  }
  if (part('p3')) {
    console.log(`\nP3 — GET /v1/targets?limit=50 as the city grows (${ZONES} zones); ratios to 1,000 firms`);
    if (sizes.includes(100_000))
      console.log('  (seeding 100,000 firms takes several minutes; --skip-100k skips it)');
    const p3: Array<{
      firms: number;
      all: Awaited<ReturnType<typeof targetList>>;
      one: Awaited<ReturnType<typeof targetList>>;
    }> = [];
    let firms = 0;
    for (const size of sizes) {
      await growCity(bench.db, firms, size);
      firms = size;
      const sample = async (zoneId?: string) => {
        const lists = [];
        for (let run = 0; run < runs; run++) lists.push(await targetList(bench.db, zoneId));
        lists.sort((a, b) => a.ms - b.ms);
        return lists[Math.floor(lists.length / 2)] as Awaited<ReturnType<typeof targetList>>;
      };
      p3.push({ firms: size, all: await sample(), one: await sample('city-3') });
    }
    const base = p3[0] as (typeof p3)[number];
    let worstP3 = 0;
    let worstReadShare = 0;
    for (const row of p3) {
      for (const [label, list, first] of [
        ['all zones', row.all, base.all],
        ['one zone ', row.one, base.one],
      ] as const) {
        const latency = list.ms / first.ms;
        const items = list.read / first.read;
        worstP3 = Math.max(worstP3, latency, items);
        worstReadShare = Math.max(worstReadShare, list.read / list.returned);
        console.log(
          `  ${String(row.firms).padStart(7)} firms, ${label}: returned ${list.returned}, read ${list.read} (${x(list.read / list.returned)} returned), ${list.ms.toFixed(1)} ms; vs 1,000: items ${x(items)}, latency ${x(latency)}`,
        );
      }
    }
    goal(
      'P3 items and latency ≤ 1.3× of 1,000 firms',
      worstP3 <= 1.3,
      `worst ${x(worstP3)} at ${firms} firms`,
    );
    goal('targets reads ≤ ~3× returned', worstReadShare <= 3, `worst ${x(worstReadShare)}`);
  }
  if (part('p4')) {
    console.log(
      '\nP4 — dollars per 1,000 self-assessments (measured capacity units and requests, on-demand prices)',
    );
    const ten = await assessmentCost(bench, 8001, 10);
    const one = await assessmentCost(bench, 8002, 1);
    for (const cost of [ten, one]) for (const line of formatCost(cost)) console.log(`  ${line}`);
    for (const cost of [ten, one]) for (const line of formatSteps(cost)) console.log(`  ${line}`);
    goal(
      'P4 ≤ $0.08 per 1,000 at 10 answers/save',
      ten.dollarsPer1000 <= 0.08,
      `$${ten.dollarsPer1000.toFixed(4)}`,
    );
    const floor = one.floor;
    console.log(
      floor.dollarsPer1000 > 0.15
        ? `  floor at 1 answer/save: $${floor.dollarsPer1000.toFixed(4)} — the goal ($0.15) is below the floor because every answer is its own save: ${one.saves} saves are ${one.saves} HTTP API requests ($${floor.parts.httpApi.toFixed(4)} with the other ${one.apiRequests - one.saves}), ${one.lambdaInvocations} Lambda invocations ($${floor.parts.lambdaRequests.toFixed(4)}) and at least ${one.saves} WRU ($${floor.parts.saveWrites.toFixed(4)}), and one S3 PUT per evidence file ($${floor.parts.uploads.toFixed(4)}), before any read, Lambda time or other write. Only fewer saves than answers can meet it.`
        : `  floor at 1 answer/save: $${floor.dollarsPer1000.toFixed(4)} (the goal is above it)`,
    );
    console.log(
      `  floor at 10 answers/save: $${ten.floor.dollarsPer1000.toFixed(4)}; above the floor at 1 answer/save: $${(one.dollarsPer1000 - floor.dollarsPer1000).toFixed(4)}, at 10: $${(ten.dollarsPer1000 - ten.floor.dollarsPer1000).toFixed(4)}`,
    );
    goal(
      'P4 ≤ $0.15 per 1,000 at 1 answer/save',
      one.dollarsPer1000 <= 0.15,
      `$${one.dollarsPer1000.toFixed(4)}${floor.dollarsPer1000 > 0.15 ? ` (out of reach: the floor at one save per answer is $${floor.dollarsPer1000.toFixed(4)})` : ''}`,
    );
    const maxSave = Math.max(...ten.wruPerSave, ...one.wruPerSave);
    goal('≤ 2 WRU per autosave of up to 10 answers', maxSave <= 2, `max ${maxSave} WRU`);
    goal(
      'evidence ≤ 2 S3 PUT-class requests per file',
      ten.meter.s3Put / 3 <= 2,
      `${(ten.meter.s3Put / 3).toFixed(1)} per file`,
    );
  }
} finally {
  await bench.stop();
}
console.log(`\nGoals\n${goals.map((line) => `  ${line}`).join('\n')}`);
