/**
 * `GET /project/search`: the projects the caller may see, paged with `startAt`/`maxResults` (≤ 100),
 * as `PageBeanProject`. https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
 */
import { canBrowseProject, permissionsOf } from './directory';
import { jsonResponse, type EmulatorResponse } from './emulator-types';
import { projectBean } from './field-values';
import { intParam, listParam, type Route, type RouteContext } from './route-context';

const DEFAULT_MAX_RESULTS = 50;
// "Must be less than or equal to 100. If a value greater than 100 is provided, [it] will default to 100."
const MAX_RESULTS = 100;

function searchProjects(context: RouteContext): EmulatorResponse {
  const held = permissionsOf(context.directory, context.actor.accountId, context.actor.asApp);
  const keys = listParam(context.query, 'keys')?.map((key) => key.toUpperCase());
  const query = context.query.get('query')?.toLowerCase();
  const visible = [...context.directory.projects]
    .filter((project) => canBrowseProject(held, project.key))
    .filter((project) => keys === undefined || keys.includes(project.key.toUpperCase()))
    .filter(
      (project) =>
        !query || project.key.toLowerCase().includes(query) || project.name.toLowerCase().includes(query),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const startAt = intParam(context.query, 'startAt', 0);
  const requested = intParam(context.query, 'maxResults', DEFAULT_MAX_RESULTS);
  const maxResults = requested > MAX_RESULTS ? MAX_RESULTS : requested;
  const values = visible.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= visible.length;
  const self = `${context.baseUrl}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
  return jsonResponse(200, {
    self,
    ...(isLast
      ? {}
      : {
          nextPage: `${context.baseUrl}/rest/api/3/project/search?startAt=${startAt + values.length}&maxResults=${maxResults}`,
        }),
    maxResults,
    startAt,
    total: visible.length,
    isLast,
    values: values.map((project) => projectBean(context.baseUrl, project)),
  });
}

export const PROJECT_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/project\/search$/, handler: searchProjects },
];
