/**
 * `GET` and `POST /issue/{issueIdOrKey}/transitions` (operations `getTransitions` and `doTransition`,
 * https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-transitions-get).
 * The emulated workflow is a simplified one (as Jira's default for team-managed projects): any status
 * may move to any other, one global transition per target status, none with a screen.
 */
import { canBrowseProject, permissionsOf } from './directory';
import { emptyResponse, errorResponse, jsonResponse, type EmulatorResponse } from './emulator-types';
import { asRecord, reference, statusBean } from './field-values';
import { isResponse, parseBody, visibleIssue, type Route, type RouteContext } from './route-context';
import type { EmulatedIssue } from './emulator-types';

// Jira's simplified workflow numbers its global transitions 11, 21, 31.
const TRANSITIONS = [
  { id: '11', status: 'To Do' },
  { id: '21', status: 'In Progress' },
  { id: '31', status: 'Done' },
] as const;

const BODY_MEMBERS = new Set(['transition', 'fields', 'update', 'historyMetadata', 'properties']);

/** TRANSITION_ISSUES in the issue's project: without it Jira lists no transitions at all. */
function mayTransition(context: RouteContext, issue: EmulatedIssue): boolean {
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  const projectKey = asRecord(issue.fields.project)?.key;
  return (
    context.actor.asApp ||
    (typeof projectKey === 'string' && canBrowseProject(held, projectKey) && held.transition !== false)
  );
}

function available(context: RouteContext, issue: EmulatedIssue) {
  if (!mayTransition(context, issue)) return [];
  const current = asRecord(issue.fields.status)?.name;
  return TRANSITIONS.filter((transition) => transition.status !== current);
}

function getTransitions(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const wanted = context.query.get('transitionId');
  const transitions = available(context, issue)
    .filter((transition) => wanted === null || transition.id === wanted)
    .map((transition) => ({
      id: transition.id,
      name: transition.status,
      to: statusBean(context.baseUrl, transition.status),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
  return jsonResponse(200, { expand: 'transitions', transitions });
}

/**
 * Moves the issue; `204` with no body. An unknown transition, or one the caller may not perform (a
 * caller without Transition Issues is offered none), is refused with 400 as Jira's "not valid for this
 * issue"; fields sent for a transition without a screen are refused per field (the stricter reading).
 */
function doTransition(context: RouteContext): EmulatorResponse {
  const issue = visibleIssue(context, context.params[0]);
  if (isResponse(issue)) return issue;
  const body = parseBody(context);
  if (!body.ok) return body.response;
  const request = asRecord(body.value) ?? {};
  const unknown = Object.keys(request).filter((name) => !BODY_MEMBERS.has(name));
  if (unknown.length > 0) return errorResponse(400, [`Unrecognized field "${unknown[0] ?? ''}".`]);
  const id = reference(request.transition, 'id');
  if (id === undefined) return errorResponse(400, ['You must specify a transition to perform.']);
  const transition = available(context, issue).find((candidate) => candidate.id === id);
  if (!transition) return errorResponse(400, [`Transition id '${id}' is not valid for this issue.`]);
  const onScreen = [
    ...Object.keys(asRecord(request.fields) ?? {}),
    ...Object.keys(asRecord(request.update) ?? {}),
  ];
  if (onScreen.length > 0) {
    const errors = Object.fromEntries(
      onScreen.map((field) => [
        field,
        `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
      ]),
    );
    return errorResponse(400, [], errors);
  }
  const result = context.store.transition(issue, transition.status, context.actor);
  if (!result.ok) return errorResponse(400, [], result.errors);
  if (result.history) context.events.publish(issue, result.history, context.actor);
  return emptyResponse(204);
}

const KEY = '([^/]+)';

export const TRANSITION_ROUTES: Route[] = [
  { method: 'GET', pattern: new RegExp(`^/issue/${KEY}/transitions$`), handler: getTransitions },
  { method: 'POST', pattern: new RegExp(`^/issue/${KEY}/transitions$`), handler: doTransition },
];
