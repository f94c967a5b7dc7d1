import type { ActionItemStatusView } from '../../../../src/contract/follow-through-api';
import { useLoad, type LoadState } from '../../../shared/hooks/use-load';
import { panelApi } from '../api/panel-api';

export type ActionItemStatusState = { kind: 'none' } | LoadState<ActionItemStatusView>;

/**
 * The live Jira status of the action items' child issues, read when the panel opens and again whenever
 * the set of child keys changes (a finalization created them). Nothing is read before there are any.
 */
export function useActionItemStatus(issueKey: string, childKeys: readonly string[]): ActionItemStatusState {
  const keys = childKeys.join(',');
  const { state } = useLoad(keys === '' ? undefined : `${issueKey} ${keys}`, () =>
    panelApi('getActionItemStatus', { issueKey }),
  );
  return keys === '' ? { kind: 'none' } : state;
}
