/** The site's own address, for links in messages sent from contexts Forge gives no `siteUrl` (triggers, consumers, schedules). */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

const serverInfoSchema = z.looseObject({ baseUrl: z.url() });

/** `GET /rest/api/3/serverInfo`: `baseUrl` is the site's URL, e.g. `https://your-domain.atlassian.net`. */
export async function getSiteBaseUrl(jira: JiraPort): Promise<string> {
  const info = await jiraResponse('read the Jira site address', serverInfoSchema, () =>
    jira.requestJira(route`/rest/api/3/serverInfo`, { method: 'GET', headers: ACCEPT_JSON }),
  );
  return info.baseUrl.replace(/\/+$/, '');
}
