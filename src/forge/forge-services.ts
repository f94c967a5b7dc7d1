import { fetch } from '@forge/api';
import type { InvocationContext } from '../contract/invocation-context';
import { consoleLogger } from '../runtime/console-logger';
import { systemClock } from '../runtime/system-clock';
import type { Services } from '../services';
import { createWebhookSlackPort } from '../slack/webhook-slack-port';
import { forgeJiraPort } from './forge-jira-port';
import { forgeKvsPort } from './forge-kvs-port';
import { forgeQueuePort } from './forge-queue-port';

/** The production adapters behind every port, for one invocation. */
export function forgeServices(context: InvocationContext): Services {
  return {
    jiraAsUser: forgeJiraPort(context.accountId ? 'user' : 'app'),
    jiraAsApp: forgeJiraPort('app'),
    kv: forgeKvsPort(),
    // Egress to hooks.slack.com is declared in manifest.yml (permissions.external.fetch.backend).
    slack: createWebhookSlackPort({ fetch: fetch as unknown as typeof globalThis.fetch, clock: systemClock }),
    queue: forgeQueuePort(),
    clock: systemClock,
    logger: consoleLogger({ cloudId: context.cloudId, moduleKey: context.moduleKey }),
    siteUrl: context.siteUrl ?? '',
    accountId: context.accountId ?? null,
  };
}
