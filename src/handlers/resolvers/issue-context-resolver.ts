import { z } from 'zod';
import type { IssueContextApi } from '../../contract/issue-context-api';
import { actionItemStatusInput } from '../../contract/follow-through-api';
import { issueKeySchema } from '../../contract/issue-key';
import { loadActionItemStatus } from '../../usecases/follow-through/load-action-item-status';
import { loadGlance } from '../../usecases/issue-context/load-glance';
import { parseIssuePayload, type ResolverImplementation } from './resolver-handlers';

const withIssue = z.object({ issueKey: issueKeySchema });

export const issueContextResolver: ResolverImplementation<IssueContextApi> = {
  getGlance: (payload, services, context) => {
    const { issueKey } = parseIssuePayload(withIssue, payload, context);
    return loadGlance(services, issueKey);
  },
  getActionItemStatus: (payload, services, context) =>
    loadActionItemStatus(services, parseIssuePayload(actionItemStatusInput, payload, context).issueKey),
};
