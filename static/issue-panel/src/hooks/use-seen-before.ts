import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { SeenBeforeView } from '../../../../src/contract/history-api';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';

export type SeenBeforeState =
  { kind: 'loading' } | { kind: 'ready'; view: SeenBeforeView } | { kind: 'error'; error: AppErrorShape };

/**
 * Related FINAL postmortems for the document being written: asked once on opening and again when the
 * category changes (what it searches by); the text is read as it is at that moment, or on `refresh`.
 */
export function useSeenBefore(issueKey: string, document: PostmortemDocument) {
  const [state, setState] = useState<SeenBeforeState>({ kind: 'loading' });
  const latest = useRef(document);
  latest.current = document;
  const asked = useRef(0);
  const refresh = useCallback(async () => {
    const ask = (asked.current += 1);
    setState({ kind: 'loading' });
    const result = await panelApi('findSeenBefore', { issueKey, document: latest.current });
    // An older answer arriving after a newer question is dropped.
    if (ask !== asked.current) return;
    setState(result.ok ? { kind: 'ready', view: result.data } : { kind: 'error', error: result.error });
  }, [issueKey]);
  const category = document.header.category;
  useEffect(() => {
    void refresh();
  }, [refresh, category]);
  return { state, refresh };
}
