import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape, Result } from '../../../../src/contract/errors';
import type { ReviewView } from '../../../../src/contract/review-api';
import { useLoad } from '../../../shared/hooks/use-load';
import { panelApi } from '../api/panel-api';

export type ReviewAction = 'request' | 'approve' | 'request-changes';

/**
 * Where the review stands, loaded again after each save of the document (`savedAt`: an edit can make an
 * approval stale), and the two things people do: the author asks reviewers, a reviewer decides.
 */
export function useReview(issueKey: string, savedAt: string | null) {
  const { state, reload, update } = useLoad(issueKey, () => panelApi('getReview', { issueKey }), {
    // A save must not blank the section (or a half-written note): the last answer stays meanwhile.
    keepWhileReloading: true,
  });
  const shownSave = useRef(savedAt);
  useEffect(() => {
    if (shownSave.current === savedAt) return;
    shownSave.current = savedAt;
    reload();
  }, [savedAt, reload]);
  const [busy, setBusy] = useState<ReviewAction | null>(null);
  const [actionError, setActionError] = useState<AppErrorShape | null>(null);

  const run = useCallback(
    async (action: ReviewAction, send: () => Promise<Result<ReviewView>>) => {
      setBusy(action);
      setActionError(null);
      const result = await send();
      setBusy(null);
      if (result.ok) update((): ReviewView => result.data);
      else setActionError(result.error);
      return result.ok;
    },
    [update],
  );

  const request = useCallback(
    (reviewers: string[], note: string) =>
      run('request', () =>
        panelApi('requestReview', { issueKey, reviewers, ...(note.trim() ? { note: note.trim() } : {}) }),
      ),
    [issueKey, run],
  );
  const decide = useCallback(
    (decision: 'approved' | 'changes-requested', comment: string) =>
      run(decision === 'approved' ? 'approve' : 'request-changes', () =>
        panelApi('decideReview', {
          issueKey,
          decision,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      ),
    [issueKey, run],
  );

  return { state, reload, busy, actionError, dismissError: () => setActionError(null), request, decide };
}
