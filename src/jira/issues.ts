/** Issue endpoints: get, edit, create and bulk create (`/rest/api/3/issue...`). */
import { z } from 'zod';
import { AppError, type ErrorKind, isAppError } from '../contract/errors';
import type { JiraPort, JiraResponse } from '../ports';
import { errorKindForStatus, jiraErrorFromBody, jiraNetworkError } from './jira-errors';
import { ACCEPT_JSON, JSON_HEADERS, jiraResponse, parseJiraBody, sendJira } from './jira-response';
import { route } from './route';

/** Jira accepts at most 50 issues per `POST /rest/api/3/issue/bulk` (documented in prose only). */
export const BULK_CREATE_LIMIT = 50;

const anyFields = z.record(z.string(), z.unknown());

export interface JiraIssue<F = Record<string, unknown>> {
  id?: string;
  key: string;
  fields: F;
  changelog?: unknown;
  properties?: Record<string, unknown>;
}

export function issueSchema<F>(fieldsSchema: z.ZodType<F>): z.ZodType<JiraIssue<F>> {
  return z.looseObject({
    id: z.string().optional(),
    key: z.string(),
    fields: fieldsSchema,
    changelog: z.unknown().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  });
}

export interface GetIssueParams<F> {
  issueIdOrKey: string;
  /** Only the fields the caller reads; Jira returns every field otherwise. */
  fields?: string[];
  expand?: string[];
  properties?: string[];
  /** Validates just the fields the caller relies on. */
  fieldsSchema?: z.ZodType<F>;
}

export async function getIssue<F = Record<string, unknown>>(
  jira: JiraPort,
  params: GetIssueParams<F>,
): Promise<JiraIssue<F>> {
  const query = new URLSearchParams();
  if (params.fields) query.set('fields', params.fields.join(','));
  if (params.expand) query.set('expand', params.expand.join(','));
  if (params.properties) query.set('properties', params.properties.join(','));
  const schema = issueSchema((params.fieldsSchema ?? anyFields) as z.ZodType<F>);
  return jiraResponse(`read issue ${params.issueIdOrKey}`, schema, () =>
    jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}?${query}`, {
      method: 'GET',
      headers: ACCEPT_JSON,
    }),
  );
}

export interface EditIssueParams {
  issueIdOrKey: string;
  fields?: Record<string, unknown>;
  update?: Record<string, unknown[]>;
  /** Label changes as `update.labels` verbs, so concurrent edits of other labels are kept. */
  labels?: { add?: string[]; remove?: string[] };
  notifyUsers?: boolean;
}

export function editIssueBody(params: EditIssueParams): Record<string, unknown> {
  const update: Record<string, unknown[]> = { ...params.update };
  const labelOps = [
    ...(params.labels?.add ?? []).map((label) => ({ add: label })),
    ...(params.labels?.remove ?? []).map((label) => ({ remove: label })),
  ];
  if (labelOps.length > 0) update.labels = [...(update.labels ?? []), ...labelOps];
  const body: Record<string, unknown> = {};
  if (params.fields && Object.keys(params.fields).length > 0) body.fields = params.fields;
  if (Object.keys(update).length > 0) body.update = update;
  return body;
}

export async function editIssue(jira: JiraPort, params: EditIssueParams): Promise<void> {
  const body = editIssueBody(params);
  if (Object.keys(body).length === 0) return;
  const query = new URLSearchParams();
  if (params.notifyUsers === false) query.set('notifyUsers', 'false');
  await sendJira(`edit issue ${params.issueIdOrKey}`, () =>
    jira.requestJira(route`/rest/api/3/issue/${params.issueIdOrKey}?${query}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    }),
  );
}

/** `IssueUpdateDetails`: what one create (single or bulk element) sends. */
export interface IssueUpdate {
  fields: Record<string, unknown>;
  update?: Record<string, unknown[]>;
  /** Set atomically with the create, e.g. the action-item row id that makes creation idempotent. */
  properties?: Array<{ key: string; value: unknown }>;
}

export interface CreatedIssue {
  id: string;
  key: string;
  self?: string;
}

const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string(), self: z.string().optional() });

export async function createIssue(jira: JiraPort, issue: IssueUpdate): Promise<CreatedIssue> {
  const created = await jiraResponse('create issue', createdIssueSchema, () =>
    jira.requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(issue),
    }),
  );
  return { id: created.id, key: created.key, ...(created.self ? { self: created.self } : {}) };
}

const errorCollectionSchema = z.looseObject({
  errorMessages: z.array(z.string()).optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

const createdIssuesSchema = z.looseObject({
  issues: z.array(createdIssueSchema).default([]),
  errors: z
    .array(
      z.looseObject({
        elementErrors: errorCollectionSchema.optional(),
        failedElementNumber: z.number().int(),
        status: z.number().int().optional(),
      }),
    )
    .default([]),
});

export interface BulkCreateFailure {
  /** Position in the caller's `issues` array. */
  index: number;
  status: number | null;
  kind: ErrorKind;
  message: string;
  fields: Record<string, string>;
  retryAfterMs?: number;
}

export interface BulkCreateResult {
  created: Array<CreatedIssue & { index: number }>;
  failed: BulkCreateFailure[];
}

export interface BulkCreateParams {
  issues: IssueUpdate[];
}

async function sendBatch(jira: JiraPort, batch: IssueUpdate[]): Promise<z.infer<typeof createdIssuesSchema>> {
  const operation = `create ${batch.length} issues`;
  let response: JiraResponse;
  try {
    response = await jira.requestJira(route`/rest/api/3/issue/bulk`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ issueUpdates: batch }),
    });
  } catch (error) {
    throw jiraNetworkError(operation, error);
  }
  if (response.ok) return parseJiraBody(operation, response, createdIssuesSchema);
  const body = await response.text().catch(() => '');
  if (response.status === 400) {
    // When every element fails Jira answers 400 with the same CreatedIssues body: per-element errors.
    const partial = safeJson(body);
    const parsed = createdIssuesSchema.safeParse(partial);
    if (parsed.success && parsed.data.errors.length > 0) return parsed.data;
  }
  throw jiraErrorFromBody(response, body, operation);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Creates issues in batches of ≤ 50, in order. Per-element failures come back as values with the
 * caller's index; when a whole batch fails (429 after retries, 5xx, 403) the remaining elements are
 * reported failed with that error instead of throwing, so the keys created so far are never lost.
 */
export async function bulkCreateIssues(jira: JiraPort, params: BulkCreateParams): Promise<BulkCreateResult> {
  const result: BulkCreateResult = { created: [], failed: [] };
  for (let offset = 0; offset < params.issues.length; offset += BULK_CREATE_LIMIT) {
    const batch = params.issues.slice(offset, offset + BULK_CREATE_LIMIT);
    let answer: z.infer<typeof createdIssuesSchema>;
    try {
      answer = await sendBatch(jira, batch);
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : new AppError('Internal', `Creating issues failed: ${String(error)}`, { cause: error });
      for (let index = offset; index < params.issues.length; index += 1) {
        result.failed.push({
          index,
          status: null,
          kind: appError.kind,
          message: appError.message,
          fields: appError.fields ?? {},
          ...(appError.retryAfterMs !== undefined ? { retryAfterMs: appError.retryAfterMs } : {}),
        });
      }
      return result;
    }
    const failedInBatch = new Set<number>();
    for (const failure of answer.errors) {
      if (failure.failedElementNumber < 0 || failure.failedElementNumber >= batch.length) {
        throw new AppError(
          'Internal',
          `Jira reported a failure for element ${failure.failedElementNumber} of a batch of ${batch.length}`,
        );
      }
      failedInBatch.add(failure.failedElementNumber);
      const messages = failure.elementErrors?.errorMessages ?? [];
      const fields = failure.elementErrors?.errors ?? {};
      const detail = [...messages, ...Object.entries(fields).map(([f, m]) => `${f}: ${m}`)].join('; ');
      result.failed.push({
        index: offset + failure.failedElementNumber,
        status: failure.status ?? null,
        kind: failure.status === undefined ? 'InvalidInput' : errorKindForStatus(failure.status),
        message: detail || 'Jira did not create this issue',
        fields,
      });
    }
    // Jira lists created issues in request order, skipping the failed elements.
    const succeeded = batch.map((_, i) => i).filter((i) => !failedInBatch.has(i));
    if (succeeded.length !== answer.issues.length) {
      throw new AppError(
        'Internal',
        `Jira created ${answer.issues.length} issues (${answer.issues.map((i) => i.key).join(', ')}) but reported ${failedInBatch.size} failures for a batch of ${batch.length}`,
      );
    }
    answer.issues.forEach((issue, i) => {
      const index = offset + (succeeded[i] ?? 0);
      result.created.push({
        index,
        id: issue.id,
        key: issue.key,
        ...(issue.self ? { self: issue.self } : {}),
      });
    });
  }
  result.failed.sort((a, b) => a.index - b.index);
  return result;
}

/** `POST /rest/api/3/issue/bulkfetch` takes at most 100 ids or keys (OpenAPI spec). */
export const BULK_FETCH_LIMIT = 100;

export interface BulkFetchParams<F> {
  issueIdsOrKeys: string[];
  fields: string[];
  fieldsSchema: z.ZodType<F>;
  /** At most 5 issue property keys (OpenAPI spec). */
  properties?: string[];
}

/**
 * The issues as they are now (read directly, not through the search index), ≤ 100 per request, as
 * the caller's Jira port may see them: issues that do not exist or that it may not browse are simply
 * absent from the answer
 * (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post).
 */
export async function bulkFetchIssues<F>(
  jira: JiraPort,
  params: BulkFetchParams<F>,
): Promise<Array<JiraIssue<F>>> {
  const answerSchema = z.looseObject({ issues: z.array(issueSchema(params.fieldsSchema)).default([]) });
  const fetched: Array<JiraIssue<F>> = [];
  for (let offset = 0; offset < params.issueIdsOrKeys.length; offset += BULK_FETCH_LIMIT) {
    const batch = params.issueIdsOrKeys.slice(offset, offset + BULK_FETCH_LIMIT);
    const answer = await jiraResponse(`read ${batch.length} issues`, answerSchema, () =>
      jira.requestJira(route`/rest/api/3/issue/bulkfetch`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          issueIdsOrKeys: batch,
          fields: params.fields,
          ...(params.properties ? { properties: params.properties } : {}),
        }),
      }),
    );
    fetched.push(...answer.issues);
  }
  return fetched;
}
