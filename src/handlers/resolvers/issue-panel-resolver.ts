import type { IssuePanelApi } from '../../contract/issue-panel-api';
import type { ResolverImplementation } from './resolver-handlers';
import { notImplemented } from './not-implemented';

export const issuePanelResolver: ResolverImplementation<IssuePanelApi> = {
  getPanel: async () => notImplemented('The postmortem editor'),
};
