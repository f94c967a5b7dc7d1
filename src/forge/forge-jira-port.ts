import api, { assumeTrustedRoute } from '@forge/api';
import type { JiraPort } from '../ports';

/**
 * Jira through Forge's product API. Paths arrive already encoded by src/jira/route.ts, so they are
 * trusted here; every endpoint call site in src/jira/ is a `route` template the permission linter reads.
 */
export function forgeJiraPort(actor: 'user' | 'app'): JiraPort {
  const client = actor === 'user' ? api.asUser() : api.asApp();
  return {
    requestJira: (path, init) =>
      client.requestJira(assumeTrustedRoute(path.value), {
        method: init?.method ?? 'GET',
        headers: {
          Accept: 'application/json',
          ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
          ...init?.headers,
        },
        ...(init?.body !== undefined ? { body: init.body } : {}),
      }),
  };
}
