/**
 * The classic scope each Jira endpoint the emulator serves needs, as the Jira platform REST API's
 * OpenAPI document states it (`security: OAuth2` per operation,
 * https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json). Forge checks the app's
 * declared scopes on every product request
 * (https://developer.atlassian.com/platform/forge/manifest-reference/permissions/#scopes).
 */
const READ_BY_POST =
  /^\/rest\/api\/3\/(search\/jql|search\/approximate-count|jql\/parse|search|issue\/bulkfetch)$/;
const USER_ENDPOINTS = /^\/rest\/api\/3\/(user|users|myself)(\/|$)/;
const NO_SCOPE = /^\/rest\/api\/3\/(serverInfo|permissions\/check)$/;

/** The scope the request needs, or undefined for the endpoints that need none. */
export function requiredScope(method: string, pathWithQuery: string): string | undefined {
  const path = pathWithQuery.split('?')[0] ?? '';
  if (NO_SCOPE.test(path)) return undefined;
  if (USER_ENDPOINTS.test(path)) return 'read:jira-user';
  if (method === 'GET' || READ_BY_POST.test(path)) return 'read:jira-work';
  return 'write:jira-work';
}
