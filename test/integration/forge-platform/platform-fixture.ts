/**
 * The app on the local Forge platform: manifest.yml, the exports of src/index.ts and Atlassian's
 * packages, on the Jira emulator with one resolved SEV-1 incident (INC-1) and the Slack sink.
 */
import { createForgePlatform, type ForgePlatformOptions } from '../../../forge-platform/forge-platform';
import { createJiraEmulator } from '../../../emulator/jira-emulator';
import { createSlackSink } from '../../../emulator/slack-sink';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';
import type { Result } from '../../../src/contract/errors';
import { parseMarkdown, type PostmortemDocument } from '../../../src/domain/postmortem';
import { saveSlackWebhookUrl } from '../../../src/storage/settings-store';
import { incidentBean, PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';

export const SLACK_WEBHOOK = 'https://hooks.slack.com/services/T000/B000/platform-test';

export async function platformApp(options: Partial<Omit<ForgePlatformOptions, 'emulator'>> = {}) {
  const slackSink = createSlackSink();
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', slack: slackSink });
  const platform = createForgePlatform({ emulator, slackSink, delayScale: 0.001, ...options });
  const kv = createMemoryKvs({ store: platform.kvsStore });
  await saveSlackWebhookUrl(kv, SLACK_WEBHOOK);
  emulator.seed([incidentBean('INC-1')]);
  /** An issue panel resolver call, as `invoke()` from `@forge/bridge` on INC-1 makes it. */
  const panel = <T>(functionKey: string, payload: unknown, accountId = PREVIEW_ACCOUNT_ID) =>
    platform.invokeResolver({
      moduleKey: 'postmortem-issue-panel',
      functionKey,
      payload,
      accountId,
      extension: { issue: { key: 'INC-1', type: 'Incident' }, project: { key: 'INC' } },
    }) as Promise<Result<T>>;
  return { platform, emulator, slackSink, kv, panel };
}

/** The reference's Payment Service Outage postmortem, ready to finalize on INC-1. */
export async function referenceDocument(
  panel: Awaited<ReturnType<typeof platformApp>>['panel'],
): Promise<PostmortemDocument> {
  const opened = await panel<{ document: PostmortemDocument }>('getPanel', { issueKey: 'INC-1' });
  if (!opened.ok) throw new Error(`getPanel failed: ${opened.error.message}`);
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return {
    ...document,
    revision: opened.data.document.revision,
    header: { ...document.header, incidentId: 'INC-1', status: 'DRAFT', finalizedAt: null },
  };
}
