import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InvocationContext } from '../src/contract/invocation-context';
import { postmortemJobsConsumer } from '../src/handlers/consumers/postmortem-jobs-consumer';
import { globalPageResolver } from '../src/handlers/resolvers/global-page-resolver';
import { issuePanelResolver } from '../src/handlers/resolvers/issue-panel-resolver';
import { resolverHandlers, type ResolverHandlers } from '../src/handlers/resolvers/resolver-handlers';
import { issueUpdatedTrigger } from '../src/handlers/triggers/issue-updated-trigger';
import type { ResolverApi } from '../src/contract/resolver-contract';
import { indexedSummary } from '../src/domain/postmortem';
import { consoleLogger } from '../src/runtime/console-logger';
import { systemClock } from '../src/runtime/system-clock';
import type { Services } from '../src/services';
import { createWebhookSlackPort } from '../src/slack/webhook-slack-port';
import { savePostmortem } from '../src/storage/postmortem-store';
import { saveSlackWebhookUrl } from '../src/storage/settings-store';
import { POSTMORTEM_SUMMARY_PROPERTY } from '../src/usecases/finalize-postmortem';
import { createJiraEmulator, type JiraEmulator } from '../emulator/jira-emulator';
import type { IndexLag } from '../emulator/search-index';
import { createMemoryKvs } from '../forge-platform/memory-kvs';
import { createSlackSink, type SlackSink } from '../emulator/slack-sink';
import { demoData } from './demo-data';
import { inProcessQueue, type InProcessQueue } from '../forge-platform/in-process-queue';
import { timeBoxedJiraPort } from '../src/runtime/time-boxed-jira-port';

/** The preview user, one of the emulator's seeded accounts. */
export const PREVIEW_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';
// Stored as the Slack secret when no real webhook is configured; the sink receives these messages.
const SINK_WEBHOOK = 'https://hooks.slack.com/services/PREVIEW/LOCAL/sink';

export interface PreviewApp {
  emulator: JiraEmulator;
  slackSink: SlackSink;
  queue: InProcessQueue;
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
}

/**
 * The real handlers wired to local stand-ins: the Jira emulator, in-memory Forge storage, an
 * in-process async-events queue and a Slack sink (or a real webhook). Tests and `npm start` share it.
 */
export async function createPreviewApp(options: PreviewOptions): Promise<PreviewApp> {
  const now = options.now ?? (() => new Date());
  const clock = { ...systemClock, now };
  const emulator = createJiraEmulator({
    baseUrl: options.baseUrl,
    now,
    ...(options.indexLag === undefined ? {} : { indexLag: options.indexLag }),
  });
  const kv = createMemoryKvs({ now });
  const slackSink = createSlackSink();
  const slack = options.slackWebhookUrl ? createWebhookSlackPort({ fetch, clock }) : slackSink.slackPort();
  const logger = consoleLogger({ app: 'preview' }, options.quiet ? 'error' : 'info');

  // The queue's consumer needs services, and services need the queue: tie the knot through a holder.
  const queueHolder: { queue?: InProcessQueue } = {};
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
    queue: { push: (job) => (queueHolder.queue as InProcessQueue).push(job) },
    clock,
    logger,
    // As in Forge: UI invocations carry the site's URL; triggers, consumers and schedules do not.
    siteUrl: context.siteUrl ?? '',
    // The preview serves the global page here (on the same origin as its emulated site).
    globalPagePath: '/trends',
    accountId: context.accountId ?? null,
  });
  const queue = inProcessQueue((job) => postmortemJobsConsumer(job, services({})), {
    retryDelayScale: options.retryDelayScale ?? 1,
  });
  queueHolder.queue = queue;
  // The manifest's trigger has `filter.ignoreSelf: true`: changes the app itself makes do not fire it.
  emulator.onIssueUpdated(async (event, { selfGenerated }) => {
    if (!selfGenerated) await issueUpdatedTrigger(event, services({}));
  });

  await saveSlackWebhookUrl(kv, options.slackWebhookUrl ?? SINK_WEBHOOK);
  if (options.demo !== false) await seedDemoData(emulator, kv, now());

  const resolvers = {
    'issue-panel': resolverHandlers(issuePanelResolver, services) as ResolverHandlers<ResolverApi>,
    'global-page': resolverHandlers(globalPageResolver, services) as ResolverHandlers<ResolverApi>,
  };
  return {
    emulator,
    slackSink,
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
}
