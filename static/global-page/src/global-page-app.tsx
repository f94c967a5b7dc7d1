import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../src/contract/errors';
import type { GlobalPageApi } from '../../../src/contract/global-page-api';
import { enableJiraTheme, resolverClient } from '../../shared/api/bridge';

const call = resolverClient<GlobalPageApi>();

type State = { kind: 'loading' } | { kind: 'error'; error: AppErrorShape } | { kind: 'ready'; month: string };

/** Month in the page URL (`?month=YYYY-MM`) so a report can be linked; default: last complete month. */
function monthFromUrl(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('month');
  if (fromUrl && /^\d{4}-(0[1-9]|1[0-2])$/.test(fromUrl)) return fromUrl;
  const now = new Date();
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return last.toISOString().slice(0, 7);
}

export function GlobalPageApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      await enableJiraTheme();
      const result = await call('getTrends', { month: monthFromUrl(), projectKeys: [] });
      if (cancelled) return;
      setState(
        result.ok ? { kind: 'ready', month: result.data.month } : { kind: 'error', error: result.error },
      );
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.kind === 'loading') return <Spinner label="Loading the trend report" />;
  if (state.kind === 'error')
    return (
      <SectionMessage
        appearance={state.error.kind === 'NotImplemented' ? 'information' : 'error'}
        title="Incident learning"
      >
        <p>{state.error.message}</p>
      </SectionMessage>
    );
  return <h1>Incident trend report – {state.month}</h1>;
}
