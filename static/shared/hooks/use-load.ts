import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../src/contract/errors';
import { startPolling } from '../logic/poller';

/** What a page shows of something it loads: a loading state, the error (with a retry), or the data. */
export type LoadState<T> =
  { kind: 'loading' } | { kind: 'error'; error: AppErrorShape } | { kind: 'ready'; data: T };

export interface LoadOptions<T> {
  /** Ask again every `everyMs` while the answer says the server is still working on it. */
  poll?: { everyMs: number; while: (data: T) => boolean };
  /** On `reload`, keep the last answer on screen (`reloading` is true) instead of showing `loading`. */
  keepWhileReloading?: boolean;
}

/**
 * Loads what a page shows, once per `key`: `loading` until the answer, then `ready` or `error`.
 * `reload` asks again (the error's retry), showing `loading` meanwhile — or, with `keepWhileReloading`,
 * the last answer with `reloading` true (a refresh that must not blank the numbers); a new `key` loads anew, and
 * the answer to an older key or attempt is dropped, so a late answer never replaces a newer one.
 * With `key` undefined there is nothing to load yet and the state stays `loading`.
 * `update` changes the loaded data in place (the server answered a newer version with a save).
 */
export function useLoad<T>(
  key: string | undefined,
  load: () => Promise<Result<T>>,
  options: LoadOptions<T> = {},
) {
  const [attempt, setAttempt] = useState(0);
  // Each answer remembers what it answered: an answer to an older key or attempt is never shown.
  const [answer, setAnswer] = useState<{ key: string; request: string; state: LoadState<T> }>();
  const request = key === undefined ? undefined : `${attempt} ${key}`;
  // The latest closures: they may capture values the key stands for, without being dependencies.
  const latest = useRef({ load, options });
  latest.current = { load, options };

  useEffect(() => {
    if (key === undefined || request === undefined) return;
    const { poll } = latest.current.options;
    return startPolling({
      fetch: () => latest.current.load(),
      intervalMs: poll?.everyMs ?? 0,
      onAnswer: (result) => {
        setAnswer({
          key,
          request,
          state: result.ok ? { kind: 'ready', data: result.data } : { kind: 'error', error: result.error },
        });
        return result.ok && poll !== undefined && poll.while(result.data);
      },
    });
  }, [key, request]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setAnswer((current) =>
        current?.state.kind === 'ready'
          ? { ...current, state: { kind: 'ready', data: change(current.state.data) } }
          : current,
      ),
    [],
  );
  const fresh = answer !== undefined && answer.request === request;
  // An answer for this key from an earlier attempt: shown while the reload runs, if the page asked.
  const reloading =
    !fresh && options.keepWhileReloading === true && answer !== undefined && answer.key === key;
  const state: LoadState<T> = answer !== undefined && (fresh || reloading) ? answer.state : LOADING;
  return { state, reloading, reload, update };
}

const LOADING = { kind: 'loading' } as const;
