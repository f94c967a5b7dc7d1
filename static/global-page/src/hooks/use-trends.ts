import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { TrendsView } from '../../../../src/contract/global-page-api';
import { callGlobalPage } from '../api/global-page-client';

/** The backend answers `computing` while the async consumer refreshes; the contract says poll every 3 s. */
export const POLL_INTERVAL_MS = 3000;

export type TrendsState =
  | { kind: 'loading' }
  | { kind: 'computing'; startedAt: string }
  | { kind: 'ready'; trends: TrendsView }
  | { kind: 'error'; error: AppErrorShape };

/** The trend report for a month and project set, polling while a cold refresh runs. */
export function useTrends(month: string, projectKeys: readonly string[]) {
  const [state, setState] = useState<TrendsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // A joined key so a new array with the same keys does not refetch.
  const projectsKey = projectKeys.join(',');

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const keys = projectsKey === '' ? [] : projectsKey.split(',');
    setState({ kind: 'loading' });
    const load = async (): Promise<void> => {
      const result = await callGlobalPage('getTrends', { month, projectKeys: keys });
      if (cancelled) return;
      if (!result.ok) {
        setState({ kind: 'error', error: result.error });
        return;
      }
      const answer = result.data;
      if (answer.state === 'ready') {
        setState({ kind: 'ready', trends: answer.trends });
        return;
      }
      setState({ kind: 'computing', startedAt: answer.startedAt });
      timer = setTimeout(() => void load(), POLL_INTERVAL_MS);
    };
    void load();
    return () => {
      cancelled = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [month, projectsKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
