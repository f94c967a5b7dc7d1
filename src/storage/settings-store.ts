import { appSettingsSchema, DEFAULT_SETTINGS, type AppSettings } from '../domain/settings/app-settings';
import type { KvPort, Logger } from '../ports';

const SETTINGS_KEY = 'settings';
/** Kept with `kvs.setSecret`: never returned by any resolver, never logged. */
const SLACK_WEBHOOK_SECRET = 'slack-webhook-url';

/** The admin's settings; a stored value that no longer validates falls back to the defaults, loudly. */
export async function loadSettings(kv: KvPort, logger?: Logger): Promise<AppSettings> {
  const stored = await kv.get<unknown>(SETTINGS_KEY);
  if (stored === undefined) return DEFAULT_SETTINGS;
  const parsed = appSettingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  logger?.warn('stored settings are invalid; using the defaults', {
    problem: parsed.error.issues[0]?.message,
  });
  return DEFAULT_SETTINGS;
}

export async function saveSettings(kv: KvPort, settings: AppSettings): Promise<void> {
  await kv.set(SETTINGS_KEY, appSettingsSchema.parse(settings));
}

export async function loadSlackWebhookUrl(kv: KvPort): Promise<string | null> {
  const url = await kv.getSecret<string>(SLACK_WEBHOOK_SECRET);
  return typeof url === 'string' && url ? url : null;
}

export async function saveSlackWebhookUrl(kv: KvPort, url: string | null): Promise<void> {
  if (url) await kv.setSecret(SLACK_WEBHOOK_SECRET, url);
  else await kv.deleteSecret(SLACK_WEBHOOK_SECRET);
}
