import { useEffect, useState } from 'react';
import type { DashboardGadgetApi, FollowThroughView } from '../../src/contract/dashboard-gadget-api';
import { resolverClient } from '../shared/api/bridge';
import { useLoad, type LoadState } from '../shared/hooks/use-load';

const call = resolverClient<DashboardGadgetApi>();
// "Updated … ago" is worded in minutes: redrawing it twice a minute keeps it right.
const CLOCK_TICK_MS = 30_000;

/**
 * The gadget's content, read when the gadget opens and on `refresh`. The last answer stays on screen
 * while a refresh runs (`refreshing`), so the numbers never blank out; `now` ticks for the freshness line.
 */
export function useFollowThrough(): {
  state: LoadState<FollowThroughView>;
  refreshing: boolean;
  refresh: () => void;
  now: number;
} {
  const { state, reloading, reload } = useLoad('follow-through', () => call('getFollowThrough', {}), {
    keepWhileReloading: true,
  });
  const [now, setNow] = useState(() => Date.now());

  // Each answer is as of now: the freshness line counts from it.
  useEffect(() => setNow(Date.now()), [state]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(timer);
  }, []);

  return { state, refreshing: state.kind === 'loading' || reloading, refresh: reload, now };
}
