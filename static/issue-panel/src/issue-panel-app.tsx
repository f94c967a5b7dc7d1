import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../src/contract/errors';
import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { enableJiraTheme, getViewContext, resolverClient } from '../../shared/api/bridge';

const call = resolverClient<IssuePanelApi>();

type State =
  { kind: 'loading' } | { kind: 'error'; error: AppErrorShape } | { kind: 'ready'; issueKey: string };

export function IssuePanelApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      await enableJiraTheme();
      const { issueKey } = await getViewContext();
      if (!issueKey)
        return setState({
          kind: 'error',
          error: { kind: 'InvalidInput', message: 'Open this panel on an issue.' },
        });
      const result = await call('getPanel', { issueKey });
      if (cancelled) return;
      setState(
        result.ok
          ? { kind: 'ready', issueKey: result.data.issueKey }
          : { kind: 'error', error: result.error },
      );
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === 'loading') return <Spinner label="Loading the postmortem" />;
  if (state.kind === 'error')
    return (
      <SectionMessage
        appearance={state.error.kind === 'NotImplemented' ? 'information' : 'error'}
        title="Postmortem"
      >
        <p>{state.error.message}</p>
      </SectionMessage>
    );
  return <p>Postmortem for {state.issueKey}</p>;
}
