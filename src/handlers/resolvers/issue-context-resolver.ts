import { z } from 'zod';
import type { IssueContextApi } from '../../contract/issue-context-api';
import { issueKeySchema } from '../../contract/issue-key';
import { loadGlance } from '../../usecases/issue-context/load-glance';
import { parseIssuePayload, type ResolverImplementation } from './resolver-handlers';

const withIssue = z.object({ issueKey: issueKeySchema });

export const issueContextResolver: ResolverImplementation<IssueContextApi> = {
  getGlance: (payload, services, context) => {
    const { issueKey } = parseIssuePayload(withIssue, payload, context);
    return loadGlance(services, issueKey);
  },
};
