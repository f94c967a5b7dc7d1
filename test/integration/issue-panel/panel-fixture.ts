import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import { incidentApp, incidentBean, resolverCaller } from '../../helpers/incident-app';

/** A user of the emulator's directory other than the preview user (a second editor). */
export const SECOND_EDITOR = '5b109f2e9729b51b54dc274d';

/** The preview app with one seeded incident and the issue panel's resolver, callable as any user. */
export async function panelApp(key = 'INC-1', fields: Record<string, unknown> = {}) {
  const app = await incidentApp();
  app.emulator.seed([incidentBean(key, fields)]);
  const call = resolverCaller<IssuePanelApi>(app, issuePanelResolver);
  return { app, call, as: (accountId: string) => ({ accountId, issueKey: key }) };
}
