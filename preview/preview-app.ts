// First: the platform's globals must be in place before the app loads @forge/api.
import { createForgePlatform, type ForgePlatform } from '../forge-platform/forge-platform';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationContext } from '../src/contract/invocation-context';
import type { Result } from '../src/contract/errors';
import type { ResolverHandlers } from '../src/handlers/resolvers/resolver-handlers';
import type { ResolverApi } from '../src/contract/resolver-contract';
import { indexedSummary } from '../src/domain/postmortem';
import type { AppJob } from '../src/ports';
import { consoleLogger } from '../src/runtime/console-logger';
import { systemClock } from '../src/runtime/system-clock';
import type { Services } from '../src/services';
import { createWebhookSlackPort } from '../src/slack/webhook-slack-port';
import { savePostmortem } from '../src/storage/postmortem-store';
import { saveSettings, saveSlackWebhookUrl } from '../src/storage/settings-store';
import { DEFAULT_SETTINGS } from '../src/domain/settings/app-settings';
import { POSTMORTEM_SUMMARY_PROPERTY } from '../src/jira/postmortem-summary-property';
import { POSTMORTEM_JOBS_QUEUE } from '../src/forge/forge-queue-port';
import { createJiraEmulator, type JiraEmulator } from '../emulator/jira-emulator';
import type { IndexLag } from '../emulator/search-index';
import { createMemoryKvs } from '../forge-platform/memory-kvs';
import { createSlackSink, type SlackSink } from '../emulator/slack-sink';
import { DEMO_DASHBOARD_ID, DEMO_GADGETS, GADGET_MODULE_KEY } from './dashboard-page';
import { demoData } from './demo-data';
import { timeBoxedJiraPort } from '../src/runtime/time-boxed-jira-port';

/** The preview user, one of the emulator's seeded accounts. */
export const PREVIEW_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';
// Stored as the Slack secret when no real webhook is configured; the sink receives these messages.
const SINK_WEBHOOK = 'https://hooks.slack.com/services/PREVIEW/LOCAL/sink';

/** The async-events queue as tests see it: pushes go to the platform, which runs the consumer. */
export interface PreviewQueue {
  push(job: AppJob): Promise<void>;
  /** Resolves when product events, triggers and queued jobs (with their retries) have all run. */
  drain(): Promise<void>;
  /** Jobs the platform recorded as failed (out of retries, or thrown). */
  readonly failures: Array<{ job: AppJob; error: string }>;
}

export interface PreviewApp {
  emulator: JiraEmulator;
  slackSink: SlackSink;
  /** The local Forge platform running the app from manifest.yml and src/index.ts. */
  platform: ForgePlatform;
  queue: PreviewQueue;
  services(context: InvocationContext): Services;
  resolvers: Record<'issue-panel' | 'global-page', ResolverHandlers<ResolverApi>>;
  /** Mounts /rest/api/3, /__emulator and /__slack; false when the path is not theirs. */
  handleApi(request: IncomingMessage, response: ServerResponse): boolean;
}

export interface PreviewOptions {
  baseUrl: string;
  now?: () => Date;
  demo?: boolean;
  slackWebhookUrl?: string;
  quiet?: boolean;
  retryDelayScale?: number;
  /** The emulator's search index lag; its realistic default when left out. */
  indexLag?: IndexLag;
  /** Whether the platform counts the app's asUser() edits as its own for `ignoreSelf` (default: yes). */
  asUserWritesCountAsSelf?: boolean;
}

/** Resolver functions by the UI module (manifest.yml) whose resolver they are. */
export const PREVIEW_MODULES = {
  'issue-panel': 'postmortem-issue-panel',
  'global-page': 'incident-learning-page',
  'admin-settings': 'postmortem-settings-page',
  'issue-context': 'postmortem-issue-context',
  'dashboard-gadget': 'postmortem-follow-through-gadget',
} as const;

/** Forge's UI context for an invocation: the issue and project of the page the module is on. */
export function extensionOf(context: InvocationContext): Record<string, unknown> {
  const issueKey = context.issueKey;
  const projectKey = context.projectKey ?? issueKey?.split('-')[0];
  return {
    ...(issueKey ? { issue: { key: issueKey } } : {}),
    ...(projectKey ? { project: { key: projectKey } } : {}),
  };
}

/**
 * The app on the local Forge platform (forge-platform/): manifest.yml, the exports of src/index.ts and
 * Atlassian's packages, with the Jira emulator, the platform's storage and async events, and the Slack
 * sink (or a real webhook). Tests and `npm start` share it. `services()` is the in-process path to the
 * same storage and Jira, for tests that seed data or call a use case directly.
 */
export async function createPreviewApp(options: PreviewOptions): Promise<PreviewApp> {
  const now = options.now ?? (() => new Date());
  const clock = { ...systemClock, now };
  const emulator = createJiraEmulator({
    baseUrl: options.baseUrl,
    now,
    ...(options.indexLag === undefined ? {} : { indexLag: options.indexLag }),
  });
  const slackSink = createSlackSink();
  const platform = createForgePlatform({
    emulator,
    // A real webhook is reached through the platform's egress; otherwise Slack is the sink.
    ...(options.slackWebhookUrl ? {} : { slackSink }),
    ...(options.now ? { now: options.now } : {}),
    delayScale: options.retryDelayScale ?? 1,
    quiet: options.quiet === true,
    ...(options.asUserWritesCountAsSelf === undefined
      ? {}
      : { asUserWritesCountAsSelf: options.asUserWritesCountAsSelf }),
  });
  const kv = createMemoryKvs({ store: platform.kvsStore });
  const slack = options.slackWebhookUrl ? createWebhookSlackPort({ fetch, clock }) : slackSink.slackPort();
  const logger = consoleLogger({ app: 'preview' }, options.quiet ? 'error' : 'info');
  const queue: PreviewQueue = {
    push: (job) => platform.push(POSTMORTEM_JOBS_QUEUE, [{ ...job }]),
    drain: () => platform.drain(),
    get failures() {
      return platform.failedEvents.map((event) => ({ job: event.body as AppJob, error: event.error }));
    },
  };

  // Production's 20 s per request, scaled like the retry delays (at least 1 s, so a loaded CI never trips it).
  const timeoutMs = Math.max(1000, 20_000 * (options.retryDelayScale ?? 1));
  const services = (context: InvocationContext): Services => ({
    jiraAsUser: timeBoxedJiraPort(
      context.accountId ? emulator.jiraPort(context.accountId) : emulator.appJiraPort(),
      timeoutMs,
    ),
    jiraAsApp: timeBoxedJiraPort(emulator.appJiraPort(), timeoutMs),
    kv,
    slack,
    queue,
    clock,
    logger,
    // As in Forge: UI invocations carry the site's URL; triggers, consumers and schedules do not.
    siteUrl: context.siteUrl ?? '',
    // The preview serves the global page here (on the same origin as its emulated site).
    globalPagePath: '/trends',
    accountId: context.accountId ?? null,
  });

  await saveSlackWebhookUrl(kv, options.slackWebhookUrl ?? SINK_WEBHOOK);
  if (options.demo !== false) {
    await seedDemoData(emulator, kv, now());
    // The demo dashboard's second gadget was configured (its first was added and left as it came).
    const [, configured] = DEMO_GADGETS;
    platform.submitGadgetConfiguration(
      GADGET_MODULE_KEY,
      { dashboardId: DEMO_DASHBOARD_ID, gadgetId: configured.gadgetId, entryPoint: 'edit' },
      { rows: 3 },
    );
  }

  const resolversOf = (moduleKey: string) =>
    new Proxy(
      {},
      {
        get:
          (_target, call: string) =>
          ({ payload, context }: { payload: unknown; context: InvocationContext }) =>
            platform.invokeResolver({
              moduleKey,
              functionKey: call,
              payload,
              ...(context.accountId ? { accountId: context.accountId } : {}),
              extension: extensionOf(context),
            }) as Promise<Result<unknown>>,
      },
    );
  const resolvers = {
    'issue-panel': resolversOf(PREVIEW_MODULES['issue-panel']),
    'global-page': resolversOf(PREVIEW_MODULES['global-page']),
  };
  return {
    emulator,
    slackSink,
    platform,
    queue,
    services,
    resolvers,
    handleApi(request, response) {
      const path = request.url ?? '/';
      if (path.startsWith('/__slack/')) {
        void slackSink.nodeHandler(request, response);
        return true;
      }
      if (path.startsWith('/rest/api/') || path.startsWith('/__emulator/')) {
        void emulator.nodeHandler(request, response);
        return true;
      }
      return false;
    },
  };
}

async function seedDemoData(emulator: JiraEmulator, kv: Services['kv'], now: Date): Promise<void> {
  const data = demoData(now);
  // The preview's user administers the demo site, so the settings page (/admin) opens for them.
  emulator.setPermissions(PREVIEW_ACCOUNT_ID, { browse: true, edit: true, administer: true });
  const documents = new Map(data.postmortems.map((entry) => [entry.issueKey, entry.document]));
  emulator.seed(
    data.issues.map((issue) => {
      const document = documents.get(issue.key);
      return document
        ? {
            ...issue,
            properties: { ...issue.properties, [POSTMORTEM_SUMMARY_PROPERTY]: indexedSummary(document) },
          }
        : issue;
    }),
  );
  for (const { issueKey, document } of data.postmortems) {
    await savePostmortem(kv, issueKey, document, { accountId: null, at: now });
  }
  // The demo site writes its minor incidents with the short template (issue 15), so `npm start` shows it.
  await saveSettings(kv, { ...DEFAULT_SETTINGS, shortTemplateSeverities: ['SEV-3', 'SEV-4'] });
}
