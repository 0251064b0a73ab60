import { DEFAULT_TARGETING_WEIGHTS } from '@antoan/domain';
import { describe, expect, it } from 'vitest';
import { type CapturedHarm, type SimulationResult, simulate } from './targeting-simulation';

const SEEDS = ['1', '2', '3', '4', '5', '6'];

const COLUMNS: Array<[keyof CapturedHarm, string]> = [
  ['targeted', 'targeted'],
  ['targetedWithRandomShare', '+10% random'],
  ['targetedWithGaps', '+gaps'],
  ['targetedWithGapsAndRandomShare', '+gaps+10%'],
  ['selfScoreOnly', 'self-score'],
  ['selfScoreNeverSubmittedFirst', 'self, never 1st'],
  ['random', 'random'],
];

const mean = (values: readonly number[]) => values.reduce((total, value) => total + value, 0) / values.length;
const cell = (text: string, width: number) => text.padStart(width);

/** The shares per seed, their mean, and the mean ratio to random measured in the same run. */
function table(title: string, results: readonly SimulationResult[]): string {
  const widths = COLUMNS.map(([, label]) => Math.max(label.length, 6));
  const row = (label: string, values: readonly string[]) =>
    [label.padEnd(9), ...values.map((value, i) => cell(value, widths[i] ?? 6))].join('  ');
  const average = (pick: (result: SimulationResult) => number) => mean(results.map(pick)).toFixed(1);
  const share = (pick: (column: keyof CapturedHarm) => number) =>
    COLUMNS.map(([column]) => pick(column).toFixed(3));
  return [
    title,
    row(
      'seed',
      COLUMNS.map(([, label]) => label),
    ),
    ...results.map((result) =>
      row(
        result.seed,
        share((column) => result.captured[column]),
      ),
    ),
    row(
      'mean',
      share((column) => mean(results.map((result) => result.captured[column]))),
    ),
    row(
      '× random',
      COLUMNS.map(([column]) =>
        mean(results.map((result) => result.captured[column] / result.captured.random)).toFixed(2),
      ),
    ),
    `Over-reporters in the true top k: ${average((r) => r.overReportersInTopK.total)}; listed by targeted ` +
      `${average((r) => r.overReportersInTopK.listed)}, by +gaps ${average((r) => r.overReportersInTopK.listedWithGaps)} ` +
      `(gaps known for ${average((r) => r.overReporters.caught)} of ${average((r) => r.overReporters.total)} over-reporters).`,
  ].join('\n');
}

describe('targeting against self-score-only and random picks (1,000 synthetic firms, k = 50)', () => {
  const results = SEEDS.map((seed) => simulate({ seed }));
  const longer = SEEDS.map((seed) => simulate({ seed, years: 6 }));
  console.log(
    `${table('Share of the true top-50 harm captured; 2 earlier yearly rounds found the gaps', results)}\n\n${table(
      'The same with 5 earlier rounds',
      longer,
    )}`,
  );

  const ratio = (column: keyof CapturedHarm, baseline: (captured: CapturedHarm) => number) =>
    mean(results.map((result) => result.captured[column] / baseline(result.captured)));
  const bestSelfScore = (captured: CapturedHarm) =>
    Math.max(captured.selfScoreOnly, captured.selfScoreNeverSubmittedFirst);

  it('captures at least 1.5× the harm of random picks, with or without the random share', () => {
    expect(ratio('targeted', (captured) => captured.random)).toBeGreaterThanOrEqual(1.5);
    expect(ratio('targetedWithRandomShare', (captured) => captured.random)).toBeGreaterThanOrEqual(1.5);
  });

  it('captures at least 1.2× the harm of the better self-score-only list', () => {
    expect(ratio('targeted', bestSelfScore)).toBeGreaterThanOrEqual(1.2);
    expect(ratio('targetedWithRandomShare', bestSelfScore)).toBeGreaterThanOrEqual(1.2);
  });

  it('lists more of the worst over-reporters once inspections have revealed credibility gaps', () => {
    const listed = (run: readonly SimulationResult[], key: 'listed' | 'listedWithGaps') =>
      mean(run.map((result) => result.overReportersInTopK[key]));
    expect(listed(results, 'listedWithGaps')).toBeGreaterThanOrEqual(listed(results, 'listed'));
    expect(listed(longer, 'listedWithGaps')).toBeGreaterThan(listed(longer, 'listed'));
  });

  it('is reproducible for a seed', () => {
    expect(simulate({ seed: '1' })).toEqual(results[0]);
  });
});

describe('targeting when 20 % and 40 % of firms over-report by 20–40 points (1,000 synthetic firms, k = 50)', () => {
  const faceValue = { ...DEFAULT_TARGETING_WEIGHTS, unvalidatedScoreWeight: 1 };
  const runs = [0.2, 0.4].map((overReporterShare) => ({
    overReporterShare,
    shrunk: SEEDS.map((seed) => simulate({ seed, overReporterShare })),
    atFaceValue: SEEDS.map((seed) => simulate({ seed, overReporterShare, weights: faceValue })),
  }));
  const bestSelfScore = (captured: CapturedHarm) =>
    Math.max(captured.selfScoreOnly, captured.selfScoreNeverSubmittedFirst);
  const meanOf = (results: readonly SimulationResult[], pick: (result: SimulationResult) => number) =>
    mean(results.map(pick));
  console.log(
    runs
      .map(({ overReporterShare, shrunk, atFaceValue }) =>
        [
          table(
            `${overReporterShare * 100} % over-reporters, unvalidated self-scores shrunk (default)`,
            shrunk,
          ),
          `targeted ÷ better self-score list: ${meanOf(shrunk, (r) => r.captured.targeted / bestSelfScore(r.captured)).toFixed(2)} ` +
            `(with the 10 % random share ${meanOf(shrunk, (r) => r.captured.targetedWithRandomShare / bestSelfScore(r.captured)).toFixed(2)}); ` +
            `over-reporters of the true top k listed: ${meanOf(shrunk, (r) => r.overReportersInTopK.listed).toFixed(1)} ` +
            `against ${meanOf(atFaceValue, (r) => r.overReportersInTopK.listed).toFixed(1)} with self-scores at face value`,
        ].join('\n'),
      )
      .join('\n\n'),
  );

  it.each(runs)(
    'captures at least 1.25× the harm of the better self-score list with $overReporterShare over-reporters',
    ({ shrunk }) => {
      expect(meanOf(shrunk, (r) => r.captured.targeted / bestSelfScore(r.captured))).toBeGreaterThanOrEqual(
        1.25,
      );
      expect(
        meanOf(shrunk, (r) => r.captured.targetedWithRandomShare / bestSelfScore(r.captured)),
      ).toBeGreaterThanOrEqual(1.25);
      expect(meanOf(shrunk, (r) => r.captured.targeted / r.captured.random)).toBeGreaterThanOrEqual(1.5);
    },
  );

  it.each(runs)(
    'lists more over-reporters of the true top k than self-scores taken at face value ($overReporterShare)',
    ({ shrunk, atFaceValue }) => {
      expect(meanOf(shrunk, (r) => r.overReportersInTopK.listed)).toBeGreaterThan(
        meanOf(atFaceValue, (r) => r.overReportersInTopK.listed),
      );
    },
  );
});
