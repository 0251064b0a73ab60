import type { AnswerInput as Answer } from '@antoan/schemas';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AutosaveOptions, AutosaveQueue, type SaveOutcome, type SaveState } from './autosave';

/** A queue over a fake server whose answers the test decides. */
function harness(respond: (answers: Record<string, Answer>, version: number) => Promise<SaveOutcome>) {
  const sent: Array<{ answers: Record<string, Answer>; version: number }> = [];
  const states: SaveState['kind'][] = [];
  const lost: Array<{ itemIds: string[]; cause: string }> = [];
  const options: AutosaveOptions = {
    version: 1,
    save: (answers, version) => {
      sent.push({ answers, version });
      return respond(answers, version);
    },
    onState: (state) => states.push(state.kind),
    onLost: (itemIds, cause) => lost.push({ itemIds, cause }),
    isRetriable: (error) => !(error instanceof RangeError),
    delayMs: 500,
    retryMs: 2000,
  };
  return { queue: new AutosaveQueue(options), sent, states, lost };
}

const bumpVersion = async (_answers: Record<string, Answer>, version: number): Promise<SaveOutcome> => ({
  status: 'saved',
  version: version + 1,
});

describe('AutosaveQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause, then sends the changes in one PATCH with the current version', async () => {
    const { queue, sent, states } = harness(bumpVersion);
    queue.set('I-1-1', { value: 'compliant' });
    await vi.advanceTimersByTimeAsync(300);
    queue.set('I-1-2', { value: 'partial' });
    queue.set('I-1-1', { value: 'non_compliant', note: 'guard missing' });
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toEqual([
      {
        answers: {
          'I-1-1': { value: 'non_compliant', note: 'guard missing' },
          'I-1-2': { value: 'partial' },
        },
        version: 1,
      },
    ]);
    expect(states.at(-1)).toBe('saved');
    expect(queue.version).toBe(2);
    expect(queue.hasUnsaved).toBe(false);
  });

  it('never overlaps saves: a change made during a save goes next, with the version that save returned', async () => {
    let release: (() => void) | undefined;
    const { queue, sent } = harness(async (answers, version) => {
      if (sent.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return bumpVersion(answers, version);
    });
    queue.set('a', { value: 'compliant' });
    await vi.advanceTimersByTimeAsync(500);
    queue.set('b', { value: 'compliant' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toHaveLength(1);
    release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((save) => [Object.keys(save.answers), save.version])).toEqual([
      [['a'], 1],
      [['b'], 2],
    ]);
    expect(queue.hasUnsaved).toBe(false);
  });

  it('keeps failed changes and retries them, newer changes winning', async () => {
    let failures = 1;
    const { queue, sent, states } = harness(async (answers, version) => {
      if (failures-- > 0) throw new Error('network down');
      return bumpVersion(answers, version);
    });
    queue.set('a', { value: 'compliant' });
    queue.set('b', { value: 'partial' });
    await vi.advanceTimersByTimeAsync(500);
    expect(states.at(-1)).toBe('retrying');
    queue.set('b', { value: 'non_compliant' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.at(-1)?.answers).toEqual({ b: { value: 'non_compliant' }, a: { value: 'compliant' } });
    expect(states.at(-1)).toBe('saved');
  });

  it('on 412 reports every unsaved item as lost and sends nothing more until reset', async () => {
    const { queue, sent, lost, states } = harness(async () => ({ status: 'conflict' }));
    queue.set('a', { value: 'compliant' });
    await vi.advanceTimersByTimeAsync(500);
    expect(lost).toEqual([{ itemIds: ['a'], cause: 'conflict' }]);
    expect(states.at(-1)).toBe('lost');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);
    queue.reset(7);
    expect(queue.version).toBe(7);
    expect(queue.hasUnsaved).toBe(false);
  });

  it('does not retry a change the server refused, and says which items were not saved', async () => {
    const { queue, sent, lost } = harness(async () => {
      throw new RangeError('400: evidence is not verified');
    });
    queue.set('a', { value: 'compliant', evidenceIds: ['x'] });
    expect(await queue.flush()).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toHaveLength(1);
    expect(lost).toEqual([{ itemIds: ['a'], cause: 'rejected' }]);
  });

  it('flush saves at once and resolves once everything is saved (before submitting)', async () => {
    const { queue, sent } = harness(bumpVersion);
    queue.set('a', { value: 'compliant' });
    expect(await queue.flush()).toBe(true);
    expect(sent).toHaveLength(1);
    expect(await queue.flush()).toBe(true);
    expect(sent).toHaveLength(1);
  });
});
