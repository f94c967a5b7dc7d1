import { AppError } from '../contract/errors';
import type { SettingsView } from '../contract/admin-settings-api';
import { appSettingsSchema, type AppSettings } from '../domain/settings/app-settings';
import { parseJql } from '../jira/jql';
import { getMyPermissions } from '../jira/permissions';
import type { Services } from '../services';
import {
  loadSettings,
  loadSlackWebhookUrl,
  saveSettings,
  saveSlackWebhookUrl,
} from '../storage/settings-store';

// Slack incoming webhooks live under this address only; anything else would be egress the manifest does not allow.
const SLACK_WEBHOOK = /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/-]+$/;

/** The admin page is only shown to Jira admins; every resolver checks again on the server. */
export async function requireJiraAdmin(services: Services): Promise<void> {
  const { ADMINISTER } = await getMyPermissions(services.jiraAsUser, { permissions: ['ADMINISTER'] });
  if (!ADMINISTER)
    throw new AppError('Forbidden', 'Only Jira administrators can change the postmortem settings.');
}

export async function settingsView(services: Services): Promise<SettingsView> {
  const [settings, webhook] = await Promise.all([
    loadSettings(services.kv, services.logger),
    loadSlackWebhookUrl(services.kv),
  ]);
  return {
    settings,
    slackWebhook: { configured: webhook !== null, masked: webhook ? maskWebhook(webhook) : null },
  };
}

/** Validates field by field (the incident JQL through Jira itself); on any error the old settings stay. */
export async function updateSettings(services: Services, candidate: unknown): Promise<SettingsView> {
  const parsed = appSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const fields = Object.fromEntries(
      parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
    );
    throw new AppError('InvalidInput', 'Some settings are not valid; nothing was changed.', { fields });
  }
  const settings: AppSettings = parsed.data;
  const [jql] = await parseJql(services.jiraAsUser, {
    queries: [settings.incidentJql],
    validation: 'strict',
  });
  if (jql && !jql.valid) {
    throw new AppError('InvalidInput', 'The incident JQL is not valid; nothing was changed.', {
      fields: { incidentJql: jql.errors.join(' ') },
    });
  }
  await saveSettings(services.kv, settings);
  return settingsView(services);
}

export async function updateSlackWebhook(services: Services, url: string | null): Promise<SettingsView> {
  const trimmed = url?.trim() ?? '';
  if (trimmed && !SLACK_WEBHOOK.test(trimmed)) {
    throw new AppError('InvalidInput', 'That is not a Slack incoming-webhook URL.', {
      fields: { url: 'Paste the URL Slack gives you: https://hooks.slack.com/services/…' },
    });
  }
  await saveSlackWebhookUrl(services.kv, trimmed || null);
  return settingsView(services);
}

export async function sendSlackTest(services: Services): Promise<{ delivered: boolean; message: string }> {
  const webhook = await loadSlackWebhookUrl(services.kv);
  if (!webhook) return { delivered: false, message: 'No Slack webhook is set up yet.' };
  const result = await services.slack.send(webhook, {
    text: 'Postmortems for Jira is connected: finalized postmortems will be announced here.',
  });
  return result.ok
    ? { delivered: true, message: 'Slack accepted the test message.' }
    : { delivered: false, message: `Slack answered ${result.status ?? 'nothing'}: ${result.error}` };
}

function maskWebhook(url: string): string {
  return `https://hooks.slack.com/services/…${url.slice(-4)}`;
}
