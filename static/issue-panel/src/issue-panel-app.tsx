import { PanelError } from './components/panel-error';
import { PanelSkeleton } from './components/panel-skeleton';
import { PostmortemPanel } from './components/postmortem-panel';
import { usePanelData } from './hooks/use-panel-data';

/** The `jira:issuePanel` entry: loading skeleton, an error with a next step, or the postmortem. */
export function IssuePanelApp() {
  const { state, reload } = usePanelData();
  if (state.kind === 'loading') return <PanelSkeleton />;
  if (state.kind === 'error') return <PanelError error={state.error} onRetry={reload} />;
  const { issueKey, panel } = state.data;
  // Keyed by issue so a different issue never inherits the previous editor state.
  return <PostmortemPanel key={issueKey} issueKey={issueKey} panel={panel} />;
}
