import { useProductContext } from '@forge/react';
import { GlanceContent } from './glance-content';
import { useActionItemStatus } from './use-action-item-status';
import { useGlance } from './use-glance';

// Jira shows the glance only on an issue; without one in the context there is nothing to load.
const NO_ISSUE = {
  ok: false,
  error: { kind: 'NotFound', message: 'Jira did not say which issue is open. Reload the issue.' },
} as const;

/** The postmortem at a glance, beside the issue (UI Kit, `jira:issueContext`). */
export function IssueContextApp() {
  const context = useProductContext();
  const issueKey = (context?.extension as { issue?: { key?: string } } | undefined)?.issue?.key;
  const { result, reload } = useGlance(issueKey);
  const followThrough = useActionItemStatus(issueKey);
  if (context && !issueKey) return <GlanceContent result={NO_ISSUE} onRetry={reload} />;
  return <GlanceContent result={result} onRetry={reload} followThrough={followThrough?.counts} />;
}
