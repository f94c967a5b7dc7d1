import type { Result } from './errors';

/** Resolver calls behind the `jira:globalPage` "Incident learning" (Custom UI, static/global-page). */
export type GlobalPageApi = {
  getTrends: (payload: { month: string; projectKeys: string[] }) => Result<{ month: string }>;
};
