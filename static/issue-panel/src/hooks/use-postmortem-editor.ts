import { useCallback, useMemo, useRef, useState } from 'react';
import type { PanelView, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';
import { documentReducer, type DocumentAction } from '../logic/document-reducer';
import { dropSettledFindings } from '../logic/drop-settled-findings';
import {
  browserStorage,
  createLocalDraftStore,
  shouldOfferRestore,
  type LocalDraft,
} from '../logic/local-draft-store';
import { useAutosave } from './use-autosave';
import { useLiveChecks } from './use-live-checks';

/**
 * The document being edited and everything that follows an edit: live checks, autosave with a
 * local backup, the restore offer on load, and conflict resolution ("Load their version").
 */
export function usePostmortemEditor(issueKey: string, panel: PanelView) {
  const [document, setDocument] = useState<PostmortemDocument>(panel.document);
  const documentRef = useRef(document);
  const [canEdit] = useState(panel.canEdit);
  // FINALIZING is the moment between finalize and the automation marking it FINAL: no edits then either.
  // A postmortem in review stays editable (an edit makes earlier approvals stale).
  const readOnly = !canEdit || document.header.status === 'FINALIZING' || document.header.status === 'FINAL';

  const live = useLiveChecks(issueKey, { findings: panel.findings, blockers: panel.blockers });
  const autosave = useAutosave({
    issueKey,
    revision: panel.document.revision,
    enabled: !readOnly,
    onChecks: live.accept,
  });
  // Our version at the moment of a conflict, kept apart from the running backup so later edits of theirs don't overwrite it.
  const conflictStore = useMemo(
    () => createLocalDraftStore(browserStorage(), `${issueKey}:conflict`),
    [issueKey],
  );

  const [restoreOffer, setRestoreOffer] = useState<LocalDraft | null>(() => {
    if (!panel.canEdit || panel.document.header.status !== 'DRAFT') return null;
    const local = autosave.backup.read() ?? conflictStore.read();
    return shouldOfferRestore(local, panel.document) ? local : null;
  });

  const replace = useCallback((next: PostmortemDocument) => {
    documentRef.current = next;
    setDocument(next);
  }, []);

  const dispatch = useCallback(
    (action: DocumentAction) => {
      if (readOnly && action.type !== 'replace') return;
      const next = documentReducer(documentRef.current, action);
      replace(next);
      autosave.saver.change(next);
      live.push(next);
    },
    [autosave.saver, live, readOnly, replace],
  );

  const restore = useCallback(() => {
    if (!restoreOffer) return;
    // Restoring is the user's explicit choice: saved against the current revision, so it wins.
    dispatch({
      type: 'replace',
      document: { ...restoreOffer.document, revision: autosave.saver.revision() },
    });
    conflictStore.clear();
    setRestoreOffer(null);
  }, [autosave.saver, conflictStore, dispatch, restoreOffer]);

  const discardRestore = useCallback(() => {
    autosave.backup.clear();
    conflictStore.clear();
    setRestoreOffer(null);
  }, [autosave.backup, conflictStore]);

  // The last answer may predate the latest edit: hints the edit already settled go now, not after it.
  const checks = useMemo(() => dropSettledFindings(live.checks, document), [live.checks, document]);

  const [loadError, setLoadError] = useState<string | null>(null);
  const loadTheirs = useCallback(async () => {
    const result = await panelApi('getPanel', { issueKey });
    if (!result.ok) {
      setLoadError(result.error.message);
      return;
    }
    setLoadError(null);
    const mine = documentRef.current;
    const mineRevision = autosave.saver.revision();
    conflictStore.write(mine, mineRevision, new Date());
    replace(result.data.document);
    autosave.saver.reset(result.data.document.revision);
    live.accept({ findings: result.data.findings, blockers: result.data.blockers });
    setRestoreOffer({ document: mine, baseRevision: mineRevision, savedAt: new Date().toISOString() });
  }, [autosave.saver, conflictStore, issueKey, live, replace]);

  /** After finalize / reopen: the server's document becomes ours and saving restarts from it. */
  const adoptServerDocument = useCallback(
    (next: PostmortemDocument) => {
      replace(next);
      autosave.saver.reset(next.revision);
      autosave.backup.clear();
    },
    [autosave.backup, autosave.saver, replace],
  );

  /** Re-reads the document after the automation changed it (FINAL, child issue keys on rows). */
  const refresh = useCallback(async () => {
    const result = await panelApi('getPanel', { issueKey });
    if (!result.ok) return;
    adoptServerDocument(result.data.document);
    live.accept({ findings: result.data.findings, blockers: result.data.blockers });
  }, [adoptServerDocument, issueKey, live]);

  return {
    document,
    refresh,
    everSaved: panel.saved || autosave.lastSavedAt !== null || document.revision > 0,
    documentForServer: (): PostmortemDocument => ({
      ...documentRef.current,
      revision: autosave.saver.revision(),
    }),
    dispatch,
    readOnly,
    canEdit,
    checks,
    acceptChecks: live.accept,
    save: {
      status: autosave.status,
      detail: autosave.detail,
      /** When the last save landed (what depends on the stored document, e.g. the review, reloads). */
      savedAt: autosave.lastSavedAt,
      saveNow: () => void autosave.saver.saveNow(),
    },
    restoreOffer,
    restore,
    discardRestore,
    loadTheirs,
    loadError,
    adoptServerDocument,
  };
}
