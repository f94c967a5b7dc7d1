import { PanelError } from './components/panel-error';
import { PanelSkeleton } from './components/panel-skeleton';
import { PostmortemPanel } from './components/postmortem-panel';
import { usePanelData } from './hooks/use-panel-data';

/** The `jira:issuePanel` entry: loading skeleton, an error with a next step, or the postmortem. */
export function IssuePanelApp() {
  const { data, reload } = usePanelData();
  if (data.kind === 'loading') return <PanelSkeleton />;
  if (data.kind === 'error') return <PanelError error={data.error} onRetry={reload} />;
  // Keyed by issue so a different issue never inherits the previous editor state.
  return <PostmortemPanel key={data.issueKey} issueKey={data.issueKey} panel={data.panel} />;
}
