/** Issue links: the fallback tie between an incident and its action items when there is no sub-task type. */
import type { JiraPort } from '../ports';
import { JSON_HEADERS, sendJira } from './jira-response';
import { route } from './route';

export interface CreateIssueLinkParams {
  /** Link type by name, e.g. "Relates" or "Blocks" (the site's configured types). */
  type: string;
  inwardIssueKey: string;
  outwardIssueKey: string;
}

/** `POST /rest/api/3/issueLink`; Jira answers 201 with an empty body, so nothing to return. */
export async function createIssueLink(jira: JiraPort, params: CreateIssueLinkParams): Promise<void> {
  const body = {
    type: { name: params.type },
    inwardIssue: { key: params.inwardIssueKey },
    outwardIssue: { key: params.outwardIssueKey },
  };
  await sendJira(`link ${params.inwardIssueKey} to ${params.outwardIssueKey}`, () =>
    jira.requestJira(route`/rest/api/3/issueLink`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  );
}
