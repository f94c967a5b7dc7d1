import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { ActionItemStatusView } from '../../../../src/contract/follow-through-api';
import { panelApi } from '../api/panel-api';

export type ActionItemStatusState =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'error'; error: AppErrorShape }
  | { kind: 'ready'; view: ActionItemStatusView };

/**
 * The live Jira status of the action items' child issues, read when the panel opens and again whenever
 * the set of child keys changes (a finalization created them). Nothing is read before there are any.
 */
export function useActionItemStatus(issueKey: string, childKeys: readonly string[]): ActionItemStatusState {
  const [state, setState] = useState<ActionItemStatusState>({ kind: 'none' });
  const keys = childKeys.join(',');
  useEffect(() => {
    if (keys === '') {
      setState({ kind: 'none' });
      return undefined;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    void panelApi('getActionItemStatus', { issueKey }).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { kind: 'ready', view: result.data } : { kind: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [issueKey, keys]);
  return state;
}
