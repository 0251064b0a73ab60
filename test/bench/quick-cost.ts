import { assessmentCost, formatCost } from './cost';
import { startBench } from './harness';

const bench = await startBench();
try {
  for (const perSave of [10, 1])
    console.log(formatCost(await assessmentCost(bench, perSave, perSave)).join('\n'));
} finally {
  await bench.stop();
}
