import { useCallback, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { PostmortemSearch, PostmortemSearchHit } from '../../../../src/contract/global-page-api';
import { callGlobalPage } from '../api/global-page-client';

export type SearchState =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; jql: string; hits: PostmortemSearchHit[] }
  | { kind: 'error'; error: AppErrorShape };

/** Runs postmortem searches; only the latest search's answer is shown if several overlap. */
export function usePostmortemSearch() {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const latest = useRef(0);

  const search = useCallback(async (payload: PostmortemSearch) => {
    const id = latest.current + 1;
    latest.current = id;
    setState({ kind: 'searching' });
    const result = await callGlobalPage('searchPostmortems', payload);
    if (id !== latest.current) return;
    setState(
      result.ok
        ? { kind: 'done', jql: result.data.jql, hits: result.data.hits }
        : { kind: 'error', error: result.error },
    );
  }, []);

  return { state, search };
}
