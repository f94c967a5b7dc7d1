import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { useLoad } from '../../../shared/hooks/use-load';
import { panelApi } from '../api/panel-api';

/**
 * Timeline rows proposed from the incident's Jira history, for the document as it is when asked:
 * once when the modal opens (not per keystroke), and again with the document as it is then on `reload`.
 */
export function useTimelineProposals(issueKey: string, document: PostmortemDocument) {
  return useLoad(issueKey, () => panelApi('proposeTimeline', { issueKey, document }));
}
