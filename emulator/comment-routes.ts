/**
 * `GET` and `POST /issue/{issueIdOrKey}/comment` (operations `getComments` and `addComment` in the
 * Jira platform REST API's OpenAPI document,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/).
 */
import { createRequire } from 'node:module';
import Ajv, { type ValidateFunction } from 'ajv';
import type { EmulatedComment } from './comment-store';
import { permissionsOf } from './directory';
import { errorResponse, jiraTimestamp, jsonResponse, type EmulatorResponse } from './emulator-types';
import { actorUserBean } from './issue-store';
import {
  intParam,
  isResponse,
  parseBody,
  visibleIssue,
  type Route,
  type RouteContext,
} from './route-context';

/**
 * "Comments are limited to 5000 per issue"; the spec's 413 is "the per-issue limit has been
 * breached" (Atlassian's per-issue entity limits, announced 2024).
 */
export const COMMENTS_PER_ISSUE_LIMIT = 5000;
/**
 * Jira's text-field limit (`jira.text.field.character.limit`, 32,767 characters by default). The
 * emulator counts the ADF body's JSON, which is longer than its text: the stricter reading.
 */
export const COMMENT_BODY_LIMIT = 32_767;
/**
 * The spec's `maxResults` default for `getComments`. Jira does not document a larger cap; the emulator
 * never returns more than the default in one page, so a caller that ignores `total` misses comments.
 */
export const COMMENTS_PAGE_LIMIT = 100;

const NOT_ADF = 'Comment body must be an Atlassian Document (see the Atlassian Document Format).';
const EMPTY = 'Comment body can not be empty!';
const NO_COMMENT_PERMISSION = 'You do not have the permission to comment on this issue.';

let adfSchemaValidator: ValidateFunction | undefined;

/**
 * The ADF JSON schema that "is available to validate documents"
 * (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/), as
 * `@atlaskit/adf-schema` ships it. Compiled on first use: it takes about a second.
 */
function adfSchema(): ValidateFunction {
  if (adfSchemaValidator) return adfSchemaValidator;
  const schema = createRequire(__filename)('@atlaskit/adf-schema/dist/json-schema/v1/full.json') as Record<
    string,
    unknown
  >;
  // The schema declares draft-04; none of its keywords differ in Ajv's default draft.
  const { $schema: _draft, ...rest } = schema;
  adfSchemaValidator = new Ajv({ strict: false }).compile(rest);
  return adfSchemaValidator;
}

/** Why `body` is not a comment Jira would store, or undefined. */
function adfProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return NOT_ADF;
  const validate = adfSchema();
  if (!validate(body)) {
    const first = validate.errors?.[0];
    return `${NOT_ADF} ${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim();
  }
  const doc = body as { content?: unknown };
  if (!Array.isArray(doc.content) || doc.content.length === 0) return EMPTY;
  return undefined;
}

function mentionedAccounts(node: unknown, into: string[] = []): string[] {
  if (typeof node !== 'object' || node === null) return into;
  const record = node as { type?: unknown; attrs?: { id?: unknown }; content?: unknown };
  if (record.type === 'mention' && typeof record.attrs?.id === 'string') into.push(record.attrs.id);
  if (Array.isArray(record.content)) for (const child of record.content) mentionedAccounts(child, into);
  return into;
}

function commentBean(
  context: RouteContext,
  issueId: string,
  comment: EmulatedComment,
): Record<string, unknown> {
  const author = actorUserBean(context, comment.author);
  return {
    self: `${context.baseUrl}/rest/api/3/issue/${issueId}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: comment.created,
    updated: comment.updated,
    jsdPublic: true,
  };
}

function addComment(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  if (held.comment === false) return errorResponse(403, [NO_COMMENT_PERMISSION]);
  const parsed = parseBody(context);
  if (!parsed.ok) return parsed.response;
  const input = parsed.value as { body?: unknown; visibility?: unknown } | undefined;
  if (input?.body === undefined) return errorResponse(400, [EMPTY]);
  // The emulated site has no project roles or groups to restrict a comment to.
  if (input.visibility !== undefined)
    return errorResponse(400, [], { commentLevel: 'The emulator has no roles or groups for visibility.' });
  const problem = adfProblem(input.body);
  if (problem) return errorResponse(400, [], { comment: problem });
  if (JSON.stringify(input.body).length > COMMENT_BODY_LIMIT)
    return errorResponse(400, [], {
      comment: `The entered text is too long. It exceeds the allowed limit of ${COMMENT_BODY_LIMIT} characters.`,
    });
  // Jira's docs do not say what a mention of an unknown account does; the emulator refuses it (the
  // stricter reading), so a mention that would notify nobody is caught in tests.
  const unknown = mentionedAccounts(input.body).filter((id) => !context.directory.users.has(id));
  if (unknown.length > 0)
    return errorResponse(400, [], { comment: `Mentioned accounts do not exist: ${unknown.join(', ')}.` });
  if (context.comments.of(issue.id).length >= COMMENTS_PER_ISSUE_LIMIT)
    return errorResponse(413, [`The issue has reached its limit of ${COMMENTS_PER_ISSUE_LIMIT} comments.`]);
  const now = jiraTimestamp(context.now());
  const comment = context.comments.add({
    issueId: issue.id,
    author: context.actor,
    body: structuredClone(input.body as Record<string, unknown>),
    created: now,
    updated: now,
  });
  // A comment updates the issue's `updated` (it is an issue change for JQL's `updated`), not its changelog.
  issue.fields.updated = now;
  context.store.touch(issue);
  return jsonResponse(201, commentBean(context, issue.id, comment));
}

const ORDERS = new Set(['created', '+created', '-created']);

function getComments(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const orderBy = context.query.get('orderBy');
  if (orderBy !== null && !ORDERS.has(orderBy))
    return errorResponse(400, [`orderBy must be one of ${[...ORDERS].join(', ')}.`]);
  const comments = context.comments.of(issue.id);
  if (orderBy === '-created') comments.reverse();
  const startAt = intParam(context.query, 'startAt', 0);
  const maxResults = Math.min(
    intParam(context.query, 'maxResults', COMMENTS_PAGE_LIMIT),
    COMMENTS_PAGE_LIMIT,
  );
  return jsonResponse(200, {
    startAt,
    maxResults,
    total: comments.length,
    comments: comments
      .slice(startAt, startAt + maxResults)
      .map((comment) => commentBean(context, issue.id, comment)),
  });
}

export const COMMENT_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/issue\/([^/]+)\/comment$/, handler: getComments },
  { method: 'POST', pattern: /^\/issue\/([^/]+)\/comment$/, handler: addComment },
];
