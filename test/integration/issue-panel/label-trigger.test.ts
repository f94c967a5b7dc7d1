import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { parseMarkdown } from '../../../src/domain/postmortem';
import { postmortemJobsConsumer } from '../../../src/handlers/consumers/postmortem-jobs-consumer';
import { issueUpdatedTrigger } from '../../../src/handlers/triggers/issue-updated-trigger';
import { editIssue } from '../../../src/jira/issues';
import { loadPostmortem, savePostmortem } from '../../../src/storage/postmortem-store';
import { saveSettings } from '../../../src/storage/settings-store';
import { NOW, PREVIEW_ACCOUNT_ID, dataOf } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import type { PreviewApp } from '../../../preview/preview-app';
import { children, panelApp, settle } from './panel-fixture';

async function withReferencePostmortem(app: PreviewApp) {
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  await savePostmortem(
    app.services({}).kv,
    'INC-1',
    { ...document, header: { ...document.header, status: 'FINALIZING', finalizedAt: null } },
    { accountId: PREVIEW_ACCOUNT_ID, at: NOW },
  );
}

describe('label trigger and jobs consumer (on the Jira emulator)', () => {
  it('reads the newest changelog entry when a delivery carries none, and creates the children once across two such deliveries', async () => {
    const { app } = await panelApp();
    await withReferencePostmortem(app);
    // Added by the app itself: the manifest's ignoreSelf keeps the emulator from firing the trigger.
    await editIssue(app.emulator.appJiraPort(), {
      issueIdOrKey: 'INC-1',
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    await settle(app);
    expect(await children(app)).toHaveLength(0);

    const issue = app.emulator.getIssue('INC-1')!;
    const event = { issue: { id: issue.id, key: issue.key } };
    expect(await issueUpdatedTrigger(event, app.services({}))).toBe('queued');
    expect(await issueUpdatedTrigger(event, app.services({}))).toBe('queued');
    await settle(app);

    expect(app.queue.failures).toEqual([]);
    expect(await children(app)).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it.each(['toString', 'from', 'fieldId'])(
    'queues the finalization when an item of the same event has no %s key',
    async (missing) => {
      const { app } = await panelApp();
      const issue = app.emulator.getIssue('INC-1')!;
      // Jira leaves out empty values: a status item without `toString`, an item without `fieldId`, …
      const other: Record<string, unknown> = {
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: '10000',
        fromString: 'To Do',
        to: '10001',
        toString: 'Done',
      };
      delete other[missing];
      const labels: Record<string, unknown> = {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: 'SEV-1',
        to: null,
        toString: 'SEV-1 POSTMORTEM-FINAL',
      };
      if (missing !== 'toString') delete labels[missing];
      const event = {
        issue: { id: issue.id, key: issue.key },
        changelog: { id: '10500', items: [other, labels] },
      };
      expect(await issueUpdatedTrigger(event, app.services({}))).toBe('queued');
    },
  );

  it('follows the finalization label configured by the admin', async () => {
    const { app, call } = await panelApp();
    await saveSettings(app.services({}).kv, { ...DEFAULT_SETTINGS, finalizationLabel: 'pm-published' });
    const opened = dataOf(await call('getPanel', { issueKey: 'INC-1' })).document;
    const { document } = parseMarkdown(referencePostmortemMarkdown());
    dataOf(
      await call('finalize', {
        issueKey: 'INC-1',
        document: {
          ...document,
          revision: opened.revision,
          header: { ...document.header, status: 'DRAFT', finalizedAt: null },
        },
      }),
    );
    await settle(app);
    expect(app.emulator.getIssue('INC-1')?.fields.labels).toContain('pm-published');
    expect(app.emulator.getIssue('INC-1')?.fields.labels).not.toContain('POSTMORTEM-FINAL');
    expect(await children(app)).toHaveLength(5);
  });

  it('finalizes an issue labelled without a saved postmortem (and no template in its description) as an empty one: no children', async () => {
    const { app } = await panelApp();
    await editIssue(app.emulator.jiraPort(PREVIEW_ACCOUNT_ID), {
      issueIdOrKey: 'INC-1',
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    await settle(app);
    expect(app.emulator.listenerErrors).toEqual([]);
    expect(await children(app)).toHaveLength(0);
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(stored?.document).toMatchObject({ header: { status: 'FINAL' }, actionItems: [] });
  });

  it('shows in the panel which rules a label added in Jira skipped, and each row with its recorded child', async () => {
    const { app, call } = await panelApp();
    const { document } = parseMarkdown(referencePostmortemMarkdown());
    await savePostmortem(
      app.services({}).kv,
      'INC-1',
      {
        ...document,
        actionItems: document.actionItems.map((item, i) => (i === 1 ? { ...item, dueDate: null } : item)),
      },
      { accountId: PREVIEW_ACCOUNT_ID, at: NOW },
    );
    await editIssue(app.emulator.jiraPort(PREVIEW_ACCOUNT_ID), {
      issueIdOrKey: 'INC-1',
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    await settle(app);
    const panel = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(panel.document.header.status).toBe('FINAL');
    expect(panel.automation?.skippedRules).toEqual([
      { rule: 'action-item-without-due-date', message: expect.stringContaining('Action item 2') as unknown },
    ]);
    const childOf = new Map(panel.automation?.children.map((child) => [child.rowId, child.key]));
    expect(panel.document.actionItems.map((item) => item.createdIssueKey)).toEqual(
      panel.document.actionItems.map((item) => childOf.get(item.id)),
    );
    expect(childOf.size).toBe(5);
  });

  it('queues the job when the label is removed as well, so the consumer can reopen the postmortem', async () => {
    const { app } = await panelApp();
    const issue = app.emulator.getIssue('INC-1')!;
    const event = {
      issue: { id: issue.id, key: issue.key },
      changelog: {
        id: '10500',
        items: [
          { field: 'labels', fieldId: 'labels', fromString: 'SEV-1 POSTMORTEM-FINAL', toString: 'SEV-1' },
        ],
      },
    };
    expect(await issueUpdatedTrigger(event, app.services({}))).toBe('queued');
  });

  it.each([
    ['no issue', {}],
    ['an issue without a key', { issue: { id: '10000' } }],
    [
      'a changelog of the wrong shape',
      { issue: { id: '10000', key: 'INC-1' }, changelog: { items: 'labels' } },
    ],
  ])('ignores an event with %s, without calling Jira', async (_name, event) => {
    const { app } = await panelApp();
    expect(await issueUpdatedTrigger(event, app.services({}))).toBe('ignored');
    expect(app.emulator.requests).toEqual([]);
  });

  it.each([
    ['an unknown job type', { type: 'delete-everything', issueKey: 'INC-1' }],
    ['a finalize job without a delivery id', { type: 'finalize-postmortem', issueKey: 'INC-1' }],
  ])('drops %s instead of retrying it forever', async (_name, job) => {
    const { app } = await panelApp();
    await withReferencePostmortem(app);
    await expect(postmortemJobsConsumer(job, app.services({}))).resolves.toBeUndefined();
    expect(app.emulator.requests).toEqual([]);
  });
});
