import type { Result } from '../../../../src/contract/errors';
import type { PanelView } from '../../../../src/contract/issue-panel-api';
import { enableJiraTheme, getViewContext } from '../../../shared/api/bridge';
import { useLoad } from '../../../shared/hooks/use-load';
import { panelApi } from '../api/panel-api';

export interface PanelData {
  issueKey: string;
  panel: PanelView;
}

async function loadPanel(): Promise<Result<PanelData>> {
  // The theme is cosmetic: a failure must not keep the postmortem from loading.
  await enableJiraTheme().catch(() => undefined);
  const { issueKey } = await getViewContext().catch(() => ({ issueKey: undefined }));
  if (!issueKey)
    return { ok: false, error: { kind: 'InvalidInput', message: 'Open this panel on a Jira issue.' } };
  const result = await panelApi('getPanel', { issueKey });
  return result.ok ? { ok: true, data: { issueKey, panel: result.data } } : result;
}

/** Loads the panel for the issue Jira opened us on; `reload` re-reads it (after an error or a conflict). */
export function usePanelData() {
  return useLoad('panel', loadPanel);
}
