import { useCallback, useEffect, useState } from 'react';
import { callGlobalPage } from '../api/global-page-client';
import { pollTrends, type TrendsState } from '../logic/poll-trends';

/** The backend answers `computing` while the async consumer refreshes; the contract says poll every 3 s. */
export const POLL_INTERVAL_MS = 3000;

const browserSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/** The trend report for a month and project set, polling while a cold refresh runs. */
export function useTrends(month: string, projectKeys: readonly string[]) {
  const [state, setState] = useState<TrendsState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // A joined key so a new array with the same keys does not refetch.
  const projectsKey = projectKeys.join(',');

  useEffect(() => {
    const keys = projectsKey === '' ? [] : projectsKey.split(',');
    return pollTrends({
      fetch: () => callGlobalPage('getTrends', { month, projectKeys: keys }),
      onState: setState,
      schedule: browserSchedule,
      intervalMs: POLL_INTERVAL_MS,
    });
  }, [month, projectsKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
