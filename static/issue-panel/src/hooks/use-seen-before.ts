import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { useLoad } from '../../../shared/hooks/use-load';
import { panelApi } from '../api/panel-api';

/**
 * Related FINAL postmortems for the document being written: asked once on opening and again when the
 * category changes (what it searches by); the text is read as it is at that moment, or on `refresh`.
 */
export function useSeenBefore(issueKey: string, document: PostmortemDocument) {
  const { state, reload } = useLoad(JSON.stringify([issueKey, document.header.category]), () =>
    panelApi('findSeenBefore', { issueKey, document }),
  );
  return { state, refresh: reload };
}
