/** An issue's comments (`/rest/api/3/issue/{issueIdOrKey}/comment`), paged by `startAt` like the changelog. */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { ACCEPT_JSON, JSON_HEADERS, jiraResponse } from './jira-response';
import { route } from './route';

export interface IssueComment {
  id: string;
  created: string;
  authorName: string | null;
  /** The body as Jira answers it in API v3: an ADF document. */
  body: unknown;
}

// PageOfComments in Jira's OpenAPI spec; `author` is absent for an anonymous or deleted account.
const pageSchema = z.looseObject({
  startAt: z.number().int().default(0),
  total: z.number().int().optional(),
  comments: z
    .array(
      z.looseObject({
        id: z.string(),
        created: z.string(),
        author: z.looseObject({ displayName: z.string().optional() }).optional(),
        body: z.unknown(),
      }),
    )
    .default([]),
});

/** Every comment, oldest first (`orderBy=created`), one page per request until `total` is reached. */
export async function* getComments(
  jira: JiraPort,
  params: { issueIdOrKey: string; maxResults?: number },
): AsyncGenerator<IssueComment[], void, undefined> {
  const maxResults = params.maxResults ?? 100;
  let startAt = 0;
  for (;;) {
    const query = new URLSearchParams({
      startAt: String(startAt),
      maxResults: String(maxResults),
      orderBy: 'created',
    });
    const page = await jiraResponse(`read the comments of ${params.issueIdOrKey}`, pageSchema, () =>
      jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/comment?${query}`, {
        method: 'GET',
        headers: ACCEPT_JSON,
      }),
    );
    yield page.comments.map((comment) => ({
      id: comment.id,
      created: comment.created,
      authorName: comment.author?.displayName ?? null,
      body: comment.body,
    }));
    const next = page.startAt + page.comments.length;
    if (page.comments.length === 0 || next >= (page.total ?? next)) return;
    startAt = next;
  }
}

const addedSchema = z.looseObject({ id: z.string(), created: z.string() });

/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/comment` with an ADF body; as the user, so the comment is
 * theirs and Jira notifies the accounts it mentions.
 */
export async function addComment(
  jira: JiraPort,
  params: { issueIdOrKey: string; body: unknown },
): Promise<{ id: string; created: string }> {
  const added = await jiraResponse(`comment on ${params.issueIdOrKey}`, addedSchema, () =>
    jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}/comment`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ body: params.body }),
    }),
  );
  return { id: added.id, created: added.created };
}
