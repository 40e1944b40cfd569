import { useCallback, useEffect, useRef, useState } from 'react';
import { toCallError, type ResolverCallError } from './envelope';

export type LoadState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ResolverCallError }
  | { status: 'ready'; data: T; error?: undefined };

export interface Loaded<T> {
  state: LoadState<T>;
  /** True while a reload runs with data already on screen (no layout jump: the old data stays). */
  refreshing: boolean;
  reload: () => void;
  /** Replace the data with a newer answer (e.g. the result of a mutation). */
  setData: (data: T) => void;
}

/**
 * Runs `load` on mount and whenever `key` changes; answers that arrive after a
 * newer request started are dropped, so a slow response never overwrites a fresh one.
 */
export function useLoad<T>(args: { load: () => Promise<T>; key: string }): Loaded<T> {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [refreshing, setRefreshing] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(args.load);
  loadRef.current = args.load;

  useEffect(() => {
    const request = ++latest.current;
    setRefreshing(true);
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    loadRef.current().then(
      (data) => {
        if (request !== latest.current) return;
        setState({ status: 'ready', data });
        setRefreshing(false);
      },
      (error: unknown) => {
        if (request !== latest.current) return;
        setState({ status: 'error', error: toCallError(error) });
        setRefreshing(false);
      },
    );
  }, [args.key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((data: T) => {
    latest.current++;
    setRefreshing(false);
    setState({ status: 'ready', data });
  }, []);
  return { state, refreshing, reload, setData };
}
