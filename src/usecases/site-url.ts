import { getSiteBaseUrl } from '../jira/server-info';
import type { JiraPort, KvPort } from '../ports';

const SITE_URL_KEY = 'site-url';

/**
 * The site's address for links in Slack: the invocation's own when Forge gives one (UI modules);
 * triggers, consumers and schedules get none, so Jira's `serverInfo` tells it, once per installation.
 * (Response `self` links are no substitute: behind Forge's gateway they need not carry the site's host.)
 */
export async function resolveSiteUrl(deps: { siteUrl: string; kv: KvPort; jira: JiraPort }): Promise<string> {
  if (deps.siteUrl) return deps.siteUrl;
  const cached = await deps.kv.get<string>(SITE_URL_KEY);
  if (cached) return cached;
  const siteUrl = await getSiteBaseUrl(deps.jira);
  await deps.kv.set(SITE_URL_KEY, siteUrl);
  return siteUrl;
}
