/** `search/jql`, `search/approximate-count`, `jql/parse`, and the removed `search` (410 Gone). */
import { JqlError, type CompiledJql } from './jql/compile-jql.types';
import { DATE_FUNCTIONS } from './jql/jql-dates';
import { canBrowseIssue, permissionsOf } from './directory';
import { errorResponse, jsonResponse, type EmulatedIssue, type EmulatorResponse } from './emulator-types';
import { asRecord, asString } from './field-values';
import { issueView } from './issue-view';
import { jqlContext, listParam, parseBody, type Route, type RouteContext } from './route-context';

export const UNBOUNDED_JQL_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
export const SEARCH_REMOVED_MESSAGE =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

const DEFAULT_MAX_RESULTS = 50;
// Jira pages up to 5000 issues when only ids are asked for, 100 otherwise.
const MAX_RESULTS_IDS_ONLY = 5000;
const MAX_RESULTS_WITH_FIELDS = 100;
// `reconcileIssues` "accepts max 50 ids" (OpenAPI spec of search/jql; https://jira.atlassian.com/browse/JRACLOUD-96208).
export const RECONCILE_LIMIT = 50;

interface SearchRequest {
  jql: string;
  nextPageToken: string | undefined;
  maxResults: number | undefined;
  fields: string[];
  expand: string[];
  properties: string[];
  /** Issue ids read as they are now (strongly consistent), whatever the index shows. */
  reconcileIssues: string[];
}

type Compiled = { ok: true; jql: CompiledJql } | { ok: false; response: EmulatorResponse };

function compile(context: RouteContext, jql: string): Compiled {
  try {
    const compiled = context.compileJql(jql, jqlContext(context));
    if (!compiled.bounded) return { ok: false, response: errorResponse(400, [UNBOUNDED_JQL_MESSAGE]) };
    return { ok: true, jql: compiled };
  } catch (error) {
    if (error instanceof JqlError) return { ok: false, response: errorResponse(400, error.errorMessages) };
    throw error;
  }
}

// Relative dates (`-30d`, `"-2w"`) and date functions (`now()`, `startOfMonth(-1)`) make a query's
// result depend on the clock; parentheses and issue keys (`INC-12`) alone do not.
const TIME_DEPENDENT = new RegExp(
  `\\b(${[...DATE_FUNCTIONS].join('|')})\\s*\\(|(^|[\\s"'(=<>,])[-+]?\\d+\\s*[wdhm]\\b`,
  'i',
);
const SEARCH_CACHE_SIZE = 32;

/**
 * What the query runs over: the index as it stands (lagging writes missing or stale), except the
 * reconciled issues, which are read from the store as they are now (or dropped when gone).
 */
function candidates(context: RouteContext, reconcileIssues: string[]): EmulatedIssue[] {
  const searchable = context.searchIndex.searchable();
  if (reconcileIssues.length === 0) return searchable;
  const reconciled = new Set(reconcileIssues);
  const current = reconcileIssues.flatMap((id) => {
    const issue = context.store.find(id);
    return issue && issue.id === id ? [issue] : [];
  });
  return [...searchable.filter((issue) => !reconciled.has(issue.id)), ...current];
}

/**
 * The issues a JQL query finds, in its order. Cached per query, caller, index version, reconciled
 * ids (with the store's writes, which they read) and (for time-dependent queries) clock, so paging a
 * large result neither re-parses the JQL nor re-sorts.
 */
function matching(
  context: RouteContext,
  jql: string,
  reconcileIssues: string[] = [],
): { ok: true; found: EmulatedIssue[] } | { ok: false; response: EmulatorResponse } {
  const clock = TIME_DEPENDENT.test(jql) ? context.now().getTime() : '';
  const reconciled =
    reconcileIssues.length === 0 ? '' : `${reconcileIssues.join(',')}@${context.searchIndex.writes()}`;
  const key = [
    jql,
    context.actor.accountId,
    context.actor.asApp,
    context.searchIndex.version(),
    reconciled,
    clock,
  ].join('\u0000');
  const cached = context.searchCache.get(key);
  if (cached) {
    // Least recently used goes first: re-inserting keeps the queries being paged at the end.
    context.searchCache.delete(key);
    context.searchCache.set(key, cached);
    return { ok: true, found: cached };
  }
  const compiled = compile(context, jql);
  if (!compiled.ok) return compiled;
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  // Jira searches only what the caller may see: projects they can browse, security levels they are in.
  const found = candidates(context, reconcileIssues)
    .filter((issue) => canBrowseIssue(held, issue, context.actor.asApp) && compiled.jql.matches(issue))
    .sort((a, b) => compiled.jql.compare(a, b));
  // Evicting only the oldest entry: clearing all made every query being paged re-scan the store
  // whenever a new one arrived, which turned paging many queries at once quadratic.
  if (context.searchCache.size >= SEARCH_CACHE_SIZE) {
    const oldest = context.searchCache.keys().next();
    if (!oldest.done) context.searchCache.delete(oldest.value);
  }
  context.searchCache.set(key, found);
  return { ok: true, found };
}

function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jql })).toString('base64url');
}

function decodeToken(token: string, jql: string): number | undefined {
  try {
    const decoded = asRecord(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    const offset = decoded?.o;
    return typeof offset === 'number' && decoded?.q === jql ? offset : undefined;
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/** `reconcileIssues`: int64 issue ids, at most 50; anything else is the client's error. */
function reconcileIds(values: unknown[]): string[] | EmulatorResponse {
  if (values.length > RECONCILE_LIMIT)
    return errorResponse(400, [
      `reconcileIssues accepts at most ${RECONCILE_LIMIT} issue ids; the request had ${values.length}.`,
    ]);
  const ids = values.map((value) =>
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value,
  );
  if (!ids.every((id) => typeof id === 'number' && Number.isSafeInteger(id)))
    return errorResponse(400, ['reconcileIssues must be a list of numeric issue ids.']);
  return ids.map(String);
}

function searchRequest(context: RouteContext): SearchRequest | EmulatorResponse {
  if (context.method === 'GET') {
    const max = context.query.get('maxResults');
    const reconcileIssues = reconcileIds(listParam(context.query, 'reconcileIssues') ?? []);
    if (!Array.isArray(reconcileIssues)) return reconcileIssues;
    return {
      jql: context.query.get('jql') ?? '',
      nextPageToken: context.query.get('nextPageToken') ?? undefined,
      maxResults: max === null ? undefined : Number(max),
      fields: listParam(context.query, 'fields') ?? ['id'],
      expand: listParam(context.query, 'expand') ?? [],
      properties: listParam(context.query, 'properties') ?? [],
      reconcileIssues,
    };
  }
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const record = asRecord(body.value) ?? {};
  const max = record.maxResults;
  const reconcile = record.reconcileIssues ?? [];
  if (!Array.isArray(reconcile))
    return errorResponse(400, ['reconcileIssues must be a list of numeric issue ids.']);
  const reconcileIssues = reconcileIds(reconcile);
  if (!Array.isArray(reconcileIssues)) return reconcileIssues;
  return {
    jql: asString(record.jql) ?? '',
    nextPageToken: asString(record.nextPageToken),
    maxResults: typeof max === 'number' ? max : undefined,
    fields: stringList(record.fields) ?? ['id'],
    expand: stringList(record.expand) ?? [],
    properties: stringList(record.properties) ?? [],
    reconcileIssues,
  };
}

function isRequest(value: SearchRequest | EmulatorResponse): value is SearchRequest {
  return 'jql' in value;
}

function searchJql(context: RouteContext): EmulatorResponse {
  const request = searchRequest(context);
  if (!isRequest(request)) return request;
  const idsOnly = request.fields.every((f) => f === 'id' || f === 'key');
  const cap = idsOnly ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS;
  const maxResults = request.maxResults ?? DEFAULT_MAX_RESULTS;
  if (!Number.isInteger(maxResults) || maxResults < 0)
    return errorResponse(400, ['maxResults must be a non-negative integer.']);
  const matched = matching(context, request.jql, request.reconcileIssues);
  if (!matched.ok) return matched.response;
  const offset = request.nextPageToken === undefined ? 0 : decodeToken(request.nextPageToken, request.jql);
  if (offset === undefined)
    return errorResponse(400, ['The provided next page token is invalid or expired.']);
  const { found } = matched;
  const size = Math.min(maxResults, cap);
  const page = found.slice(offset, offset + size);
  const isLast = offset + page.length >= found.length;
  const issues = page.map((issue) =>
    idsOnly && request.properties.length === 0 && request.expand.length === 0
      ? { id: issue.id }
      : issueView(issue, context.store.self(issue), {
          fields: request.fields,
          expand: request.expand,
          properties: request.properties,
        }),
  );
  return jsonResponse(200, {
    issues,
    isLast,
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, request.jql) }),
  });
}

function approximateCount(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const jql = asString(asRecord(body.value)?.jql) ?? '';
  const matched = matching(context, jql);
  if (!matched.ok) return matched.response;
  return jsonResponse(200, { count: matched.found.length });
}

function parseJql(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const queries = asRecord(body.value)?.queries;
  if (!Array.isArray(queries)) return errorResponse(400, ['queries must be a list of JQL strings.']);
  const parsed = queries.map((query) => {
    const text = asString(query) ?? '';
    try {
      context.compileJql(text, jqlContext(context));
      return { query: text, structure: {} };
    } catch (error) {
      if (error instanceof JqlError) return { query: text, errors: error.errorMessages };
      throw error;
    }
  });
  return jsonResponse(200, { queries: parsed });
}

function removedSearch(): EmulatorResponse {
  return errorResponse(410, [SEARCH_REMOVED_MESSAGE]);
}

export const SEARCH_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/search\/jql$/, handler: searchJql },
  { method: 'POST', pattern: /^\/search\/jql$/, handler: searchJql },
  { method: 'POST', pattern: /^\/search\/approximate-count$/, handler: approximateCount },
  { method: 'POST', pattern: /^\/jql\/parse$/, handler: parseJql },
  { method: 'GET', pattern: /^\/search$/, handler: removedSearch },
  { method: 'POST', pattern: /^\/search$/, handler: removedSearch },
];
