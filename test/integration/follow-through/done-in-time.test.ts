import { trendsHarness, USER_ACCOUNT_ID, type TrendsHarness } from '../global-page/trends-harness';

const TRANSITION = { toDo: '11', done: '31' } as const;

/** An action item of INC-1, due 2025-03-14, in a project whose workflow does or does not set a resolution. */
function actionItem(key: string) {
  return {
    key,
    fields: {
      summary: `Action ${key}`,
      issuetype: { name: 'Task' },
      labels: ['postmortem-action'],
      duedate: '2025-03-14',
      created: '2025-03-03T10:00:00.000+0000',
    },
    properties: { 'postmortem-action-source': { incidentKey: 'INC-1', rowId: key } },
  };
}

/** Moves the fake clock forward to `at` and transitions the child there, as its assignee would in Jira. */
async function transition(harness: TrendsHarness, at: string, key: string, id: string) {
  harness.clock.advance(Date.parse(at) - harness.clock.now().getTime());
  const response = await harness.emulator.handle({
    method: 'POST',
    path: `/rest/api/3/issue/${key}/transitions`,
    accountId: USER_ACCOUNT_ID,
    body: JSON.stringify({ transition: { id } }),
  });
  if (response.status !== 204) throw new Error(`transition of ${key} answered ${response.status}`);
}

async function completionByDueDate(harness: TrendsHarness) {
  harness.clock.advance(Date.parse('2025-04-10T09:00:00.000Z') - harness.clock.now().getTime());
  const answer = await harness.invoke('getTrends', { month: '2025-03', projectKeys: [] });
  if (!answer.ok) throw new Error(answer.error.message);
  if (answer.data.state !== 'ready') throw new Error(`getTrends is ${answer.data.state}`);
  return answer.data.trends.report.processMetrics.actionItemCompletionByDueDate;
}

describe('action items done in time, from the children’s status history (global page, through the emulator)', () => {
  it('counts an item done by its due date in a workflow that never sets a resolution', async () => {
    const harness = trendsHarness('2025-03-03T10:00:00.000Z');
    harness.emulator.addProject({
      id: '10100',
      key: 'TEAM',
      name: 'Team-managed',
      issueTypes: [{ id: '10000', name: 'Task', subtask: false }],
      setsResolution: false,
    });
    harness.emulator.seed([actionItem('TEAM-1'), actionItem('TEAM-2')]);
    await transition(harness, '2025-03-13T16:00:00.000Z', 'TEAM-1', TRANSITION.done);
    await transition(harness, '2025-03-17T16:00:00.000Z', 'TEAM-2', TRANSITION.done);

    expect(harness.emulator.getIssue('TEAM-1')?.fields.resolutiondate).toBeNull();
    expect(await completionByDueDate(harness)).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('does not count an item reopened after its due date, still open or done again', async () => {
    const harness = trendsHarness('2025-03-03T10:00:00.000Z');
    harness.emulator.seed([actionItem('INC-2'), actionItem('INC-3'), actionItem('INC-4')]);
    for (const key of ['INC-2', 'INC-3', 'INC-4'])
      await transition(harness, '2025-03-12T10:00:00.000Z', key, TRANSITION.done);
    // Reopened after the due date: INC-3 stays open, INC-4 is done again later.
    await transition(harness, '2025-03-18T10:00:00.000Z', 'INC-3', TRANSITION.toDo);
    await transition(harness, '2025-03-18T10:00:00.000Z', 'INC-4', TRANSITION.toDo);
    await transition(harness, '2025-03-20T10:00:00.000Z', 'INC-4', TRANSITION.done);

    expect(await completionByDueDate(harness)).toMatchObject({ numerator: 1, denominator: 3 });
  });
});
