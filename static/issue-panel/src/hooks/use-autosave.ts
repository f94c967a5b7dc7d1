import { useEffect, useMemo, useRef, useState } from 'react';
import type { CheckView, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';
import { createAutosaver, type SaveOutcome } from '../logic/create-autosaver';
import { browserStorage, createLocalDraftStore } from '../logic/local-draft-store';
import type { SaveStatus } from '../logic/save-status';

export interface AutosaveState {
  status: SaveStatus;
  detail: string | null;
  lastSavedAt: string | null;
}

/**
 * Wires the framework-free autosaver to the resolver: debounced saves of every edit, the explicit
 * Save button, a per-issue local backup, and the check results each save answers with.
 */
export function useAutosave(options: {
  issueKey: string;
  revision: number;
  enabled: boolean;
  onChecks: (checks: CheckView) => void;
}) {
  const { issueKey, revision, enabled } = options;
  const [state, setState] = useState<AutosaveState>({
    status: enabled ? 'saved' : 'read-only',
    detail: null,
    lastSavedAt: null,
  });
  const onChecks = useRef(options.onChecks);
  onChecks.current = options.onChecks;
  const backup = useMemo(() => createLocalDraftStore(browserStorage(), issueKey), [issueKey]);

  const saver = useMemo(
    () =>
      createAutosaver({
        backup,
        revision,
        onStatus: (status, detail) => setState((prev) => ({ ...prev, status, detail: detail ?? null })),
        save: async (document: PostmortemDocument): Promise<SaveOutcome> => {
          const result = await panelApi('saveDraft', { issueKey, document });
          if (result.ok) {
            onChecks.current({ findings: result.data.findings, blockers: result.data.blockers });
            setState((prev) => ({ ...prev, lastSavedAt: result.data.savedAt }));
            return { kind: 'saved', revision: result.data.document.revision };
          }
          switch (result.error.kind) {
            case 'Conflict':
              return { kind: 'conflict' };
            case 'InvalidInput':
            case 'Forbidden':
            case 'NotFound':
              return { kind: 'invalid', message: result.error.message };
            default:
              return { kind: 'failed', message: result.error.message };
          }
        },
      }),
    // The saver is created once per issue; later revisions arrive through reset().
    [backup, issueKey],
  );

  useEffect(() => () => saver.stop(), [saver]);

  useEffect(() => {
    setState((prev) => ({
      ...prev,
      status: enabled ? (prev.status === 'read-only' ? 'saved' : prev.status) : 'read-only',
    }));
  }, [enabled]);

  // Closing the tab with unsaved edits: the backup already holds them, the browser prompt says so.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.hasPendingChanges()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saver]);

  return { ...state, saver, backup };
}
