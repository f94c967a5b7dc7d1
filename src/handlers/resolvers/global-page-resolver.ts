import { z } from 'zod';
import type { GlobalPageApi } from '../../contract/global-page-api';
import { parsePayload } from '../../contract/parse-payload';
import { loadTrends } from '../../usecases/trends/load-trends';
import { searchPostmortems } from '../../usecases/trends/search-postmortems';
import type { ResolverImplementation } from './resolver-handlers';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]+$/, 'a Jira project key such as INC');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const globalPageResolver: ResolverImplementation<GlobalPageApi> = {
  getTrends: (payload, services) => {
    const request = parsePayload(z.object({ month, projectKeys: z.array(projectKey).max(20) }), payload);
    return loadTrends(services, request.month, request.projectKeys);
  },
  searchPostmortems: (payload, services) => {
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
    return searchPostmortems(services, search);
  },
};
