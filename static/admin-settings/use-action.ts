import { useState } from 'react';
import type { AppErrorShape } from '../../src/contract/errors';

/** What an action ends with: a line for the admin, or the error that stopped it. */
export type ActionOutcome = { notice: string } | { error: AppErrorShape };

export interface ActionState {
  busy: boolean;
  error: AppErrorShape | undefined;
  notice: string | undefined;
  run: (action: () => Promise<ActionOutcome>) => Promise<void>;
}

/**
 * One action's own busy flag, error and notice, so one action's failure is never shown as another's
 * (the page once shared one error between saving, the webhook and the Slack test).
 */
export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const [notice, setNotice] = useState<string>();
  const run = async (action: () => Promise<ActionOutcome>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const outcome = await action();
      setError('error' in outcome ? outcome.error : undefined);
      setNotice('notice' in outcome ? outcome.notice : undefined);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, notice, run };
}
