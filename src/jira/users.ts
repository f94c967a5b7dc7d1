/** User lookups: resolving an action item's `@handle` or name to an accountId. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, jiraResponse } from './jira-response';
import { route } from './route';

export interface JiraUser {
  accountId: string;
  displayName: string;
  active: boolean;
  accountType?: string;
  /** Hidden unless the user's profile visibility allows it. */
  emailAddress?: string;
}

const userSchema = z.looseObject({
  accountId: z.string(),
  displayName: z.string().default(''),
  active: z.boolean().default(true),
  accountType: z.string().optional(),
  emailAddress: z.string().optional(),
});

function toUser(user: z.infer<typeof userSchema>): JiraUser {
  return {
    accountId: user.accountId,
    displayName: user.displayName,
    active: user.active,
    ...(user.accountType ? { accountType: user.accountType } : {}),
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
  };
}

/** `GET /rest/api/3/user/search?query=` matches display name and email address prefixes. */
export async function searchUsers(
  jira: JiraPort,
  params: { query: string; maxResults?: number },
): Promise<JiraUser[]> {
  const query = new URLSearchParams({ query: params.query, maxResults: String(params.maxResults ?? 10) });
  const users = await jiraResponse('search users', z.array(userSchema), () =>
    jira.requestJira(route`/rest/api/3/user/search?${query}`, { method: 'GET', headers: ACCEPT_JSON }),
  );
  return users.map(toUser);
}

export async function getMyself(jira: JiraPort): Promise<JiraUser> {
  return toUser(
    await jiraResponse('read the current user', userSchema, () =>
      jira.requestJira(route`/rest/api/3/myself`, { method: 'GET', headers: ACCEPT_JSON }),
    ),
  );
}

/** `GET /rest/api/3/user?accountId=`: one account, as the caller may see it (404 when unknown). */
export async function getUser(jira: JiraPort, accountId: string): Promise<JiraUser> {
  const query = new URLSearchParams({ accountId });
  return toUser(
    await jiraResponse(`read the user ${accountId}`, userSchema, () =>
      jira.requestJira(route`/rest/api/3/user?${query}`, { method: 'GET', headers: ACCEPT_JSON }),
    ),
  );
}
