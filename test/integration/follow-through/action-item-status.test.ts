import { editIssue } from '../../../src/jira/issues';
import { dataOf, errorOf } from '../../helpers/incident-app';
import { SECOND_EDITOR } from '../issue-panel/panel-fixture';
import { ASSIGNEE, followThroughApp, INC_ONLY_VIEWER, type SeededChild } from './follow-through-fixture';

// The panel fixture's clock: Monday 2025-03-17 09:00 UTC; the team's zone is the default, UTC.
const CHILDREN: SeededChild[] = [
  { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-14' },
  { rowId: 'r2', key: 'INC-3', status: 'To Do', duedate: '2025-03-17' },
  { rowId: 'r3', key: 'INC-4', status: 'Done', duedate: '2025-03-10' },
  { rowId: 'r4', key: 'OPS-7', status: 'To Do', duedate: '2025-03-01' },
  { rowId: 'r5', key: 'INC-5', status: 'To Do', duedate: null, assignee: null },
];

describe('action items: live status of each child, read as the viewer (panel and glance)', () => {
  it('shows each child’s status, assignee and due date, overdue only once its due day has ended', async () => {
    const { call } = await followThroughApp(CHILDREN);

    const view = dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }));

    expect(view.items).toEqual([
      {
        rowId: 'r1',
        key: 'INC-2',
        url: 'http://jira.test/browse/INC-2',
        visible: true,
        status: { name: 'In Progress', category: 'indeterminate' },
        assignee: 'Alex Rivera',
        dueDate: '2025-03-14',
        daysOverdue: 3,
      },
      expect.objectContaining({ key: 'INC-3', dueDate: '2025-03-17', daysOverdue: 0 }),
      expect.objectContaining({ key: 'INC-4', status: { name: 'Done', category: 'done' }, daysOverdue: 0 }),
      expect.objectContaining({ key: 'OPS-7', visible: true, daysOverdue: 16 }),
      expect.objectContaining({ key: 'INC-5', assignee: null, dueDate: null, daysOverdue: 0 }),
    ]);
    expect(view.counts).toEqual({ open: 4, overdue: 2, done: 1, notVisible: 0 });
    expect(view.readAt).toBe('2025-03-17T09:00:00.000Z');
  });

  it('reads the children as they are now, not through the lagging search index', async () => {
    const { app, call } = await followThroughApp(CHILDREN);
    app.emulator.index.freeze();
    await editIssue(app.emulator.appJiraPort(), { issueIdOrKey: 'INC-2', fields: { duedate: '2025-03-20' } });

    const view = dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }));

    expect(view.items[0]).toMatchObject({ key: 'INC-2', dueDate: '2025-03-20', daysOverdue: 0 });
    expect(app.emulator.requests.some((request) => request.path.startsWith('/rest/api/3/search'))).toBe(
      false,
    );
  });

  it('reads every child in one Jira request, as the viewer', async () => {
    const { app, call } = await followThroughApp(CHILDREN);
    const before = app.emulator.requests.length;

    dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }));

    const reads = app.emulator.requests
      .slice(before)
      .filter((request) => !request.path.includes('/mypermissions'));
    expect(reads.map((request) => [request.method, request.path, request.asApp])).toEqual([
      ['POST', '/rest/api/3/issue/bulkfetch', false],
    ]);
  });

  it('shows a child its assignee just moved to Done as done, no longer overdue', async () => {
    const { app, call } = await followThroughApp(CHILDREN);
    const moved = await app.emulator.handle({
      method: 'POST',
      path: '/rest/api/3/issue/INC-2/transitions',
      accountId: ASSIGNEE,
      body: JSON.stringify({ transition: { id: '31' } }),
    });
    expect(moved.status).toBe(204);

    const view = dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }));

    expect(view.items[0]).toMatchObject({ status: { name: 'Done', category: 'done' }, daysOverdue: 0 });
    expect(view.counts).toEqual({ open: 3, overdue: 1, done: 2, notVisible: 0 });
  });

  it('gives the glance the same open and overdue counts', async () => {
    const { glance } = await followThroughApp(CHILDREN);

    const view = dataOf(
      await glance(
        'getActionItemStatus',
        { issueKey: 'INC-1' },
        { accountId: SECOND_EDITOR, issueKey: 'INC-1' },
      ),
    );

    expect(view.counts).toEqual({ open: 4, overdue: 2, done: 1, notVisible: 0 });
  });

  it('reports a child in a project the viewer may not browse as not visible, telling nothing about it', async () => {
    const { app, call, glance, as } = await followThroughApp(CHILDREN);
    app.emulator.setPermissions(INC_ONLY_VIEWER, { browse: true, edit: false, projects: ['INC'] });

    const view = dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }, as(INC_ONLY_VIEWER)));
    const glanced = dataOf(await glance('getActionItemStatus', { issueKey: 'INC-1' }, as(INC_ONLY_VIEWER)));

    expect(view.items[3]).toEqual({
      rowId: 'r4',
      key: 'OPS-7',
      url: 'http://jira.test/browse/OPS-7',
      visible: false,
    });
    expect(view.counts).toEqual({ open: 3, overdue: 1, done: 1, notVisible: 1 });
    expect(glanced.counts).toEqual(view.counts);
    // Neither its status, its assignee's name on it, nor its due date.
    expect(JSON.stringify(view.items[3])).not.toMatch(/To Do|2025-03-01|Action r4/);
  });

  it('answers nothing about the children to a viewer who may not see the incident', async () => {
    const { app, call, as } = await followThroughApp(CHILDREN);
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: false, projects: ['OPS'] });

    const answer = await call('getActionItemStatus', { issueKey: 'INC-1' }, as(SECOND_EDITOR));

    expect(['NotFound', 'Forbidden']).toContain(errorOf(answer).kind);
    expect(JSON.stringify(answer)).not.toMatch(/OPS-7|INC-[2-5]/);
  });

  it('answers an empty list before the finalization created any child', async () => {
    const { call } = await followThroughApp([]);
    const view = dataOf(await call('getActionItemStatus', { issueKey: 'INC-1' }));
    expect(view).toMatchObject({ items: [], counts: { open: 0, overdue: 0, done: 0, notVisible: 0 } });
  });
});
