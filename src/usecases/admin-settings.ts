import { AppError } from '../contract/errors';
import type { CustomFieldOption, SettingsView } from '../contract/admin-settings-api';
import { appSettingsSchema, type AppSettings } from '../domain/settings/app-settings';
import { parseJql } from '../jira/jql';
import { projectScopeJql } from '../jira/jql-literal';
import { listFields } from '../jira/fields';
import { getMyPermissions } from '../jira/permissions';
import type { Services } from '../services';
import {
  loadSettings,
  loadSlackWebhookUrl,
  saveSettings,
  saveSlackWebhookUrl,
} from '../storage/settings-store';
import { dropTrendCaches } from './trends/load-trends';

// Slack incoming webhooks live under this address only; anything else would be egress the manifest does not allow.
const SLACK_WEBHOOK = /^https:\/\/hooks\.slack\.com\/(services|triggers)\/[A-Za-z0-9_/-]+$/;

/** The admin page is only shown to Jira admins; every resolver checks again on the server. */
export async function requireJiraAdmin(services: Services): Promise<void> {
  // Without a user, Jira would be asked as the app, which holds ADMINISTER: no caller, no settings.
  if (!services.accountId)
    throw new AppError('Forbidden', 'Log in to Jira as an administrator to change the postmortem settings.');
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
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = fieldKey(issue.path);
      fields[key] = fields[key] ? `${fields[key]}; ${issue.message}` : issue.message;
    }
    throw new AppError('InvalidInput', 'Some settings are not valid; nothing was changed.', { fields });
  }
  const settings: AppSettings = parsed.data;
  if (hasOrderBy(settings.incidentJql)) {
    throw new AppError('InvalidInput', 'The incident JQL cannot have an ORDER BY; nothing was changed.', {
      fields: {
        incidentJql:
          'Remove the ORDER BY clause: the app puts this JQL in parentheses inside its own queries ' +
          '(with their own order), where JQL allows no ORDER BY.',
      },
    });
  }
  // Jira's strict parse also names project keys that do not exist (or the admin cannot see).
  const scope = settings.projectKeys.length ? [projectScopeJql(settings.projectKeys)] : [];
  const [jql, projects] = await parseJql(services.jiraAsUser, {
    queries: [settings.incidentJql, ...scope],
    validation: 'strict',
  });
  const jqlProblems: Record<string, string> = {};
  if (jql && !jql.valid) jqlProblems.incidentJql = jql.errors.join(' ');
  if (projects && !projects.valid) jqlProblems.projectKeys = projects.errors.join(' ');
  if (Object.keys(jqlProblems).length > 0) {
    throw new AppError(
      'InvalidInput',
      'Jira did not accept the incident JQL or projects; nothing was changed.',
      {
        fields: jqlProblems,
      },
    );
  }
  const { kind, customFieldId } = settings.severitySource;
  if (kind === 'custom-field' && customFieldId) {
    const known = await listCustomFields(services);
    if (!known.some((field) => field.id === customFieldId)) {
      throw new AppError('InvalidInput', 'The severity field does not exist; nothing was changed.', {
        fields: {
          'severitySource.customFieldId': `Jira has no field ${customFieldId}. Pick one from the list.`,
        },
      });
    }
  }
  await saveSettings(services.kv, settings);
  await dropTrendCaches(services.kv);
  return settingsView(services);
}

/** An `ORDER BY` outside quoted values (`summary ~ "order by"` is a search word, not a clause). */
function hasOrderBy(jql: string): boolean {
  // One pass: quoted values (with backslash escapes) become blanks, the rest is kept as written.
  let unquoted = '';
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i += 1) {
    const char = jql.charAt(i);
    if (quote === null) {
      if (char === '"' || char === "'") quote = char;
      unquoted += quote === null ? char : ' ';
    } else if (char === '\\') {
      i += 1;
    } else if (char === quote) {
      quote = null;
    }
  }
  return /\border\s+by\b/i.test(unquoted);
}

/** The custom fields an admin can take the severity from (`GET /rest/api/3/field`). */
export async function listCustomFields(services: Services): Promise<CustomFieldOption[]> {
  const fields = await listFields(services.jiraAsUser);
  return fields
    .filter((field) => field.custom)
    .map(({ id, name, type }) => ({ id, name, type }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Errors are shown beside the form field: `holidays.3` belongs to the Holidays field, a mapping's key to the mapping. */
function fieldKey(path: readonly PropertyKey[]): string {
  const named: string[] = [];
  for (const segment of path) {
    if (typeof segment !== 'string' || named.length === 2) break;
    named.push(segment);
  }
  return named.join('.') || '(settings)';
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
