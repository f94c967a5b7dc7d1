import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import { searchJqlAll } from '../../../src/jira/search-jql';
import { incidentApp, incidentBean, resolverCaller } from '../../helpers/incident-app';
import type { PreviewApp } from '../../../preview/preview-app';

/** A user of the emulator's directory other than the preview user (a second editor). */
export const SECOND_EDITOR = '5b109f2e9729b51b54dc274d';

/** The preview app with one seeded incident and the issue panel's resolver, callable as any user. */
export async function panelApp(key = 'INC-1', fields: Record<string, unknown> = {}) {
  const app = await incidentApp();
  app.emulator.seed([incidentBean(key, fields)]);
  const call = resolverCaller<IssuePanelApi>(app, issuePanelResolver);
  return { app, call, as: (accountId: string) => ({ accountId, issueKey: key }) };
}

/** What follows a label edit in Jira: the product event reaches the trigger, the queued job the consumer. */
export async function settle(app: PreviewApp) {
  await app.emulator.drainEvents();
  await app.queue.drain();
}

/**
 * The action-item children created for INC-1 (found by the row-id property on each child), once the
 * search index has caught up, as a person looking for them a little later would see them.
 */
export const children = (app: PreviewApp) => {
  app.emulator.index.flush();
  return searchJqlAll(app.emulator.appJiraPort(), {
    jql: 'issue.property[postmortem-action-source].incidentKey = "INC-1"',
    fields: ['summary'],
  });
};
