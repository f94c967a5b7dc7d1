import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { PanelView } from '../../../../src/contract/issue-panel-api';
import { enableJiraTheme, getViewContext } from '../../../shared/api/bridge';
import { panelApi } from '../api/panel-api';

export type PanelData =
  | { kind: 'loading' }
  | { kind: 'error'; error: AppErrorShape }
  | { kind: 'ready'; issueKey: string; panel: PanelView };

/** Loads the panel for the issue Jira opened us on; `reload` re-reads it (after an error or a conflict). */
export function usePanelData(): { data: PanelData; reload: () => void } {
  const [data, setData] = useState<PanelData>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      // The theme is cosmetic: a failure must not keep the postmortem from loading.
      await enableJiraTheme().catch(() => undefined);
      const { issueKey } = await getViewContext().catch(() => ({ issueKey: undefined }));
      if (cancelled) return;
      if (!issueKey) {
        setData({
          kind: 'error',
          error: { kind: 'InvalidInput', message: 'Open this panel on a Jira issue.' },
        });
        return;
      }
      const result = await panelApi('getPanel', { issueKey });
      if (cancelled) return;
      setData(
        result.ok ? { kind: 'ready', issueKey, panel: result.data } : { kind: 'error', error: result.error },
      );
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const reload = useCallback(() => {
    setData({ kind: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { data, reload };
}
