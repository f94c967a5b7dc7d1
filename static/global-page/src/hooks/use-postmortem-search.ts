import { useCallback, useState } from 'react';
import type { PostmortemSearch, PostmortemSearchHit } from '../../../../src/contract/global-page-api';
import { useLoad, type LoadState } from '../../../shared/hooks/use-load';
import { callGlobalPage } from '../api/global-page-client';

export type SearchState = { kind: 'idle' } | LoadState<{ jql: string; hits: PostmortemSearchHit[] }>;

/** Runs postmortem searches; only the latest search's answer is shown if several overlap. */
export function usePostmortemSearch() {
  // Numbered so that searching the same criteria again asks again.
  const [request, setRequest] = useState<{ number: number; payload: PostmortemSearch }>();
  const { state } = useLoad(request && String(request.number), () =>
    callGlobalPage('searchPostmortems', request?.payload ?? {}),
  );
  const search = useCallback(
    (payload: PostmortemSearch) =>
      setRequest((previous) => ({ number: (previous?.number ?? 0) + 1, payload })),
    [],
  );
  const searchState: SearchState = request ? state : { kind: 'idle' };
  return { state: searchState, search };
}
