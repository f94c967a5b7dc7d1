import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../src/contract/errors';
import type { GlanceView, IssueContextApi } from '../../src/contract/issue-context-api';
import { resolverClient } from '../shared/api/bridge';

const call = resolverClient<IssueContextApi>();

/** Loads the glance for the open issue; `reload` after an error. Undefined while loading. */
export function useGlance(issueKey: string | undefined): {
  result: Result<GlanceView> | undefined;
  reload: () => void;
} {
  const [result, setResult] = useState<Result<GlanceView>>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!issueKey) return;
    let current = true;
    setResult(undefined);
    void call('getGlance', { issueKey }).then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
  }, [issueKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, reload };
}
