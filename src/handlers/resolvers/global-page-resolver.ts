import { z } from 'zod';
import type { GlobalPageApi } from '../../contract/global-page-api';
import { parsePayload } from '../../contract/parse-payload';
import { loadTrends } from '../../usecases/trends/load-trends';
import { searchPostmortems as searchPostmortemsAsUser } from '../../usecases/trends/search-postmortems';
import { viewerProjectCache, type ViewerProjectCache } from '../../usecases/trends/viewer-projects';
import type { Services } from '../../services';
import type { ResolverImplementation } from './resolver-handlers';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
// Normalised (trimmed, upper case) and de-duplicated, so `["inc", "INC"]` is one project, not two.
const projectKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][A-Z0-9_]+$/, 'a Jira project key such as INC');
const projectKeys = z
  .array(projectKey)
  .max(20)
  .transform((keys) => [...new Set(keys)].sort());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** The resolver with its own brief cache of who may browse which projects (one per function instance). */
export function createGlobalPageResolver(
  viewer: ViewerProjectCache = viewerProjectCache(),
): ResolverImplementation<GlobalPageApi> {
  return {
    getTrends: (payload, services) => {
      const request = parsePayload(z.object({ month, projectKeys }), payload);
      return loadTrends(services, viewer, request.month, request.projectKeys);
    },
    searchPostmortems,
  };
}

export const globalPageResolver = createGlobalPageResolver();

function searchPostmortems(payload: unknown, services: Services) {
  const search = parsePayload(
    z.object({
      text: z.string().max(200).optional(),
      category: z.string().max(255).optional(),
      severity: z.enum(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']).optional(),
      from: day.optional(),
      to: day.optional(),
    }),
    payload,
  );
  return searchPostmortemsAsUser(services, search);
}
