// Loads something from the API for a page: the answer, the server's error message, and a way to load it again.
import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], opts: { pollMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const run = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    run().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (err: Error) => {
        if (!live) return;
        setError(err.message);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [run, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  // Pages that show what controllers change (sync and health, connection states) ask again now and then.
  useEffect(() => {
    if (!opts.pollMs) return;
    const timer = setInterval(reload, opts.pollMs);
    return () => clearInterval(timer);
  }, [opts.pollMs, reload]);
  return { data, error, loading, reload };
}

/** What a page shows while it loads or when the server refused. */
export function LoadState({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.error)
    return (
      <p className="error" role="alert">
        {loaded.error}
      </p>
    );
  if (loaded.loading && loaded.data === undefined) return <p className="muted">Loading {what}…</p>;
  return null;
}
