import type { Result } from './errors';

/** Resolver calls behind the `jira:adminPage` settings (UI Kit, static/admin-settings). */
export type AdminSettingsApi = {
  getSettings: (payload: Record<string, never>) => Result<Record<string, unknown>>;
};
