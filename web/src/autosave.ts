import type { AnswerInput as Answer } from '@antoan/schemas';

/** What the save indicator shows. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'retrying'; error: unknown }
  | { kind: 'lost'; itemIds: string[]; cause: 'conflict' | 'rejected'; error?: unknown };

/** What one save did: the draft's new version, or a 412 (someone else changed the draft since we read it). */
export type SaveOutcome = { status: 'saved'; version: number } | { status: 'conflict' };

/** What {@link AutosaveQueue} needs. */
export interface AutosaveOptions {
  /** The draft's version as last read (sent as `If-Match`). */
  version: number;
  /** Sends the answers (a PATCH with `If-Match: "<version>"`); throws on any failure but a 412. */
  save(answers: Record<string, Answer>, version: number): Promise<SaveOutcome>;
  onState(state: SaveState): void;
  /**
   * Called when answers could not be saved and will not be retried: after a 412, or when the server refused
   * them. The caller reloads the draft and calls {@link AutosaveQueue.reset}.
   */
  onLost(itemIds: string[], cause: 'conflict' | 'rejected'): void;
  /** Whether a failed save is worth repeating (network, 5xx); by default every failure is. */
  isRetriable?(error: unknown): boolean;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Wait before repeating a failed save. */
  retryMs?: number;
}

/**
 * Debounced autosave of checklist answers: changes made close together go out in one PATCH, a change to an item
 * replaces its earlier pending change, and saves never overlap (each carries the version the previous returned).
 */
export class AutosaveQueue {
  readonly #options: AutosaveOptions;
  readonly #pending = new Map<string, Answer>();
  #version: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<boolean> | undefined;
  #lastSaveOk = true;

  constructor(options: AutosaveOptions) {
    this.#options = options;
    this.#version = options.version;
  }

  /** The draft version the next save will send. */
  get version(): number {
    return this.#version;
  }

  /** Whether some change is not yet confirmed by the server. */
  get hasUnsaved(): boolean {
    return this.#pending.size > 0 || this.#inFlight !== undefined;
  }

  /** Queues an item's answer; it is saved once changes pause. */
  set(itemId: string, answer: Answer): void {
    this.#pending.set(itemId, answer);
    this.#options.onState({ kind: 'pending' });
    this.#schedule(this.#options.delayMs ?? 800);
  }

  /** Saves whatever is queued now; resolves true when everything is saved. */
  async flush(): Promise<boolean> {
    this.#cancelTimer();
    while (this.#inFlight) await this.#inFlight;
    if (this.#pending.size === 0) return this.#lastSaveOk;
    const sending = this.#send();
    this.#inFlight = sending;
    try {
      return await sending;
    } finally {
      this.#inFlight = undefined;
    }
  }

  /** Starts again from a freshly read draft, dropping anything queued. */
  reset(version: number): void {
    this.#cancelTimer();
    this.#pending.clear();
    this.#version = version;
    this.#lastSaveOk = true;
  }

  async #send(): Promise<boolean> {
    const answers = Object.fromEntries(this.#pending);
    this.#pending.clear();
    this.#options.onState({ kind: 'saving' });
    try {
      const outcome = await this.#options.save(answers, this.#version);
      if (outcome.status === 'conflict') {
        this.#loseAll(Object.keys(answers), 'conflict');
        return false;
      }
      this.#version = outcome.version;
      this.#lastSaveOk = true;
      // Changes made while this save was on its way already have their own timer.
      this.#options.onState(this.#pending.size === 0 ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    } catch (error) {
      this.#lastSaveOk = false;
      if (!(this.#options.isRetriable?.(error) ?? true)) {
        this.#loseAll(Object.keys(answers), 'rejected', error);
        return false;
      }
      // Changes made while this save was on its way are newer: keep them over the ones that failed.
      for (const [itemId, answer] of Object.entries(answers)) {
        if (!this.#pending.has(itemId)) this.#pending.set(itemId, answer);
      }
      this.#options.onState({ kind: 'retrying', error });
      this.#schedule(this.#options.retryMs ?? 3000);
      return false;
    }
  }

  #loseAll(sentIds: string[], cause: 'conflict' | 'rejected', error?: unknown): void {
    const itemIds = [...new Set([...sentIds, ...this.#pending.keys()])];
    this.#pending.clear();
    this.#cancelTimer();
    this.#lastSaveOk = false;
    this.#options.onState({ kind: 'lost', itemIds, cause, ...(error === undefined ? {} : { error }) });
    this.#options.onLost(itemIds, cause);
  }

  #schedule(delayMs: number): void {
    this.#cancelTimer();
    this.#timer = setTimeout(() => void this.flush(), delayMs);
  }

  #cancelTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
