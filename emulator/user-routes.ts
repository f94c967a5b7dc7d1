/** `user/search`, `user`, `myself` and `mypermissions`. */
import {
  appUserBean,
  canBrowseProject,
  findProject,
  mayCreate,
  permissionsOf,
  userBean,
  userMatches,
} from './directory';
import { errorResponse, jsonResponse, type EmulatorResponse } from './emulator-types';
import {
  intParam,
  isResponse,
  listParam,
  visibleIssue,
  type Route,
  type RouteContext,
} from './route-context';

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';

/** Who reads a user: the app sees what anyone may see; a person also sees their own address. */
function viewer(context: RouteContext): string | undefined {
  return context.actor.asApp ? undefined : context.actor.accountId;
}

function searchUsers(context: RouteContext): EmulatorResponse {
  const query = context.query.get('query') ?? context.query.get('accountId');
  if (query === null) return errorResponse(400, ['The query parameter must be provided.']);
  const startAt = intParam(context.query, 'startAt', 0);
  const maxResults = Math.min(intParam(context.query, 'maxResults', 50), 1000);
  const users = [...context.directory.users.values()].filter(
    (u) => u.active && (userMatches(u, query) || u.accountId === query),
  );
  return jsonResponse(
    200,
    users.slice(startAt, startAt + maxResults).map((u) => userBean(context.baseUrl, u, viewer(context))),
  );
}

function getUser(context: RouteContext): EmulatorResponse {
  const user = context.directory.users.get(context.query.get('accountId') ?? '');
  return user
    ? jsonResponse(200, userBean(context.baseUrl, user, viewer(context)))
    : errorResponse(404, [USER_NOT_FOUND]);
}

function myself(context: RouteContext): EmulatorResponse {
  if (context.actor.asApp) return jsonResponse(200, appUserBean(context.baseUrl));
  const user = context.directory.users.get(context.actor.accountId);
  // Your own profile shows you your email address, whatever its visibility.
  return user
    ? jsonResponse(200, userBean(context.baseUrl, user, user.accountId))
    : errorResponse(401, ['You are not authenticated.']);
}

const PERMISSION_NAMES: Record<string, string> = {
  BROWSE_PROJECTS: 'Browse Projects',
  EDIT_ISSUES: 'Edit Issues',
  CREATE_ISSUES: 'Create Issues',
  LINK_ISSUES: 'Link Issues',
  ADD_COMMENTS: 'Add Comments',
  ADMINISTER: 'Administer Jira',
};

function myPermissions(context: RouteContext): EmulatorResponse {
  const keys = listParam(context.query, 'permissions');
  if (!keys) return errorResponse(400, ['The permissions parameter is required.']);
  const unknown = keys.filter((key) => !(key in PERMISSION_NAMES));
  if (unknown.length > 0)
    return errorResponse(404, [`No project permissions found with keys: ${unknown.join(', ')}`]);
  const issueKey = context.query.get('issueKey');
  if (issueKey !== null) {
    const issue = visibleIssue(context, issueKey);
    if (isResponse(issue)) return issue;
  }
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  const projectKey = context.query.get('projectKey');
  const project = projectKey === null ? undefined : findProject(context.directory, projectKey);
  if (projectKey !== null && !project)
    return errorResponse(404, [`No project could be found with key '${projectKey}'.`]);
  // Without a project or issue, Jira answers whether the permission is held in any project.
  const browses = project ? canBrowseProject(held, project.key) : held.browse;
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const have =
      key === 'ADMINISTER'
        ? context.actor.asApp || held.administer === true
        : key === 'BROWSE_PROJECTS'
          ? browses
          : key === 'CREATE_ISSUES'
            ? browses && mayCreate(held)
            : key === 'ADD_COMMENTS'
              ? browses && held.comment !== false
              : browses && held.edit;
    permissions[key] = {
      id: key,
      key,
      name: PERMISSION_NAMES[key],
      type: key === 'ADMINISTER' ? 'GLOBAL' : 'PROJECT',
      description: '',
      havePermission: have,
    };
  }
  return jsonResponse(200, { permissions });
}

export const USER_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/user\/search$/, handler: searchUsers },
  { method: 'GET', pattern: /^\/user$/, handler: getUser },
  { method: 'GET', pattern: /^\/myself$/, handler: myself },
  { method: 'GET', pattern: /^\/mypermissions$/, handler: myPermissions },
];
