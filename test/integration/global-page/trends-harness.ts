import type { GlobalPageApi } from '../../../src/contract/global-page-api';
import type { InvocationContext } from '../../../src/contract/invocation-context';
import { createGlobalPageResolver } from '../../../src/handlers/resolvers/global-page-resolver';
import { resolverHandlers } from '../../../src/handlers/resolvers/resolver-handlers';
import type { AppJob, JiraPort } from '../../../src/ports';
import { consoleLogger } from '../../../src/runtime/console-logger';
import type { Services } from '../../../src/services';
import { fakeClock, type FakeClock } from '../../helpers/fake-clock';
import { createJiraEmulator, type JiraEmulator } from '../../../emulator/jira-emulator';
import { createMemoryKvs } from '../../../forge-platform/memory-kvs';

export const USER_ACCOUNT_ID = '5b10ac8d82e05b22cc7d4ef5';

export interface TrendsHarness {
  emulator: JiraEmulator;
  clock: FakeClock;
  /** Jobs pushed to the async-events queue, in order; tests run the consumer themselves. */
  jobs: AppJob[];
  services(context?: Partial<InvocationContext>): Services;
  /** As the default user (who may browse every project unless the test restricts them), or as `accountId`. */
  invoke<Call extends keyof GlobalPageApi>(
    call: Call,
    payload: unknown,
    accountId?: string,
  ): Promise<ReturnType<GlobalPageApi[Call]>>;
  /** Jira requests since the last call (method and path), and forgets them. */
  takeRequests(): Array<{ method: string; path: string; body: unknown }>;
}

export interface TrendsHarnessOptions {
  /** Fake time every search as the app takes (a slow Jira), so a cold read can outrun a resolver. */
  appSearchMs?: number;
}

/** The real resolvers and use cases on the Jira emulator, in-memory KVS, a recording queue and a fake clock. */
export function trendsHarness(now: string, options: TrendsHarnessOptions = {}): TrendsHarness {
  const clock = fakeClock(now);
  const emulator = createJiraEmulator({ baseUrl: 'http://jira.test', now: () => clock.now() });
  const kv = createMemoryKvs({ now: () => clock.now() });
  const jobs: AppJob[] = [];
  const logger = consoleLogger({ test: 'global-page' }, 'error');
  const services = (context: Partial<InvocationContext> = {}): Services => ({
    jiraAsUser: context.accountId ? emulator.jiraPort(context.accountId) : emulator.appJiraPort(),
    jiraAsApp: slowed(emulator.appJiraPort(), clock, options.appSearchMs ?? 0),
    kv,
    slack: { send: async () => ({ ok: true, status: 200 }) },
    queue: { push: async (job) => void jobs.push(job) },
    clock,
    logger,
    siteUrl: 'http://jira.test',
    accountId: context.accountId ?? null,
  });
  // A resolver of its own, as each function instance has: its brief permission cache starts empty.
  const handlers = resolverHandlers(createGlobalPageResolver(), (context) => services(context));
  let seen = 0;
  return {
    emulator,
    clock,
    jobs,
    services,
    invoke: (call, payload, accountId = USER_ACCOUNT_ID) =>
      handlers[call]({ payload, context: { accountId } }) as never,
    takeRequests() {
      const taken = emulator.requests.slice(seen).map((request) => ({
        method: request.method,
        path: request.path,
        body: request.body,
      }));
      seen = emulator.requests.length;
      return taken;
    },
  };
}

function slowed(jira: JiraPort, clock: FakeClock, searchMs: number): JiraPort {
  if (searchMs === 0) return jira;
  return {
    requestJira: (path, init) => {
      if (path.value.endsWith('/search/jql')) clock.advance(searchMs);
      return jira.requestJira(path, init);
    },
  };
}
