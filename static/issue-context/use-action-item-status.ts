import type { ActionItemStatusView } from '../../src/contract/follow-through-api';
import type { IssueContextApi } from '../../src/contract/issue-context-api';
import { resolverClient } from '../shared/api/bridge';
import { useLoad } from '../shared/hooks/use-load';

const call = resolverClient<IssueContextApi>();

/** The live status of the incident's action items in Jira (issue 17); undefined while loading or unavailable. */
export function useActionItemStatus(issueKey: string | undefined): ActionItemStatusView | undefined {
  const { state } = useLoad(issueKey, () => call('getActionItemStatus', { issueKey: issueKey ?? '' }));
  return state.kind === 'ready' ? state.data : undefined;
}
