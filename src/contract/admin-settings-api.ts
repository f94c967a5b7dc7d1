import type { AppSettings } from '../domain/settings/app-settings';
import type { Result } from './errors';

export type { AppSettings };

export interface SettingsView {
  settings: AppSettings;
  /** The webhook itself never leaves the server: only whether one is set and a masked hint. */
  slackWebhook: { configured: boolean; masked: string | null };
}

/** A Jira custom field the severity can be read from. */
export interface CustomFieldOption {
  id: string;
  name: string;
  type: string | null;
}

/** Resolver calls behind the `jira:adminPage` settings (UI Kit, static/admin-settings). */
export type AdminSettingsApi = {
  getSettings: (payload: Record<string, never>) => Result<SettingsView>;
  saveSettings: (payload: { settings: AppSettings }) => Result<SettingsView>;
  setSlackWebhook: (payload: { url: string | null }) => Result<SettingsView>;
  sendSlackTest: (payload: Record<string, never>) => Result<{ delivered: boolean; message: string }>;
  listCustomFields: (payload: Record<string, never>) => Result<CustomFieldOption[]>;
};
