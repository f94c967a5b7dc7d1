import type { JiraPort } from '../../../src/ports';
import { route, type JiraRoute } from '../../../src/jira/route';
import {
  dataOf,
  errorOf,
  incidentApp,
  incidentBean,
  PREVIEW_ACCOUNT_ID,
  resolverCaller,
} from '../../helpers/incident-app';
import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import { SECOND_EDITOR } from './panel-fixture';

const OUTSIDER = '6a20bb1c93f06d33dd1e5f03';

async function send(jira: JiraPort, method: 'PUT' | 'POST', path: JiraRoute, body: unknown) {
  const response = await jira.requestJira(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path.value}: ${response.status} ${await response.text()}`);
}

const paragraph = (...lines: string[]) => ({
  type: 'doc',
  version: 1,
  content: [
    {
      type: 'paragraph',
      content: lines.flatMap((text, i) => [...(i ? [{ type: 'hardBreak' }] : []), { type: 'text', text }]),
    },
  ],
});

/**
 * An incident whose history happens in Jira, minute by minute, through the REST API as people do it:
 * created 14:23 UTC, assigned 14:27, In Progress and Highest 14:31, a comment 14:35, a follow-up issue
 * linked 14:50 (in OPS), resolved 15:10. Read two days later.
 */
async function incidentWithHistory() {
  let now = new Date('2025-03-15T14:23:00Z');
  const app = await incidentApp(() => now);
  app.emulator.seed([
    incidentBean('INC-1', {
      status: { name: 'To Do' },
      priority: { name: 'High' },
      resolutiondate: null,
      created: '2025-03-15T14:23:00.000+0000',
    }),
    incidentBean('OPS-7', {
      summary: 'Add index on payment_methods',
      issuetype: { name: 'Task' },
      created: '2025-03-15T14:50:00.000+0000',
    }),
    incidentBean('OPS-2', {
      summary: 'Older work',
      issuetype: { name: 'Task' },
      created: '2025-02-01T09:00:00.000+0000',
    }),
  ]);
  const jira = app.emulator.jiraPort(PREVIEW_ACCOUNT_ID);
  const at = (time: string) => (now = new Date(`2025-03-15T${time}:00Z`));
  at('14:27');
  await send(jira, 'PUT', route`/rest/api/3/issue/INC-1`, {
    fields: { assignee: { accountId: SECOND_EDITOR } },
  });
  at('14:31');
  // Statuses move through workflow transitions (21: In Progress, 31: Done in the emulated workflow).
  await send(jira, 'POST', route`/rest/api/3/issue/INC-1/transitions`, { transition: { id: '21' } });
  await send(jira, 'PUT', route`/rest/api/3/issue/INC-1`, { fields: { priority: { name: 'Highest' } } });
  at('14:35');
  await send(jira, 'POST', route`/rest/api/3/issue/INC-1/comment`, {
    body: paragraph('Rolling back 2.4.1', 'details below'),
  });
  at('14:50');
  for (const other of ['OPS-7', 'OPS-2'])
    await send(jira, 'POST', route`/rest/api/3/issueLink`, {
      type: { name: 'Relates' },
      inwardIssue: { key: 'INC-1' },
      outwardIssue: { key: other },
    });
  at('15:10');
  await send(jira, 'POST', route`/rest/api/3/issue/INC-1/transitions`, { transition: { id: '31' } });
  now = new Date('2025-03-17T09:00:00Z');
  const call = resolverCaller<IssuePanelApi>(app, issuePanelResolver);
  const { document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
  return { app, call, document };
}

describe('issue panel: proposing timeline rows from Jira (proposeTimeline through the Forge platform)', () => {
  it("proposes creation, the changelog's status/priority/assignee changes, comments and linked issues", async () => {
    const { call, document } = await incidentWithHistory();
    const { proposals, timeZone } = dataOf(await call('proposeTimeline', { issueKey: 'INC-1', document }));
    expect(timeZone).toBe('UTC');
    expect(proposals.map(({ time, event }) => `${time} ${event}`)).toEqual([
      '14:23 Incident INC-1 created (Mia Krystof)',
      expect.stringMatching(/^14:27 Assigned to \S.* \(Mia Krystof\)$/),
      '14:31 Status changed from To Do to In Progress (Mia Krystof)',
      '14:31 Priority changed from High to Highest (Mia Krystof)',
      '14:35 Mia Krystof: Rolling back 2.4.1',
      '14:50 OPS-7 created: Add index on payment_methods',
      '15:10 Status changed from In Progress to Done (Mia Krystof)',
    ]);
  });

  it('leaves out rows the document already has, and writes times in its zone', async () => {
    const { call, document } = await incidentWithHistory();
    const edited = {
      ...document,
      header: { ...document.header, timeZone: 'Europe/Berlin' },
      timeline: [{ id: 'tl-1', time: '15:35', event: 'Mia Krystof: rolling back 2.4.1' }],
    };
    const { proposals } = dataOf(await call('proposeTimeline', { issueKey: 'INC-1', document: edited }));
    expect(proposals[0]?.time).toBe('15:23');
    expect(proposals.map((proposal) => proposal.event)).not.toContain('Mia Krystof: Rolling back 2.4.1');
  });

  it('does not propose a linked issue the user cannot see', async () => {
    const { app, call, document } = await incidentWithHistory();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: true, projects: ['INC'] });
    const { proposals } = dataOf(
      await call(
        'proposeTimeline',
        { issueKey: 'INC-1', document },
        { accountId: SECOND_EDITOR, issueKey: 'INC-1' },
      ),
    );
    expect(proposals.some((proposal) => proposal.source === 'link')).toBe(false);
    expect(proposals.some((proposal) => proposal.source === 'comment')).toBe(true);
  });

  it('answers NotFound to a user who cannot see the incident', async () => {
    const { app, call, document } = await incidentWithHistory();
    app.emulator.setPermissions(OUTSIDER, { browse: false, edit: false });
    const error = errorOf(
      await call(
        'proposeTimeline',
        { issueKey: 'INC-1', document },
        { accountId: OUTSIDER, issueKey: 'INC-1' },
      ),
    );
    expect(error.kind).toBe('NotFound');
  });

  it('refuses a payload without a valid document', async () => {
    const { call } = await incidentWithHistory();
    const error = errorOf(await call('proposeTimeline', { issueKey: 'INC-1', document: { timeline: [] } }));
    expect(error.kind).toBe('InvalidInput');
  });
});
