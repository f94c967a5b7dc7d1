import { z } from 'zod';
import { AppError } from '../../contract/errors';
import { ACCEPT_JSON, jiraResponse } from '../../jira/jira-response';
import { route } from '../../jira/route';
import type { Services } from '../../services';

const projectPageSchema = z.looseObject({
  values: z.array(z.looseObject({ key: z.string() })).default([]),
  isLast: z.boolean().optional(),
});

// Jira pages project/search by at most 100 projects.
const PROJECTS_PER_PAGE = 100;
// Short enough that a revoked permission stops showing figures within half a minute.
const VIEWER_CACHE_MS = 30_000;
const VIEWER_CACHE_ENTRIES = 1_000;

/** Projects the viewer may browse, remembered briefly per site and account (one function instance). */
export interface ViewerProjectCache {
  projectsOf(services: Services): Promise<string[]>;
}

/**
 * The keys of the projects the calling user may browse, asked as that user:
 * `GET /rest/api/3/project/search?action=browse` (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get).
 */
async function browsableProjects(services: Services): Promise<string[]> {
  const keys: string[] = [];
  for (let startAt = 0; ; startAt += PROJECTS_PER_PAGE) {
    const query = new URLSearchParams({
      action: 'browse',
      startAt: String(startAt),
      maxResults: String(PROJECTS_PER_PAGE),
    });
    const page = await jiraResponse('list the projects you can browse', projectPageSchema, () =>
      services.jiraAsUser.requestJira(route`/rest/api/3/project/search?${query}`, {
        method: 'GET',
        headers: ACCEPT_JSON,
      }),
    );
    keys.push(...page.values.map((project) => project.key.toUpperCase()));
    if (page.isLast !== false || page.values.length === 0) return [...new Set(keys)].sort();
  }
}

export function viewerProjectCache(): ViewerProjectCache {
  const entries = new Map<string, { expiresAt: number; projects: string[] }>();
  return {
    async projectsOf(services) {
      // Without a user there is nobody to check: the app's own access must never stand in for one.
      if (!services.accountId)
        throw new AppError('Forbidden', 'The trends are shown to signed-in Jira users only.');
      const key = `${services.siteUrl}\u0000${services.accountId}`;
      const now = services.clock.now().getTime();
      const cached = entries.get(key);
      if (cached && cached.expiresAt > now) return cached.projects;
      const projects = await browsableProjects(services);
      if (entries.size >= VIEWER_CACHE_ENTRIES) entries.clear();
      entries.set(key, { expiresAt: now + VIEWER_CACHE_MS, projects });
      return projects;
    },
  };
}
