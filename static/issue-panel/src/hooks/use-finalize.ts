import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../src/contract/errors';
import type { AutomationView, Finding, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { startPolling } from '../../../shared/logic/poller';
import { panelApi } from '../api/panel-api';

export type FinalizeState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'blocked'; blockers: Finding[] }
  | { kind: 'finalizing' }
  | { kind: 'error'; error: AppErrorShape };

const POLL_MS = 2000;
const POLL_LIMIT_MS = 60_000;

/** Automation is complete once Slack has an answer (sent, failed or not configured). */
const automationSettled = (view: AutomationView | null): boolean =>
  view !== null && (view.slack !== null || view.jobFailure !== null);

/**
 * Finalize (checked first, so blockers are told rather than refused) and the automation that the
 * label triggers: getAutomation every 2 s for up to 60 s, until Slack has an answer.
 */
export function useFinalize(options: {
  issueKey: string;
  initialAutomation: AutomationView | null;
  /** Opened mid-finalization (FINALIZING): keep watching the automation as if we had just finalized. */
  initialPolling: boolean;
  onFinalized: (document: PostmortemDocument) => void;
  onReopened: (document: PostmortemDocument) => void;
  /** The automation answered (or the wait ran out): time to re-read the document it marked FINAL. */
  onAutomationSettled: () => void;
}) {
  const { issueKey } = options;
  const [state, setState] = useState<FinalizeState>({ kind: 'idle' });
  const [automation, setAutomation] = useState<AutomationView | null>(options.initialAutomation);
  const [polling, setPolling] = useState(options.initialPolling);
  const callbacks = useRef(options);
  callbacks.current = options;

  useEffect(() => {
    if (!polling) return;
    const started = Date.now();
    return startPolling({
      fetch: () => panelApi('getAutomation', { issueKey }),
      intervalMs: POLL_MS,
      // The label was only just added: the trigger needs a moment before there is anything to see.
      delayFirst: true,
      onAnswer: (result) => {
        if (result.ok) setAutomation(result.data);
        const done = (result.ok && automationSettled(result.data)) || Date.now() - started >= POLL_LIMIT_MS;
        if (done) {
          setPolling(false);
          callbacks.current.onAutomationSettled();
        }
        return !done;
      },
    });
  }, [polling, issueKey]);

  const finalize = useCallback(
    async (document: PostmortemDocument): Promise<Finding[]> => {
      setState({ kind: 'checking' });
      const check = await panelApi('checkDraft', { issueKey, document });
      if (check.ok && check.data.blockers.length > 0) {
        setState({ kind: 'blocked', blockers: check.data.blockers });
        return check.data.blockers;
      }
      setState({ kind: 'finalizing' });
      const result = await panelApi('finalize', { issueKey, document });
      if (!result.ok) {
        setState({ kind: 'error', error: result.error });
        return [];
      }
      setState({ kind: 'idle' });
      setAutomation(null);
      callbacks.current.onFinalized(result.data.document);
      setPolling(true);
      return [];
    },
    [issueKey],
  );

  const reopen = useCallback(async () => {
    const result = await panelApi('reopen', { issueKey });
    if (!result.ok) {
      setState({ kind: 'error', error: result.error });
      return;
    }
    setState({ kind: 'idle' });
    setPolling(false);
    callbacks.current.onReopened(result.data.document);
  }, [issueKey]);

  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);

  return { state, automation, polling, finalize, reopen, dismiss };
}
