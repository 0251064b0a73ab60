import { useCallback, useEffect, useState } from 'react';

/** A value loaded from the API: loading, loaded, or failed, with a way to load it again. */
export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the loaded value without asking the server (after a write that returned it). */
  set(value: T): void;
}

/**
 * Loads `load()` now and whenever `key` changes; a late answer for an older key is ignored. A null key waits (for
 * what the load depends on) without loading.
 */
export function useResource<T>(key: string | null, load: () => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown; loading: boolean }>({
    key,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what `load` reads; `generation` forces a reload.
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setState((previous) => ({ ...previous, key, loading: true }));
    load().then(
      (data) => current && setState({ key, data, loading: false }),
      (error: unknown) => current && setState({ key, error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const set = useCallback((data: T) => setState({ key, data, loading: false }), [key]);
  const fresh = state.key === key;
  return {
    data: fresh ? state.data : undefined,
    error: fresh ? state.error : undefined,
    loading: !fresh || state.loading,
    reload,
    set,
  };
}
