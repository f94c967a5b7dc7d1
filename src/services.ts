import type { InvocationContext } from './contract/invocation-context';
import type { Clock, JiraPort, KvPort, Logger, QueuePort, SlackPort } from './ports';

/** Everything a handler needs, built per invocation by Forge, the tests or the local preview. */
export interface Services {
  /** Jira as the calling user (Jira permissions apply); only resolvers use it, and they refuse calls without a user. */
  jiraAsUser: JiraPort;
  jiraAsApp: JiraPort;
  kv: KvPort;
  slack: SlackPort;
  queue: QueuePort;
  clock: Clock;
  logger: Logger;
  siteUrl: string;
  /**
   * The app's global page, as a path on the site (`/jira/apps/<app id>/<environment id>` in Jira), for
   * links to the trend report; absent where the runtime does not say.
   */
  globalPagePath?: string;
  /** The calling user; null for triggers, consumers and scheduled work. */
  accountId: string | null;
}

export type ServicesFactory = (context: InvocationContext) => Services;
