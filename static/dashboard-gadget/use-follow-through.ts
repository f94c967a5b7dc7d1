import { useCallback, useEffect, useState } from 'react';
import type { DashboardGadgetApi, FollowThroughView } from '../../src/contract/dashboard-gadget-api';
import type { Result } from '../../src/contract/errors';
import { resolverClient } from '../shared/api/bridge';

const call = resolverClient<DashboardGadgetApi>();
// "Updated … ago" is worded in minutes: redrawing it twice a minute keeps it right.
const CLOCK_TICK_MS = 30_000;

/**
 * The gadget's content, read when the gadget opens and on `refresh`. The previous answer stays on
 * screen while a refresh runs (`refreshing`), so the numbers never blank out; `now` ticks for the
 * freshness line.
 */
export function useFollowThrough(): {
  result: Result<FollowThroughView> | undefined;
  refreshing: boolean;
  refresh: () => void;
  now: number;
} {
  const [result, setResult] = useState<Result<FollowThroughView>>();
  const [refreshing, setRefreshing] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let current = true;
    setRefreshing(true);
    void call('getFollowThrough', {}).then((answer) => {
      if (!current) return;
      setResult(answer);
      setRefreshing(false);
      setNow(Date.now());
    });
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, refreshing, refresh, now };
}
