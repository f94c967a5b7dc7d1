import type { Result } from './errors';

/** Resolver calls behind the `jira:issuePanel` (Custom UI, static/issue-panel). */
export type IssuePanelApi = {
  getPanel: (payload: { issueKey: string }) => Result<{ issueKey: string }>;
};
