import { fetch, getAppContext } from '@forge/api';
import type { InvocationContext } from '../contract/invocation-context';
import { consoleLogger } from '../runtime/console-logger';
import { systemClock } from '../runtime/system-clock';
import type { Services } from '../services';
import { timeBoxedJiraPort } from '../runtime/time-boxed-jira-port';
import { createWebhookSlackPort } from '../slack/webhook-slack-port';
import { forgeJiraPort } from './forge-jira-port';
import { forgeKvsPort } from './forge-kvs-port';
import { forgeQueuePort } from './forge-queue-port';

// Well under a resolver's 25 s and a consumer's 900 s: a hung request costs one retry, not the invocation.
const JIRA_REQUEST_TIMEOUT_MS = 20_000;

/** The production adapters behind every port, for one invocation. */
export function forgeServices(context: InvocationContext): Services {
  return {
    // Never the app in a user's place: without a user, asUser() requests fail (and resolvers refuse first).
    jiraAsUser: timeBoxedJiraPort(forgeJiraPort('user'), JIRA_REQUEST_TIMEOUT_MS),
    jiraAsApp: timeBoxedJiraPort(forgeJiraPort('app'), JIRA_REQUEST_TIMEOUT_MS),
    kv: forgeKvsPort(),
    // Egress to hooks.slack.com is declared in manifest.yml (permissions.external.fetch.backend).
    slack: createWebhookSlackPort({ fetch: fetch as unknown as typeof globalThis.fetch, clock: systemClock }),
    queue: forgeQueuePort(),
    clock: systemClock,
    logger: consoleLogger({ cloudId: context.cloudId, moduleKey: context.moduleKey }),
    siteUrl: context.siteUrl ?? '',
    ...globalPage(),
    accountId: context.accountId ?? null,
  };
}

/** Jira serves a `jira:globalPage` at `/jira/apps/<app id>/<environment id>` of the site. */
function globalPage(): { globalPagePath?: string } {
  try {
    const { appAri, environmentAri } = getAppContext();
    return { globalPagePath: `/jira/apps/${appAri.appId}/${environmentAri.environmentId}` };
  } catch {
    // Older runtimes have no app context: messages then go without the link.
    return {};
  }
}
