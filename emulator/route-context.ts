/** What every REST handler gets: the emulator's state, the caller, and the parsed request. */
import type { CommentStore } from './comment-store';
import type { CompileJql, JqlContext } from './jql/compile-jql.types';
import { canBrowseIssue, permissionsOf, type Directory } from './directory';
import type { EmulatedIssue, EmulatorResponse } from './emulator-types';
import { errorResponse, issueNotFound } from './emulator-types';
import type { IssueEvents } from './issue-events';
import type { Actor, IssueStore } from './issue-store';
import type { SearchIndex } from './search-index';

export interface RouteContext {
  store: IssueStore;
  comments: CommentStore;
  /** What `search/jql` and `approximate-count` see: the store's writes, after the index lag. */
  searchIndex: SearchIndex;
  directory: Directory;
  events: IssueEvents;
  baseUrl: string;
  now: () => Date;
  compileJql: CompileJql;
  propertyAliases: JqlContext['propertyAliases'];
  actor: Actor;
  method: string;
  query: URLSearchParams;
  body: string | undefined;
  /** Sorted search results by query, caller and index version (paging 50,000 issues must not re-sort per page). */
  searchCache: Map<string, EmulatedIssue[]>;
  /** Path parameters captured by the route's pattern, decoded. */
  params: string[];
}

export type RouteHandler = (context: RouteContext) => EmulatorResponse;

export interface Route {
  method: string;
  /** Matched against the path after `/rest/api/3`, without the query. */
  pattern: RegExp;
  handler: RouteHandler;
}

export type ParsedBody = { ok: true; value: unknown } | { ok: false; response: EmulatorResponse };

export function parseBody(context: RouteContext): ParsedBody {
  if (context.body === undefined || context.body === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(context.body) as unknown };
  } catch {
    return {
      ok: false,
      response: errorResponse(400, ['Unexpected character in the request body: it is not valid JSON.']),
    };
  }
}

/** The issue if the caller may browse it; Jira answers 404 alike for missing and hidden issues. */
export function visibleIssue(
  context: RouteContext,
  idOrKey: string | undefined,
): EmulatedIssue | EmulatorResponse {
  const issue = idOrKey === undefined ? undefined : context.store.find(idOrKey);
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  if (!issue || !canBrowseIssue(held, issue, context.actor.asApp)) return issueNotFound();
  return issue;
}

export function isResponse(value: EmulatedIssue | EmulatorResponse): value is EmulatorResponse {
  return 'status' in value && 'body' in value;
}

export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  const value = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

// The app's account has no profile; Jira reads its date literals in the site's default zone (UTC here).
const SITE_TIME_ZONE = 'UTC';

/**
 * Jira reads JQL date literals and `startOfDay()`-style functions in the searching user's time zone
 * (https://support.atlassian.com/jira-work-management/docs/advanced-search-reference-jql-fields/): `updated >= "2025-03-01 00:00"`
 * from a user at UTC-12 means 12:00 UTC.
 */
export function jqlContext(context: RouteContext): JqlContext {
  const user = context.actor.asApp ? undefined : context.directory.users.get(context.actor.accountId);
  return {
    now: context.now(),
    timeZone: user?.timeZone ?? SITE_TIME_ZONE,
    currentAccountId: context.actor.accountId,
    propertyAliases: context.propertyAliases,
  };
}
