import { useEffect, useMemo, useRef, useState } from 'react';
import type { CheckView, PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { panelApi } from '../api/panel-api';
import { createDebouncer } from '../logic/create-debouncer';

/**
 * Findings and blockers for the document as typed: checkDraft ~600 ms after the last edit.
 * Answers are numbered so a slow answer for older text never replaces a newer one.
 */
export function useLiveChecks(issueKey: string, initial: CheckView) {
  const [checks, setChecks] = useState<CheckView>(initial);
  const sequence = useRef(0);

  const debouncer = useMemo(
    () =>
      createDebouncer<PostmortemDocument>((document) => {
        sequence.current += 1;
        const mine = sequence.current;
        void panelApi('checkDraft', { issueKey, document }).then((result) => {
          if (result.ok && mine === sequence.current) setChecks(result.data);
        });
      }, 600),
    [issueKey],
  );

  useEffect(() => () => debouncer.cancel(), [debouncer]);

  return {
    checks,
    /** Checks the document after typing pauses. */
    push: debouncer.push,
    /** Takes results from elsewhere (a save answer), superseding any check in flight. */
    accept: (view: CheckView) => {
      sequence.current += 1;
      setChecks(view);
    },
  };
}
