import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { emptyPostmortem } from '../../../src/domain/postmortem';
import { editIssue } from '../../../src/jira/issues';
import { savePostmortem } from '../../../src/storage/postmortem-store';
import { ESCALATIONS_PER_RUN } from '../../../src/usecases/follow-through/escalate-overdue-items';
import { saveSettings } from '../../../src/storage/settings-store';
import { PREVIEW_ACCOUNT_ID } from '../../helpers/incident-app';
import { ASSIGNEE, followThroughApp, type SeededChild } from './follow-through-fixture';
import { mentionedAccounts as mentioned } from '../../helpers/adf-mentions';

/** The daily trigger on a movable clock, with escalation after 3 days and INC-1's postmortem written by Mia Krystof. */
async function dailyRuns(children: SeededChild[]) {
  let now = new Date('2025-03-17T09:00:00Z');
  const fixture = await followThroughApp(children, () => now);
  const { kv } = fixture.app.services({});
  await saveSettings(kv, { ...DEFAULT_SETTINGS, escalateOverdueAfterDays: 3 });
  const document = emptyPostmortem({
    incidentId: 'INC-1',
    title: 'Payment Service Outage',
    writtenBy: 'Mia Krystof',
  });
  await savePostmortem(kv, 'INC-1', document, { accountId: PREVIEW_ACCOUNT_ID, at: now });
  return {
    ...fixture,
    /** Runs the scheduled trigger through the platform, as Forge does once a day, at `instant`. */
    async runAt(instant: string) {
      now = new Date(instant);
      await fixture.app.platform.runScheduledTrigger('daily-postmortem-maintenance');
    },
    comments: (key: string) => fixture.app.emulator.getComments(key),
    moveDueDate: (key: string, duedate: string) =>
      editIssue(fixture.app.emulator.appJiraPort(), { issueIdOrKey: key, fields: { duedate } }),
  };
}

describe('escalation of long-overdue action items (daily scheduled trigger, through the Forge platform)', () => {
  it('comments once, as the app, mentioning the assignee and the postmortem’s author; not again across two daily runs', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-14' },
      { rowId: 'r2', key: 'INC-3', status: 'To Do', duedate: '2025-03-15' },
    ]);

    await runs.runAt('2025-03-17T09:00:00Z');
    await runs.runAt('2025-03-17T09:05:00Z'); // the platform fired the trigger twice
    await runs.runAt('2025-03-18T09:00:00Z');

    const [comment, ...more] = runs.comments('INC-2');
    expect(more).toEqual([]);
    expect(comment?.author).toMatchObject({ asApp: true });
    expect(mentioned(comment?.body)).toEqual([ASSIGNEE, PREVIEW_ACCOUNT_ID]);
    expect(JSON.stringify(comment?.body)).toContain(
      'Postmortem action item overdue since 2025-03-14 (3 days)',
    );
    expect(comment?.created).toBe('2025-03-17T09:00:00.000+0000');
    // INC-3 was 2 days overdue on the 17th, 3 on the 18th: escalated then, once.
    expect(runs.comments('INC-3').map((c) => c.created)).toEqual(['2025-03-18T09:00:00.000+0000']);
  });

  it('stops when the due date moves, and re-arms for the new date', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-14' },
      { rowId: 'r2', key: 'INC-3', status: 'To Do', duedate: '2025-03-10' },
    ]);
    await runs.runAt('2025-03-16T09:00:00Z'); // INC-2 2 days overdue: not yet; INC-3 escalated
    await runs.moveDueDate('INC-2', '2025-03-21');
    await runs.moveDueDate('INC-3', '2025-03-19');

    await runs.runAt('2025-03-17T09:00:00Z');
    expect(runs.comments('INC-2')).toEqual([]);
    expect(runs.comments('INC-3')).toHaveLength(1);

    await runs.runAt('2025-03-22T09:00:00Z'); // INC-3 3 days past its new date, INC-2 1 day past its new date
    expect(runs.comments('INC-2')).toEqual([]);
    expect(runs.comments('INC-3')).toHaveLength(2);
    expect(JSON.stringify(runs.comments('INC-3')[1]?.body)).toContain('overdue since 2025-03-19');
  });

  it('stops when the item is done', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-10' },
    ]);
    const done = await runs.app.emulator.handle({
      method: 'POST',
      path: '/rest/api/3/issue/INC-2/transitions',
      accountId: ASSIGNEE,
      body: JSON.stringify({ transition: { id: '31' } }),
    });
    expect(done.status).toBe(204);

    await runs.runAt('2025-03-17T09:00:00Z');

    expect(runs.comments('INC-2')).toEqual([]);
  });

  it('does not comment again when a run stopped after Jira stored its comment', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-10' },
    ]);
    await runs.runAt('2025-03-17T09:00:00Z');
    // As a run killed between Jira's answer and its own record leaves it: claimed, never marked sent.
    const { kv } = runs.app.services({});
    await kv.set('escalation:INC-2:2025-03-10', { state: 'sending', at: '2025-03-17T09:00:00.000Z' });

    await runs.runAt('2025-03-18T09:00:00Z');
    await runs.runAt('2025-03-19T09:00:00Z');

    expect(runs.comments('INC-2')).toHaveLength(1);
    expect(await kv.get('escalation:INC-2:2025-03-10')).toMatchObject({ state: 'sent' });
  });

  it('posts at most ESCALATIONS_PER_RUN comments a run and works the rest off the next day', async () => {
    const children = Array.from({ length: ESCALATIONS_PER_RUN + 5 }, (_, i) => ({
      rowId: `r${i}`,
      key: `INC-${i + 2}`,
      status: 'To Do',
      duedate: '2025-03-10',
    }));
    const runs = await dailyRuns(children);
    const commented = () => children.filter((child) => runs.comments(child.key).length > 0).length;

    await runs.runAt('2025-03-17T09:00:00Z');
    expect(commented()).toBe(ESCALATIONS_PER_RUN);

    await runs.runAt('2025-03-18T09:00:00Z');
    expect(commented()).toBe(ESCALATIONS_PER_RUN + 5);
    expect(children.every((child) => runs.comments(child.key).length === 1)).toBe(true);
  });

  it('comments on nothing while escalation is off', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-01' },
    ]);
    const { kv } = runs.app.services({});
    await saveSettings(kv, { ...DEFAULT_SETTINGS, escalateOverdueAfterDays: null });

    await runs.runAt('2025-03-17T09:00:00Z');

    expect(runs.comments('INC-2')).toEqual([]);
  });

  it('lists overdue items in the daily digest per project (team)', async () => {
    const runs = await dailyRuns([
      { rowId: 'r1', key: 'INC-2', status: 'In Progress', duedate: '2025-03-14' },
      { rowId: 'r2', key: 'OPS-7', status: 'To Do', duedate: '2025-03-12' },
    ]);

    await runs.runAt('2025-03-17T09:00:00Z');

    const digest = JSON.stringify(runs.app.slackSink.messages().at(-1)?.payload);
    expect(digest).toMatch(
      /Action items due soon or overdue — Incidents \(INC\)\*"[^]*INC-2[^]*Action items due soon or overdue — Operations \(OPS\)\*"[^]*OPS-7/,
    );
  });
});
