import type { TrendsAnswer } from '../../../../src/contract/global-page-api';
import { useLoad } from '../../../shared/hooks/use-load';
import { callGlobalPage } from '../api/global-page-client';

/** The backend answers `computing` while the async consumer refreshes; the contract says poll every 3 s. */
export const POLL_INTERVAL_MS = 3000;

const TRENDS_POLL = {
  everyMs: POLL_INTERVAL_MS,
  while: (answer: TrendsAnswer) => answer.state === 'computing',
};

/** The trend report for a month and project set, asked for again while a cold refresh runs. */
export function useTrends(month: string, projectKeys: readonly string[]) {
  // A joined key so a new array with the same keys does not refetch.
  const key = `${month} ${projectKeys.join(',')}`;
  return useLoad(key, () => callGlobalPage('getTrends', { month, projectKeys: [...projectKeys] }), {
    poll: TRENDS_POLL,
  });
}
