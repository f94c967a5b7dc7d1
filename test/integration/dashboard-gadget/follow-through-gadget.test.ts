/**
 * The "Postmortem follow-through" dashboard gadget through the local Forge platform: its resolver reads
 * Jira as the viewer, and its configuration is the one the platform stored for that gadget.
 *
 * Seeded (UTC, now Monday 2025-03-17 09:00), worked out by hand:
 *   INC-1 SEV-1 03-03 60 min (FINAL), INC-2 SEV-2 03-05 30 min, INC-4 SEV-1 03-15 10:00–12:00 (120 min),
 *   INC-3 SEV-1 02-10 120 min; OPS-1 SEV-1 03-10 600 min (FINAL), OPS-2 SEV-2 03-04 60 min.
 *   March SEV-1/2: all = 5 (INC-1, INC-2, INC-4, OPS-1, OPS-2), INC only = 3; February: 1 (INC-3).
 *   March MTTR: all (60+30+120+600+60)/5 = 174 min, INC only (60+30+120)/3 = 70 min; February 120 min.
 *   Postmortems due: OPS-2 document due Tue 03-11 (overdue), INC-2 document due Wed 03-12 (overdue),
 *   INC-4 meeting due 03-17 12:00 (in 3 h: due soon); FINAL ones and INC-3 (resolved > 30 days ago) are not.
 *   Overdue action items (not done, due day over): OPS-10 due 03-01 (16 days), INC-10 due 03-10
 *   (7 days), INC-11 due 03-16 (1 day); INC-12 is done, INC-13 is due 03-20.
 */
import type { FollowThroughView } from '../../../src/contract/dashboard-gadget-api';
import type { Result } from '../../../src/contract/errors';
import type { GadgetInstance } from '../../../forge-platform/forge-platform';
import type { PreviewApp } from '../../../preview/preview-app';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { saveSettings } from '../../../src/storage/settings-store';
import { dataOf, errorOf, incidentApp } from '../../helpers/incident-app';

const NOW = new Date('2025-03-17T09:00:00Z');
const GADGET_MODULE = 'postmortem-follow-through-gadget';
/** Browses every project. */
const ADMIN = '6a20bb1c93f06d33dd1e5f02';
/** Browses INC only. */
const INC_ONLY = '6a20bb1c93f06d33dd1e5f03';
const ALEX = { accountId: '5b109f2e9729b51b54dc274d', displayName: 'Alex Rivera' };
const MARIA = { accountId: '5b10a2844c20165700ede21g', displayName: 'Maria Chen' };

const DONE = { name: 'Done', statusCategory: { key: 'done', name: 'Done' } };
const TO_DO = { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } };
const IN_PROGRESS = { name: 'In Progress', statusCategory: { key: 'indeterminate', name: 'In Progress' } };

const FINAL = (key: string) => ({
  'postmortem-summary': { status: 'FINAL', severity: 'SEV-1', incidentId: key, actionItemCount: 1 },
});

function incident(key: string, severity: string, created: string, minutes: number, final = false) {
  const resolved = new Date(Date.parse(created) + minutes * 60_000).toISOString();
  return {
    key,
    fields: {
      summary: `Incident ${key}`,
      issuetype: { name: 'Incident' },
      project: { key: key.split('-')[0] },
      status: DONE,
      labels: [severity],
      created,
      updated: resolved,
      resolutiondate: resolved,
    },
    properties: final ? FINAL(key) : {},
  };
}

function actionItem(
  key: string,
  incidentKey: string,
  duedate: string,
  status: typeof DONE,
  assignee: typeof ALEX | null,
) {
  const subtask = key.startsWith('INC-');
  return {
    key,
    fields: {
      summary: `Action ${key}`,
      // OPS has no sub-task type: its action items are tasks that name their incident in a property.
      issuetype: { name: subtask ? 'Subtask' : 'Task' },
      project: { key: key.split('-')[0] },
      ...(subtask ? { parent: { key: incidentKey } } : {}),
      labels: ['postmortem-action'],
      status,
      duedate,
      assignee,
      created: '2025-03-03T12:00:00.000+0000',
      updated: '2025-03-03T12:00:00.000+0000',
      resolutiondate: status === DONE ? '2025-03-08T12:00:00.000+0000' : null,
    },
    properties: subtask ? {} : { 'postmortem-action-source': { incidentKey, rowId: 'row-1' } },
  };
}

async function seededApp(): Promise<PreviewApp> {
  const app = await incidentApp(() => NOW);
  app.emulator.seed([
    incident('INC-1', 'SEV-1', '2025-03-03T10:00:00.000Z', 60, true),
    incident('INC-2', 'SEV-2', '2025-03-05T10:00:00.000Z', 30),
    incident('INC-3', 'SEV-1', '2025-02-10T10:00:00.000Z', 120),
    incident('INC-4', 'SEV-1', '2025-03-15T10:00:00.000Z', 120),
    incident('OPS-1', 'SEV-1', '2025-03-10T10:00:00.000Z', 600, true),
    incident('OPS-2', 'SEV-2', '2025-03-04T09:00:00.000Z', 60),
    actionItem('INC-10', 'INC-1', '2025-03-10', TO_DO, ALEX),
    actionItem('INC-11', 'INC-1', '2025-03-16', IN_PROGRESS, null),
    actionItem('INC-12', 'INC-2', '2025-03-10', DONE, ALEX),
    actionItem('INC-13', 'INC-2', '2025-03-20', TO_DO, ALEX),
    actionItem('OPS-10', 'OPS-1', '2025-03-01', TO_DO, MARIA),
  ]);
  app.emulator.setPermissions(ADMIN, { browse: true, edit: true });
  app.emulator.setPermissions(INC_ONLY, { browse: true, edit: true, projects: ['INC'] });
  return app;
}

const onDashboard = (gadgetId: string): GadgetInstance => ({ dashboardId: '10100', gadgetId });
const editing = (gadgetId: string): GadgetInstance => ({ ...onDashboard(gadgetId), entryPoint: 'edit' });

function followThrough(
  app: PreviewApp,
  accountId: string,
  gadget: GadgetInstance,
  payload: unknown = {},
): Promise<Result<FollowThroughView>> {
  return app.platform.invokeResolver({
    moduleKey: GADGET_MODULE,
    functionKey: 'getFollowThrough',
    payload,
    accountId,
    gadget,
  }) as Promise<Result<FollowThroughView>>;
}

/** What the gadget shows, in the terms a viewer reads it. */
function shown(view: FollowThroughView) {
  return {
    overdue: view.overdueActionItems.items.map((item) => [item.key, item.daysOverdue]),
    due: view.postmortemsDue.items.map((due) => [due.key, due.deadline, due.state]),
    sev12: [view.majorIncidents.count.current, view.majorIncidents.count.previous],
    mttr: [view.majorIncidents.mttrMinutes.current, view.majorIncidents.mttrMinutes.previous],
  };
}

describe('the follow-through dashboard gadget', () => {
  it('shows an admin every project and a viewer who browses INC only nothing of OPS', async () => {
    const app = await seededApp();
    const gadget = onDashboard('20001');

    const admin = dataOf(await followThrough(app, ADMIN, gadget));
    expect(shown(admin)).toEqual({
      overdue: [
        ['OPS-10', 16],
        ['INC-10', 7],
        ['INC-11', 1],
      ],
      due: [
        ['OPS-2', 'document', 'overdue'],
        ['INC-2', 'document', 'overdue'],
        ['INC-4', 'meeting', 'due-soon'],
      ],
      sev12: [5, 1],
      mttr: [174, 120],
    });
    expect(admin.majorIncidents).toMatchObject({ month: '2025-03', previousMonth: '2025-02' });
    expect(admin.overdueActionItems.items[0]).toMatchObject({
      summary: 'Action OPS-10',
      assignee: 'Maria Chen',
      dueDate: '2025-03-01',
      incidentKey: 'OPS-1',
    });

    const restricted = dataOf(await followThrough(app, INC_ONLY, gadget));
    expect(shown(restricted)).toEqual({
      overdue: [
        ['INC-10', 7],
        ['INC-11', 1],
      ],
      due: [
        ['INC-2', 'document', 'overdue'],
        ['INC-4', 'meeting', 'due-soon'],
      ],
      sev12: [3, 1],
      mttr: [70, 120],
    });
    expect(JSON.stringify(restricted)).not.toContain('OPS');
  });

  it('keeps a configuration per gadget: two gadgets on one dashboard show their own projects and rows', async () => {
    const app = await seededApp();
    expect(
      app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20001'), {
        projectKeys: ['ops'],
        rows: 1,
      }),
    ).toBe(true);
    expect(app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20002'), { rows: 2 })).toBe(true);

    const opsGadget = dataOf(await followThrough(app, ADMIN, onDashboard('20001')));
    expect(opsGadget.configuredProjects).toEqual(['OPS']);
    expect(shown(opsGadget)).toEqual({
      overdue: [['OPS-10', 16]],
      due: [['OPS-2', 'document', 'overdue']],
      sev12: [2, 0],
      mttr: [330, null],
    });

    const twoRows = dataOf(await followThrough(app, ADMIN, onDashboard('20002')));
    expect(twoRows.rows).toBe(2);
    expect(twoRows.overdueActionItems).toMatchObject({ more: true });
    expect(twoRows.overdueActionItems.items.map((item) => item.key)).toEqual(['OPS-10', 'INC-10']);
    expect(twoRows.postmortemsDue.items.map((due) => due.key)).toEqual(['OPS-2', 'INC-2']);
    expect(twoRows.postmortemsDue.more).toBe(true);

    // The configuration reaches the UI the same way, in each gadget's own context.
    expect(app.platform.gadgetExtension(GADGET_MODULE, onDashboard('20002'))).toMatchObject({
      type: 'jira:dashboardGadget',
      gadget: { id: '20002' },
      dashboard: { id: '10100' },
      gadgetConfiguration: { rows: 2 },
    });
    expect(app.platform.gadgetExtension(GADGET_MODULE, editing('20001'))).toMatchObject({
      entryPoint: 'edit',
      gadgetConfiguration: { projectKeys: ['ops'], rows: 1 },
    });
  });

  it('shows a viewer none of the configured projects they cannot browse, and says how many are hidden', async () => {
    const app = await seededApp();
    app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20001'), { projectKeys: ['OPS'] });

    const view = dataOf(await followThrough(app, INC_ONLY, onDashboard('20001')));
    expect(view.hiddenProjects).toBe(1);
    expect(shown(view)).toEqual({ overdue: [], due: [], sev12: [0, 0], mttr: [null, null] });
  });

  it("keeps to the admin's project scope: a gadget shows nothing outside the app's configured projects", async () => {
    const app = await seededApp();
    await saveSettings(app.services({}).kv, { ...DEFAULT_SETTINGS, projectKeys: ['INC'] });

    const unconfigured = dataOf(await followThrough(app, ADMIN, onDashboard('20001')));
    expect(shown(unconfigured)).toEqual({
      overdue: [
        ['INC-10', 7],
        ['INC-11', 1],
      ],
      due: [
        ['INC-2', 'document', 'overdue'],
        ['INC-4', 'meeting', 'due-soon'],
      ],
      sev12: [3, 1],
      mttr: [70, 120],
    });

    app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20002'), { projectKeys: ['OPS'] });
    const outsideScope = dataOf(await followThrough(app, ADMIN, onDashboard('20002')));
    expect(outsideScope.hiddenProjects).toBe(0);
    expect(shown(outsideScope)).toEqual({ overdue: [], due: [], sev12: [0, 0], mttr: [null, null] });
  });

  it('finds a postmortem due behind more than a page (100) of incidents resolved in the window', async () => {
    const app = await seededApp();
    // 120 SEV-3 incidents resolved before INC-4 (none requires a postmortem): INC-4 is on the second page.
    app.emulator.seed(
      Array.from({ length: 120 }, (_, index) =>
        incident(
          `INC-${100 + index}`,
          'SEV-3',
          new Date(Date.parse('2025-03-06T00:00:00Z') + index * 3_600_000).toISOString(),
          5,
        ),
      ),
    );
    const view = dataOf(await followThrough(app, ADMIN, onDashboard('20001')));
    expect(shown(view).due).toEqual([
      ['OPS-2', 'document', 'overdue'],
      ['INC-2', 'document', 'overdue'],
      ['INC-4', 'meeting', 'due-soon'],
    ]);
  });

  it('refuses a stored configuration it cannot read, saying what is wrong and what to do', async () => {
    const app = await seededApp();
    app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20001'), { rows: 0, colour: 'red' });

    const error = errorOf(await followThrough(app, ADMIN, onDashboard('20001')));
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toMatch(/rows: at least 1 row/);
    expect(error.message).toMatch(/colour/);
    expect(error.message).toMatch(/Edit the gadget and save its configuration again/);
  });

  it('takes the configuration only from the platform, never from the payload', async () => {
    const app = await seededApp();
    const error = errorOf(await followThrough(app, INC_ONLY, onDashboard('20001'), { projectKeys: ['OPS'] }));
    expect(error.kind).toBe('InvalidInput');
  });

  it('refuses what Jira refuses: a submit from the view, a refresh that is not a positive integer', async () => {
    const app = await seededApp();
    expect(app.platform.submitGadgetConfiguration(GADGET_MODULE, onDashboard('20001'), { rows: 3 })).toBe(
      false,
    );
    expect(() =>
      app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20001'), { refresh: -5 }),
    ).toThrow(/refresh.*positive integer/);
    expect(() => app.platform.submitGadgetConfiguration(GADGET_MODULE, editing('20001'), ['OPS'])).toThrow(
      /must be an object/,
    );
    await expect(
      app.platform.invokeResolver({
        moduleKey: GADGET_MODULE,
        functionKey: 'getFollowThrough',
        payload: {},
        accountId: ADMIN,
      }),
    ).rejects.toThrow(/dashboard gadget/);
  });
});
