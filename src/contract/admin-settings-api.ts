import { z } from 'zod';
import type { AppSettings } from '../domain/settings/app-settings';
import { answering, type ApiOf } from './resolver-contract';

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

const noPayload = z.object({});

/** Resolver calls behind the `jira:adminPage` settings (UI Kit, static/admin-settings). */
export const adminSettingsContract = {
  getSettings: answering<SettingsView>()(noPayload, 'jira-admin'),
  // The settings are checked against the settings schema by the use case, whose messages name each setting.
  saveSettings: answering<SettingsView>()(z.object({ settings: z.custom<AppSettings>() }), 'jira-admin'),
  setSlackWebhook: answering<SettingsView>()(z.object({ url: z.string().max(500).nullable() }), 'jira-admin'),
  sendSlackTest: answering<{ delivered: boolean; message: string }>()(noPayload, 'jira-admin'),
  listCustomFields: answering<CustomFieldOption[]>()(noPayload, 'jira-admin'),
};

export type AdminSettingsApi = ApiOf<typeof adminSettingsContract>;
