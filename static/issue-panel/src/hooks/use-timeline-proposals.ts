import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { TimelineProposals } from '../../../../src/contract/history-api';
import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';

export type TimelineProposalsState =
  | { kind: 'loading' }
  | { kind: 'ready'; result: TimelineProposals }
  | { kind: 'error'; error: AppErrorShape };

/** Timeline rows proposed from the incident's Jira history, for the document as it is now. */
export function useTimelineProposals(issueKey: string) {
  const [state, setState] = useState<TimelineProposalsState>({ kind: 'loading' });
  const load = useCallback(
    async (document: PostmortemDocument) => {
      setState({ kind: 'loading' });
      const result = await panelApi('proposeTimeline', { issueKey, document });
      setState(result.ok ? { kind: 'ready', result: result.data } : { kind: 'error', error: result.error });
    },
    [issueKey],
  );
  return { state, load };
}
