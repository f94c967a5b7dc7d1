/** `/issue...` and `/issueLink`: read, bulk fetch, create, bulk create, edit, properties, changelog, links, createmeta. */
import { canBrowseIssue, permissionsOf } from './directory';
import {
  emptyResponse,
  errorResponse,
  jsonResponse,
  type EmulatedIssue,
  type EmulatorResponse,
} from './emulator-types';
import { asRecord, issueTypeBean, reference, resolveProject } from './field-values';
import { issueView } from './issue-view';
import {
  intParam,
  isResponse,
  listParam,
  parseBody,
  visibleIssue,
  type Route,
  type RouteContext,
} from './route-context';

/** Jira's limits, stated in its REST docs' prose only. */
export const BULK_CREATE_LIMIT = 50;
/** `POST /issue/bulkfetch`: "You can request up to 100 issues" (OpenAPI spec). */
export const BULK_FETCH_LIMIT = 100;
const BULK_FETCH_PROPERTY_LIMIT = 5;
const BULK_FETCH_KEYS = new Set(['expand', 'fields', 'fieldsByKeys', 'issueIdsOrKeys', 'properties']);
export const MAX_PROPERTY_LENGTH = 32_768;

const PROPERTY_KEY_LENGTH = 255;
const LINK_TYPES = ['Relates', 'Blocks', 'Duplicate', 'Cloners'];

function getIssue(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  return jsonResponse(
    200,
    issueView(issue, context.store.self(issue), {
      fields: listParam(context.query, 'fields') ?? ['*all'],
      expand: listParam(context.query, 'expand') ?? [],
      properties: listParam(context.query, 'properties') ?? [],
    }),
  );
}

function editIssue(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  if (!permissionsOf(context.directory, context.actor.accountId, context.actor.asApp).edit) {
    return errorResponse(403, ['You do not have permission to edit issues in this project.']);
  }
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const result = context.store.edit(issue, body.value, context.actor);
  if (!result.ok) return errorResponse(400, [], result.errors);
  if (result.history) context.events.publish(issue, result.history, context.actor);
  return emptyResponse(204);
}

/**
 * `POST /issue/bulkfetch` (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-bulkfetch-post):
 * read now (not through the search index), in ascending id order. Issues that do not exist or that the
 * caller may not browse are left out without a word ("Issues which aren't found or that the user doesn't
 * have permission to view won't be returned", BulkIssueResults.issueErrors): the answer cannot tell them
 * apart. No ids, more than 100, more than 5 properties or an unknown member (the request bean allows no
 * others) are refused with 400.
 */
function bulkFetch(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const request = asRecord(body.value) ?? {};
  const unknown = Object.keys(request).filter((name) => !BULK_FETCH_KEYS.has(name));
  if (unknown.length > 0) return errorResponse(400, [`Unrecognized field "${unknown[0] ?? ''}".`]);
  const wanted = request.issueIdsOrKeys;
  if (!Array.isArray(wanted) || wanted.length === 0 || !wanted.every((id) => typeof id === 'string'))
    return errorResponse(400, ['No issue IDs or keys were given.']);
  if (wanted.length > BULK_FETCH_LIMIT)
    return errorResponse(400, [
      `At most ${BULK_FETCH_LIMIT} issues can be fetched; ${wanted.length} were requested.`,
    ]);
  const properties = stringList(request.properties) ?? [];
  if (properties.length > BULK_FETCH_PROPERTY_LIMIT)
    return errorResponse(400, [`At most ${BULK_FETCH_PROPERTY_LIMIT} issue property keys can be specified.`]);
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  const found = new Map<string, EmulatedIssue>();
  for (const idOrKey of wanted) {
    const issue = context.store.find(idOrKey);
    if (issue && canBrowseIssue(held, issue, context.actor.asApp)) found.set(issue.id, issue);
  }
  const options = {
    fields: stringList(request.fields) ?? ['*navigable'],
    expand: stringList(request.expand) ?? [],
    properties,
  };
  const issues = [...found.values()]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((issue) => issueView(issue, context.store.self(issue), options));
  return jsonResponse(200, { expand: options.expand.join(','), issues, issueErrors: [] });
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

function created(context: RouteContext, issue: EmulatedIssue): Record<string, unknown> {
  return { id: issue.id, key: issue.key, self: context.store.self(issue) };
}

/**
 * One create with its `update.issuelinks` (IssueUpdateDetails.update in Jira's OpenAPI spec; each
 * operation `{ add: { type, inwardIssue | outwardIssue } }`): the new issue takes the other end of each
 * link, made in the same request, so the linked issue shows it at once. A link Jira could not make
 * (unknown type, an issue the caller cannot see) refuses the element under `errors.issuelinks`, nothing
 * created — the stricter reading, as the spec does not say whether Jira creates the issue without it.
 */
function createWithLinks(
  context: RouteContext,
  input: unknown,
): { ok: true; issue: EmulatedIssue } | { ok: false; errors: Record<string, string> } {
  const operations = asRecord(asRecord(input)?.update)?.issuelinks;
  const links: Array<{ type: string; other: EmulatedIssue; newIsInward: boolean }> = [];
  for (const operation of Array.isArray(operations) ? operations : []) {
    const link = asRecord(asRecord(operation)?.add) ?? {};
    const typeName = reference(link.type, 'name', 'id');
    const type = LINK_TYPES.find((t) => t.toLowerCase() === typeName?.toLowerCase());
    if (!type)
      return { ok: false, errors: { issuelinks: `No issue link type with name '${typeName ?? ''}' found.` } };
    const newIsInward = link.outwardIssue !== undefined;
    const other = visibleIssue(
      context,
      reference(newIsInward ? link.outwardIssue : link.inwardIssue, 'key', 'id'),
    );
    if (isResponse(other))
      return { ok: false, errors: { issuelinks: 'The issue to link to does not exist.' } };
    links.push({ type, other, newIsInward });
  }
  const result = context.store.create(input, context.actor);
  if (!result.ok) return result;
  for (const { type, other, newIsInward } of links) {
    if (newIsInward) linkIssues(context, type, result.issue, other);
    else linkIssues(context, type, other, result.issue);
  }
  return result;
}

function createIssue(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const result = createWithLinks(context, body.value);
  if (!result.ok) return errorResponse(400, [], result.errors);
  return jsonResponse(201, created(context, result.issue));
}

function createIssues(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const updates = asRecord(body.value)?.issueUpdates;
  if (!Array.isArray(updates))
    return errorResponse(400, ['issueUpdates must be a list of issues to create.']);
  if (updates.length > BULK_CREATE_LIMIT) {
    return errorResponse(400, [
      `Bulk create is limited to ${BULK_CREATE_LIMIT} issues; the request had ${updates.length}.`,
    ]);
  }
  const issues: Array<Record<string, unknown>> = [];
  const errors: Array<Record<string, unknown>> = [];
  updates.forEach((update, failedElementNumber) => {
    const result = createWithLinks(context, update);
    if (result.ok) issues.push(created(context, result.issue));
    else
      errors.push({
        status: 400,
        elementErrors: { errorMessages: [], errors: result.errors },
        failedElementNumber,
      });
  });
  // Jira answers 400 with the same body when no element could be created.
  return jsonResponse(issues.length === 0 && errors.length > 0 ? 400 : 201, { issues, errors });
}

function propertyKeys(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const self = context.store.self(issue);
  return jsonResponse(200, {
    keys: Object.keys(issue.properties).map((key) => ({
      key,
      self: `${self}/properties/${encodeURIComponent(key)}`,
    })),
  });
}

function getProperty(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const key = context.params[1] ?? '';
  if (!(key in issue.properties))
    return errorResponse(404, [`The property with key '${key}' does not exist.`]);
  return jsonResponse(200, { key, value: issue.properties[key] });
}

function setProperty(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  if (!permissionsOf(context.directory, context.actor.accountId, context.actor.asApp).edit) {
    return errorResponse(403, ['You do not have permission to edit issues in this project.']);
  }
  const key = context.params[1] ?? '';
  if (key.length > PROPERTY_KEY_LENGTH)
    return errorResponse(400, [`The property key cannot be longer than ${PROPERTY_KEY_LENGTH} characters.`]);
  const text = context.body ?? '';
  if (text.length > MAX_PROPERTY_LENGTH) {
    return errorResponse(400, [
      `The property value cannot be longer than ${MAX_PROPERTY_LENGTH} characters.`,
    ]);
  }
  const body = parseBody(context);
  if (!body.ok) return body.response;
  if (body.value === undefined) return errorResponse(400, ['The property value must be valid JSON.']);
  const existed = key in issue.properties;
  issue.properties[key] = body.value;
  context.store.touch(issue);
  return existed ? emptyResponse(200) : emptyResponse(201);
}

function deleteProperty(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const key = context.params[1] ?? '';
  if (!(key in issue.properties))
    return errorResponse(404, [`The property with key '${key}' does not exist.`]);
  delete issue.properties[key];
  context.store.touch(issue);
  return emptyResponse(204);
}

function changelog(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const startAt = intParam(context.query, 'startAt', 0);
  const maxResults = Math.min(Math.max(intParam(context.query, 'maxResults', 100), 1), 100);
  const values = issue.histories.slice(startAt, startAt + maxResults);
  const total = issue.histories.length;
  const self = `${context.store.self(issue)}/changelog?startAt=${startAt}&maxResults=${maxResults}`;
  return jsonResponse(200, {
    self,
    ...(startAt + values.length < total
      ? {
          nextPage: `${context.store.self(issue)}/changelog?startAt=${startAt + values.length}&maxResults=${maxResults}`,
        }
      : {}),
    maxResults,
    startAt,
    total,
    isLast: startAt + values.length >= total,
    values: structuredClone(values),
  });
}

function createLink(context: RouteContext): EmulatorResponse {
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const link = asRecord(body.value) ?? {};
  const typeName = reference(link.type, 'name', 'id');
  const type = LINK_TYPES.find((t) => t.toLowerCase() === typeName?.toLowerCase());
  if (!type) return errorResponse(404, [`No issue link type with name '${typeName ?? ''}' found.`]);
  const inward = visibleIssue(context, reference(link.inwardIssue, 'key', 'id'));
  if (isResponse(inward)) return inward;
  const outward = visibleIssue(context, reference(link.outwardIssue, 'key', 'id'));
  if (isResponse(outward)) return outward;
  linkIssues(context, type, inward, outward);
  return emptyResponse(201);
}

function linkIssues(
  context: RouteContext,
  type: string,
  inward: EmulatedIssue,
  outward: EmulatedIssue,
): void {
  const linkType = {
    name: type,
    inward: type === 'Blocks' ? 'is blocked by' : `relates to`,
    outward: type === 'Blocks' ? 'blocks' : 'relates to',
  };
  const summary = (issue: EmulatedIssue) => ({
    id: issue.id,
    key: issue.key,
    self: context.store.self(issue),
    fields: { summary: issue.fields.summary },
  });
  pushLink(inward, { type: linkType, outwardIssue: summary(outward) });
  pushLink(outward, { type: linkType, inwardIssue: summary(inward) });
  // Links are fields too (`issue in linkedIssues(...)`): both ends are reindexed.
  context.store.touch(inward, outward);
}

function pushLink(issue: EmulatedIssue, link: Record<string, unknown>): void {
  const links: unknown[] = Array.isArray(issue.fields.issuelinks) ? issue.fields.issuelinks : [];
  issue.fields.issuelinks = [...links, { id: String(10000 + links.length), ...link }];
}

function createMetaIssueTypes(context: RouteContext): EmulatorResponse {
  const project = resolveProject(context.directory, context.params[0]);
  if (!project)
    return errorResponse(404, [`No project could be found with key '${context.params[0] ?? ''}'.`]);
  const startAt = intParam(context.query, 'startAt', 0);
  const maxResults = Math.min(Math.max(intParam(context.query, 'maxResults', 50), 1), 200);
  const page = project.issueTypes.slice(startAt, startAt + maxResults);
  return jsonResponse(200, {
    issueTypes: page.map((type) => issueTypeBean(context.baseUrl, type)),
    maxResults,
    startAt,
    total: project.issueTypes.length,
  });
}

const KEY = '([^/]+)';

export const ISSUE_ROUTES: Route[] = [
  { method: 'POST', pattern: /^\/issue\/bulk$/, handler: createIssues },
  { method: 'POST', pattern: /^\/issue\/bulkfetch$/, handler: bulkFetch },
  {
    method: 'GET',
    pattern: new RegExp(`^/issue/createmeta/${KEY}/issuetypes$`),
    handler: createMetaIssueTypes,
  },
  { method: 'POST', pattern: /^\/issue$/, handler: createIssue },
  { method: 'GET', pattern: new RegExp(`^/issue/${KEY}$`), handler: getIssue },
  { method: 'PUT', pattern: new RegExp(`^/issue/${KEY}$`), handler: editIssue },
  { method: 'GET', pattern: new RegExp(`^/issue/${KEY}/properties$`), handler: propertyKeys },
  { method: 'GET', pattern: new RegExp(`^/issue/${KEY}/properties/${KEY}$`), handler: getProperty },
  { method: 'PUT', pattern: new RegExp(`^/issue/${KEY}/properties/${KEY}$`), handler: setProperty },
  { method: 'DELETE', pattern: new RegExp(`^/issue/${KEY}/properties/${KEY}$`), handler: deleteProperty },
  { method: 'GET', pattern: new RegExp(`^/issue/${KEY}/changelog$`), handler: changelog },
  { method: 'POST', pattern: /^\/issueLink$/, handler: createLink },
];
