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

/** One page of a list as the API returns it. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list read a page at a time with the API's cursor. */
export interface PagedList<T> {
  /** The items of every page read so far. */
  items: T[];
  /** Where the next page starts; null when the last page has been read. */
  nextCursor: string | null;
  loading: boolean;
  /** Whether the last page has been read (an empty list is only "empty" once this is true). */
  done: boolean;
  error: unknown;
  /** Reads the next page (after an error, the page that failed). */
  more(): void;
  /** Reads the list again from its first page. */
  reload(): void;
}

/**
 * A list read page by page: the first page now and whenever `key` changes (a late answer for an older key is
 * ignored), the next one on `more()`. A filtered page can be short (the API filters within what it read), so pages
 * keep coming while there is a cursor.
 */
export function usePagedList<T>(
  key: string,
  loadPage: (cursor: string | null) => Promise<PageOf<T>>,
): PagedList<T> {
  const [state, setState] = useState<{
    key: string;
    items: T[];
    nextCursor: string | null;
    loading: boolean;
    error?: unknown;
  }>({ key, items: [], nextCursor: null, loading: true });
  // The page asked for: the first (cursor null) or the one at a cursor; `n` makes asking again read again.
  const [request, setRequest] = useState<{ key: string; cursor: string | null; n: number }>({
    key,
    cursor: null,
    n: 0,
  });
  const asked = request.key === key ? request : { key, cursor: null, n: -1 };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `asked` name the page `loadPage` reads.
  useEffect(() => {
    let current = true;
    const { cursor } = asked;
    setState((previous) =>
      previous.key === key
        ? { ...previous, loading: true, error: undefined }
        : { key, items: [], nextCursor: null, loading: true },
    );
    loadPage(cursor).then(
      (page) =>
        current &&
        setState((previous) => ({
          key,
          items: cursor === null ? page.items : [...previous.items, ...page.items],
          nextCursor: page.nextCursor,
          loading: false,
        })),
      (error: unknown) => current && setState((previous) => ({ ...previous, loading: false, error })),
    );
    return () => {
      current = false;
    };
  }, [key, asked.cursor, asked.n]);
  const fresh = state.key === key;
  const failed = fresh && state.error !== undefined;
  const nextCursor = fresh && !failed ? state.nextCursor : null;
  const loading = !fresh || state.loading;
  return {
    items: fresh ? state.items : [],
    nextCursor,
    loading,
    done: !loading && !failed && state.nextCursor === null,
    error: fresh ? state.error : undefined,
    more: () =>
      setRequest((previous) => ({
        key,
        cursor: failed ? asked.cursor : (state.nextCursor ?? null),
        n: Math.max(previous.n, 0) + 1,
      })),
    reload: () => setRequest((previous) => ({ key, cursor: null, n: Math.max(previous.n, 0) + 1 })),
  };
}
