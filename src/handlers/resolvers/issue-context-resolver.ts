import { issueContextContract } from '../../contract/issue-context-api';
import { loadGlance } from '../../usecases/issue-context/load-glance';
import { loadActionItemStatus } from '../../usecases/follow-through/load-action-item-status';
import { defineResolver } from './resolver-handlers';

export const issueContextResolver = defineResolver(issueContextContract, {
  getGlance: ({ issueKey }, services) => loadGlance(services, issueKey),
  getActionItemStatus: ({ issueKey }, services) => loadActionItemStatus(services, issueKey),
});
