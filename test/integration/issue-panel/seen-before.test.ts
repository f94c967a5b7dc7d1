import type { IssuePanelApi } from '../../../src/contract/issue-panel-api';
import { indexedSummary, emptyPostmortem } from '../../../src/domain/postmortem';
import { issuePanelResolver } from '../../../src/handlers/resolvers/issue-panel-resolver';
import { POSTMORTEM_SUMMARY_PROPERTY } from '../../../src/jira/postmortem-summary-property';
import { dataOf, errorOf, incidentApp, incidentBean, resolverCaller } from '../../helpers/incident-app';
import { SECOND_EDITOR } from './panel-fixture';

const OUTSIDER = '6a20bb1c93f06d33dd1e5f03';

/** An earlier incident with a FINAL postmortem, as finalization leaves it: the indexed summary property. */
function finalIncident(key: string, summary: string, category: string, rootCause: string) {
  const document = emptyPostmortem({ incidentId: key, title: summary, category });
  const final = {
    ...document,
    header: { ...document.header, status: 'FINAL' as const, finalizedAt: '2025-01-20T10:00:00.000Z' },
    rootCause: { text: rootCause, summary: null },
  };
  return incidentBean(
    key,
    { summary, components: [], created: '2025-01-10T09:00:00.000+0000' },
    { [POSTMORTEM_SUMMARY_PROPERTY]: indexedSummary(final) },
  );
}

/** An action item's child issue of an earlier incident, found by its source property. */
function child(key: string, incidentKey: string, fields: Record<string, unknown>) {
  return incidentBean(
    key,
    {
      summary: `Fix for ${incidentKey}`,
      issuetype: { name: 'Subtask' },
      parent: { key: incidentKey },
      labels: ['postmortem-action'],
      created: '2025-01-20T10:00:00.000+0000',
      ...fields,
    },
    { 'postmortem-action-source': { incidentKey, rowId: 'ai-1' } },
  );
}

async function seenBeforeApp() {
  const app = await incidentApp();
  app.emulator.seed([
    incidentBean('INC-1', { summary: 'Checkout failing', components: [{ name: 'Payments' }] }),
    finalIncident(
      'INC-2',
      'Payment Service Outage',
      'Database',
      'Query without an index on payment_methods timed out',
    ),
    child('INC-3', 'INC-2', {
      status: { name: 'Done', statusCategory: { key: 'done' } },
      resolutiondate: '2025-02-01T10:00:00.000+0000',
      duedate: '2025-02-01',
    }),
    child('INC-4', 'INC-2', {
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      resolutiondate: null,
      duedate: '2025-02-15',
    }),
    finalIncident(
      'OPS-5',
      'Orders DB slow',
      'Database',
      'Missing index on payment_methods made queries slow',
    ),
    finalIncident('INC-6', 'TLS certificate expired', 'Database', 'Nobody renewed the edge certificate'),
    finalIncident(
      'INC-7',
      'Payments timing out',
      'Networking',
      'Index on payment_methods missing after migration',
    ),
  ]);
  app.emulator.index.flush();
  const call = resolverCaller<IssuePanelApi>(app, issuePanelResolver);
  const { document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
  const writing = {
    ...document,
    header: { ...document.header, category: 'Database' },
    rootCause: { text: 'A missing index on payment_methods made checkout queries time out.', summary: null },
  };
  return { app, call, document: writing };
}

describe('issue panel: Seen before (findSeenBefore through the Forge platform)', () => {
  it('lists related FINAL postmortems of the same category with similar text, with their action items', async () => {
    const { call, document } = await seenBeforeApp();
    const view = dataOf(await call('findSeenBefore', { issueKey: 'INC-1', document }));
    expect(view.searched).toBe(true);
    expect(view.jql).toContain('postmortemCategory = "Database"');
    expect(view.jql).toContain('postmortemStatus = FINAL');
    expect(view.items.map((item) => item.key).sort()).toEqual(['INC-2', 'OPS-5']);
    const inc2 = view.items.find((item) => item.key === 'INC-2');
    expect(inc2).toMatchObject({
      url: 'http://jira.test/browse/INC-2',
      summary: 'Payment Service Outage',
      category: 'Database',
      // NOW is 2025-03-17: INC-4, due 2025-02-15, is open (overdue) and was open when INC-1 began; INC-3 was done before.
      actionItems: { done: 1, open: 1, overdue: 1, openWhenThisBegan: 1 },
    });
    expect(inc2?.reasons).toContain('Same category (Database)');
  });

  it('does not list an earlier postmortem the user cannot see', async () => {
    const { app, call, document } = await seenBeforeApp();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: true, projects: ['INC'] });
    const view = dataOf(
      await call(
        'findSeenBefore',
        { issueKey: 'INC-1', document },
        { accountId: SECOND_EDITOR, issueKey: 'INC-1' },
      ),
    );
    expect(view.items.map((item) => item.key)).toEqual(['INC-2']);
  });

  it('escapes the text it searches for: quotes and backslashes in a root cause stay inside the JQL string', async () => {
    const { call, document } = await seenBeforeApp();
    const quoted = { ...document, header: { ...document.header, category: 'Data"base\\' } };
    const view = dataOf(await call('findSeenBefore', { issueKey: 'INC-1', document: quoted }));
    expect(view.jql).toContain('postmortemCategory = "Data\\"base\\\\"');
  });

  it('searches nothing while neither a category nor a component says what kind of incident this is', async () => {
    const { app, call, document } = await seenBeforeApp();
    app.emulator.seed([incidentBean('INC-1', { summary: 'Checkout failing', components: [] })]);
    const view = dataOf(
      await call('findSeenBefore', {
        issueKey: 'INC-1',
        document: { ...document, header: { ...document.header, category: null } },
      }),
    );
    expect(view).toEqual({ items: [], jql: '', searched: false });
  });

  it('answers NotFound to a user who cannot see the incident', async () => {
    const { app, call, document } = await seenBeforeApp();
    app.emulator.setPermissions(OUTSIDER, { browse: false, edit: false });
    const error = errorOf(
      await call(
        'findSeenBefore',
        { issueKey: 'INC-1', document },
        { accountId: OUTSIDER, issueKey: 'INC-1' },
      ),
    );
    expect(error.kind).toBe('NotFound');
  });
});
