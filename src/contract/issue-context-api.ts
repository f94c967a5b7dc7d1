import type { Result } from './errors';

/** Resolver calls behind the `jira:issueContext` glance (UI Kit, static/issue-context). */
export type IssueContextApi = {
  getGlance: (payload: { issueKey: string }) => Result<{ issueKey: string }>;
};
