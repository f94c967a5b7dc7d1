import type { IssueContextApi } from '../../../src/contract/issue-context-api';
import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { ACTION_SOURCE_PROPERTY } from '../../../src/domain/automation/action-item-issue';
import { issueContextResolver } from '../../../src/handlers/resolvers/issue-context-resolver';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import { emptyAutomationRecord, saveAutomationRecord } from '../../../src/storage/automation-record-store';
import { incidentApp, incidentBean, NOW, resolverCaller } from '../../helpers/incident-app';

/** Alex Rivera in the emulator's directory: the assignee of the seeded children. */
export const ASSIGNEE = '5b109f2e9729b51b54dc274d';
/** Maria Chen: a viewer Jira lets browse INC but not OPS. */
export const INC_ONLY_VIEWER = '5b10a2844c20165700ede21g';

export interface SeededChild {
  rowId: string;
  key: string;
  status?: string;
  duedate?: string | null;
  assignee?: string | null;
}

/** An action item's child issue as Jira holds it: a sub-task in INC, a linked task elsewhere. */
function childBean({ rowId, key, status = 'To Do', duedate = null, assignee = ASSIGNEE }: SeededChild) {
  const inIncidentProject = key.startsWith('INC-');
  return {
    key,
    fields: {
      summary: `Action ${rowId}`,
      issuetype: { name: inIncidentProject ? 'Subtask' : 'Task' },
      ...(inIncidentProject ? { parent: { key: 'INC-1' } } : {}),
      status,
      duedate,
      assignee: assignee === null ? null : { accountId: assignee },
      labels: ['postmortem-action'],
      created: '2025-03-15T16:00:00.000+0000',
    },
    properties: { [ACTION_SOURCE_PROPERTY]: { incidentKey: 'INC-1', rowId } },
  };
}

/**
 * INC-1 (seeded, as the panel fixture has it) whose finalization created these children: the children
 * seeded in Jira, the automation record naming them, as the finalization job leaves it. The clock is
 * the panel fixture's unless a test moves its own.
 */
export async function followThroughApp(children: SeededChild[], now: () => Date = () => NOW) {
  const app = await incidentApp(now);
  app.emulator.seed([incidentBean('INC-1'), ...children.map(childBean)]);
  await saveAutomationRecord(app.services({}).kv, {
    ...emptyAutomationRecord('INC-1'),
    lastRunAt: '2025-03-15T16:00:00.000Z',
    childIssueType: 'sub-task',
    children: Object.fromEntries(children.map((child) => [child.rowId, child.key])),
  });
  return {
    app,
    call: resolverCaller<IssuePanelApi>(app, issuePanelResolver),
    glance: resolverCaller<IssueContextApi>(app, issueContextResolver),
    as: (accountId: string) => ({ accountId, issueKey: 'INC-1' }),
  };
}
