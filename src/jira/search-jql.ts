/**
 * `POST /rest/api/3/search/jql` as an async iterator over pages. The old `/search` answers 410 and
 * this one has no `startAt`/`total`: it pages by `nextPageToken` until `isLast`.
 */
import { z } from 'zod';
import type { JiraPort } from '../ports';
import { issueSchema, type JiraIssue } from './issues';
import { JSON_HEADERS, jiraResponse } from './jira-response';
import { route } from './route';

/** `reconcileIssues` accepts at most 50 ids (OpenAPI spec of search/jql; https://jira.atlassian.com/browse/JRACLOUD-96208). */
export const RECONCILE_ISSUES_LIMIT = 50;

export interface SearchJqlParams<F> {
  /** Must be bounded (a restriction besides ORDER BY), or Jira answers 400. */
  jql: string;
  /** The endpoint returns only `id` unless fields are named. */
  fields?: string[];
  maxResults?: number;
  expand?: string;
  properties?: string[];
  /**
   * Issue ids (≤ 50) returned as they are now, whatever the eventually consistent index holds
   * (https://jira.atlassian.com/browse/JRACLOUD-96208, "Search After Write with Search And Reconcile").
   */
  reconcileIssues?: number[];
  fieldsSchema?: z.ZodType<F>;
}

export interface SearchPage<F> {
  issues: Array<JiraIssue<F>>;
  isLast: boolean;
  nextPageToken?: string;
}

const anyFields = z.record(z.string(), z.unknown());

/**
 * One page: the first without a token, else the page the token names. Callers that retry a failed
 * page pass the same token again, so paging resumes where it failed instead of at page 1.
 */
export async function searchJqlPage<F = Record<string, unknown>>(
  jira: JiraPort,
  params: SearchJqlParams<F>,
  nextPageToken?: string,
): Promise<SearchPage<F>> {
  const pageSchema = z.looseObject({
    issues: z.array(issueSchema((params.fieldsSchema ?? anyFields) as z.ZodType<F>)).default([]),
    isLast: z.boolean().optional(),
    nextPageToken: z.string().nullish(),
  });
  const body = {
    jql: params.jql,
    ...(params.fields ? { fields: params.fields } : {}),
    ...(params.maxResults !== undefined ? { maxResults: params.maxResults } : {}),
    ...(params.expand ? { expand: params.expand } : {}),
    ...(params.properties ? { properties: params.properties } : {}),
    ...(params.reconcileIssues ? { reconcileIssues: params.reconcileIssues } : {}),
    ...(nextPageToken ? { nextPageToken } : {}),
  };
  const page = await jiraResponse('search issues with JQL', pageSchema, () =>
    jira.requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  );
  const token = page.nextPageToken ?? undefined;
  // A page without a token cannot be followed, whatever `isLast` says; stopping avoids a loop.
  const isLast = page.isLast === true || !token;
  return { issues: page.issues, isLast, ...(token && !isLast ? { nextPageToken: token } : {}) };
}

export async function* searchJql<F = Record<string, unknown>>(
  jira: JiraPort,
  params: SearchJqlParams<F>,
): AsyncGenerator<SearchPage<F>, void, undefined> {
  let nextPageToken: string | undefined;
  do {
    const page = await searchJqlPage(jira, params, nextPageToken);
    yield page;
    nextPageToken = page.nextPageToken;
  } while (nextPageToken);
}

/** Every issue of every page; for callers that need them all. */
export async function searchJqlAll<F = Record<string, unknown>>(
  jira: JiraPort,
  params: SearchJqlParams<F>,
): Promise<Array<JiraIssue<F>>> {
  const issues: Array<JiraIssue<F>> = [];
  for await (const page of searchJql(jira, params)) issues.push(...page.issues);
  return issues;
}

const countSchema = z.looseObject({ count: z.number().int().nonnegative() });

/** `POST /rest/api/3/search/approximate-count`: cheap, eventually consistent, for counts only. */
export async function approximateCount(jira: JiraPort, params: { jql: string }): Promise<number> {
  const result = await jiraResponse('count issues with JQL', countSchema, () =>
    jira.requestJira(route`/rest/api/3/search/approximate-count`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ jql: params.jql }),
    }),
  );
  return result.count;
}
