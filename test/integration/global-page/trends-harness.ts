// First: the platform's globals must be in place before the app loads @forge/api.
import { createForgePlatform, type ForgePlatform } from '../../../forge-platform/forge-platform';
import type { GlobalPageApi } from '../../../src/contract/global-page-api';
import type { InvocationContext } from '../../../src/contract/invocation-context';
import type { AppJob } from '../../../src/ports';
import { consoleLogger } from '../../../src/runtime/console-logger';
import type { Services } from '../../../src/services';
import { fakeClock, type FakeClock } from '../../helpers/fake-clock';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';
import type { EmulatorRequest } from '../../../emulator/emulator-types';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';

export const USER_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';

const GLOBAL_PAGE_MODULE = 'incident-learning-page';

export interface TrendsHarness {
  emulator: JiraEmulator;
  /** The platform's clock (what `new Date()` reads inside every invocation); it moves only when told to. */
  clock: FakeClock;
  /** The local Forge platform running the app from manifest.yml and src/index.ts. */
  platform: ForgePlatform;
  /** Jobs the app pushed through `@forge/events` to the platform's queue, in order. */
  readonly jobs: AppJob[];
  /**
   * The same Jira and the platform's storage, for a test to set up or inspect state and to run a use
   * case on its own (the daily refresh without the rest of the daily schedule).
   */
  services(context?: Partial<InvocationContext>): Services;
  /** Through the platform as `invoke()` from `@forge/bridge`: as the default user, or as `accountId`. */
  invoke<Call extends keyof GlobalPageApi>(
    call: Call,
    payload: unknown,
    accountId?: string,
  ): Promise<ReturnType<GlobalPageApi[Call]>>;
  /** Jira requests since the last call (method, path, answer status, and when in real milliseconds), and forgets them. */
  takeRequests(): Array<{ method: string; path: string; body: unknown; status?: number; atMs: number }>;
  /** Queued events wait in the queue until `deliverQueuedJobs`, as a busy queue leaves them. */
  holdQueuedJobs(): void;
  /** Delivers the held events (and later pushes at once), and waits until every one has run. */
  deliverQueuedJobs(): Promise<void>;
  /** Called after each search Jira answers the app (the consumer reading page by page). */
  onAppSearch(listener: (() => Promise<void>) | null): void;
}

export interface TrendsHarnessOptions {
  /** Jira takes this long (fake time) to answer each search the app makes, so a cold read can outrun a resolver. */
  appSearchMs?: number;
}

const isSearch = (request: EmulatorRequest) => request.path.split('?')[0]?.endsWith('/search/jql') === true;

/**
 * The app on the local Forge platform (manifest → `src/index.ts` → Atlassian's packages → the Jira
 * emulator and the platform's KVS and async events) at a fake time.
 */
export function trendsHarness(now: string, options: TrendsHarnessOptions = {}): TrendsHarness {
  const clock = fakeClock(now);
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => clock.now() });
  const requestTimes: number[] = [];
  let appSearchListener: (() => Promise<void>) | null = null;
  // Jira as the platform reaches it: a slow search is slow on the platform's clock, for the app alone.
  const jira: JiraEmulator = {
    ...emulator,
    async handle(request) {
      requestTimes[emulator.requests.length] = performance.now();
      if (request.asApp && isSearch(request)) clock.advance(options.appSearchMs ?? 0);
      const response = await emulator.handle(request);
      if (request.asApp && isSearch(request) && appSearchListener) await appSearchListener();
      return response;
    },
  };
  const platform = createForgePlatform({
    emulator: jira,
    now: () => clock.now(),
    // Each harness is a fresh installation: a function instance of its own, its permission cache empty.
    app: freshApp(),
    quiet: true,
  });
  const kv = createMemoryKvs({ store: platform.kvsStore });
  const logger = consoleLogger({ test: 'global-page' }, 'error');
  const services = (context: Partial<InvocationContext> = {}): Services => ({
    jiraAsUser: context.accountId ? emulator.jiraPort(context.accountId) : emulator.appJiraPort(),
    jiraAsApp: emulator.appJiraPort(),
    kv,
    slack: { send: async () => ({ ok: true, status: 200 }) },
    queue: { push: (job) => platform.push('postmortem-jobs', [{ ...job }]) },
    clock,
    logger,
    siteUrl: 'http://jira.test',
    accountId: context.accountId ?? null,
  });
  let seen = 0;
  return {
    emulator,
    clock,
    platform,
    get jobs() {
      return platform.pushedEvents.map((event) => event.body as unknown as AppJob);
    },
    services,
    invoke: (call, payload, accountId = USER_ACCOUNT_ID) =>
      platform.invokeResolver({
        moduleKey: GLOBAL_PAGE_MODULE,
        functionKey: call,
        payload,
        accountId,
      }) as never,
    takeRequests() {
      const taken = emulator.requests.slice(seen).map((request, index) => ({
        method: request.method,
        path: request.path,
        body: request.body,
        ...(request.response ? { status: request.response.status } : {}),
        atMs: requestTimes[seen + index] ?? Number.NaN,
      }));
      seen = emulator.requests.length;
      return taken;
    },
    holdQueuedJobs: () => platform.holdAsyncEvents(),
    async deliverQueuedJobs() {
      platform.releaseAsyncEvents();
      await platform.drain();
    },
    onAppSearch(listener) {
      appSearchListener = listener;
    },
  };
}

/** src/index.ts loaded anew: module state (the resolvers' caches) is per installation, not per test file. */
function freshApp(): Record<string, unknown> {
  let app: Record<string, unknown> = {};
  jest.isolateModules(() => {
    app = jest.requireActual<Record<string, unknown>>('../../../src/index');
  });
  return app;
}
