import type { IssueContextApi } from '../../contract/issue-context-api';
import type { ResolverImplementation } from './resolver-handlers';
import { notImplemented } from './not-implemented';

export const issueContextResolver: ResolverImplementation<IssueContextApi> = {
  getGlance: async () => notImplemented('The postmortem glance'),
};
