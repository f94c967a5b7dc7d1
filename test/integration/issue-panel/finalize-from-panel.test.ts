import { parseMarkdown, type PostmortemDocument } from '../../../src/domain/postmortem';
import { loadPostmortem } from '../../../src/storage/postmortem-store';
import { PREVIEW_ACCOUNT_ID, dataOf, errorOf } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import type { PreviewApp } from '../../../preview/preview-app';
import { children, panelApp, SECOND_EDITOR, settle } from './panel-fixture';

/** The reference's Payment Service Outage postmortem (five action items, each with owner and due date). */
async function openWithReference(
  call: Awaited<ReturnType<typeof panelApp>>['call'],
  accountId = PREVIEW_ACCOUNT_ID,
) {
  const opened = dataOf(
    await call('getPanel', { issueKey: 'INC-1' }, { accountId, issueKey: 'INC-1' }),
  ).document;
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return {
    ...document,
    revision: opened.revision,
    header: { ...document.header, incidentId: 'INC-1', status: 'DRAFT' as const, finalizedAt: null },
  };
}

const labels = (app: PreviewApp) => app.emulator.getIssue('INC-1')?.fields.labels;

describe('issue panel: finalizing (finalize → label → trigger → consumer, on the Jira emulator)', () => {
  it('adds the label as the user; the trigger and consumer create each child once even when the event is delivered twice', async () => {
    const { app, call } = await panelApp();
    app.emulator.deliveryOptions({ duplicate: 1 });
    const document = await openWithReference(call);

    const answer = dataOf(await call('finalize', { issueKey: 'INC-1', document }));
    expect(answer.document.header.status).toBe('FINALIZING');
    const labelEdit = app.emulator.requests.find(
      (r) => r.method === 'PUT' && r.path.startsWith('/rest/api/3/issue/INC-1'),
    );
    expect(labelEdit).toMatchObject({ asApp: false, accountId: PREVIEW_ACCOUNT_ID });
    expect(labels(app)).toContain('POSTMORTEM-FINAL');

    await settle(app);

    expect(app.emulator.listenerErrors).toEqual([]);
    expect(app.queue.failures).toEqual([]);
    expect(await children(app)).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
    const panel = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(panel.document.header).toMatchObject({ status: 'FINAL', finalizedAt: '2025-03-17T09:00:00.000Z' });
    expect(panel.automation?.children).toHaveLength(5);
    expect(panel.document.actionItems.every((item) => item.createdIssueKey !== null)).toBe(true);
  });

  it('answers Conflict to a second finalize click and creates nothing more', async () => {
    const { app, call } = await panelApp();
    const document = await openWithReference(call);
    dataOf(await call('finalize', { issueKey: 'INC-1', document }));
    await settle(app);

    const again = errorOf(await call('finalize', { issueKey: 'INC-1', document }));
    await settle(app);

    expect(again.kind).toBe('Conflict');
    expect(await children(app)).toHaveLength(5);
    expect(app.slackSink.messages()).toHaveLength(1);
  });

  it('refuses to finalize while an action item lacks an owner or due date, naming the rows; nothing changes', async () => {
    const { app, call } = await panelApp();
    const document = await openWithReference(call);
    const missing: PostmortemDocument = {
      ...document,
      actionItems: document.actionItems.map((item, i) =>
        i === 0 ? { ...item, owner: null, dueDate: null } : item,
      ),
    };
    const error = errorOf(await call('finalize', { issueKey: 'INC-1', document: missing }));
    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toMatch(/Fix these before finalizing: Action item 1 .* has no owner/);
    expect(Object.keys(error.fields ?? {})).toEqual(
      expect.arrayContaining([
        `actionItems.${missing.actionItems[0]?.id}.owner`,
        `actionItems.${missing.actionItems[0]?.id}.dueDate`,
      ]),
    );
    expect(labels(app)).not.toContain('POSTMORTEM-FINAL');
    expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
  });

  it('refuses to finalize a document over the storage budget before touching the label, keeping the saved draft', async () => {
    const { app, call } = await panelApp();
    const document = await openWithReference(call);
    const saved = dataOf(await call('saveDraft', { issueKey: 'INC-1', document })).document;
    // Every field within its own limit, together over the budget.
    const huge = {
      ...saved,
      summary: 'x'.repeat(49_000),
      rootCause: { ...saved.rootCause, text: 'y'.repeat(49_000) },
      otherNotes: 'log line\n'.repeat(16_000),
    };
    const error = errorOf(await call('finalize', { issueKey: 'INC-1', document: huge }));
    await settle(app);
    expect(error).toMatchObject({ kind: 'InvalidInput', message: expect.stringContaining('230 KiB') });
    expect(labels(app)).not.toContain('POSTMORTEM-FINAL');
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(stored?.document).toMatchObject({
      revision: 1,
      otherNotes: saved.otherNotes,
      header: { status: 'DRAFT' },
    });
  });

  it('refuses to finalize for a user who cannot edit the issue: no label, nothing stored', async () => {
    const { app, call, as } = await panelApp();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: false });
    const document = await openWithReference(call, SECOND_EDITOR);
    const error = errorOf(await call('finalize', { issueKey: 'INC-1', document }, as(SECOND_EDITOR)));
    await settle(app);
    expect(error.kind).toBe('Forbidden');
    expect(labels(app)).not.toContain('POSTMORTEM-FINAL');
    expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
    expect(await children(app)).toHaveLength(0);
  });

  it.each([
    ['429', { status: 429 as const, retryAfterSeconds: 10 }, 'RateLimited'],
    ['503', { status: 503 as const }, 'Unavailable'],
  ])(
    'answers a clear error when Jira %ss the label edit, and leaves the text saved and editable',
    async (_name, response, kind) => {
      const { app, call } = await panelApp();
      app.emulator.faults.add({ method: 'PUT', path: /^\/rest\/api\/3\/issue\/INC-1$/, times: 1, response });
      const document = await openWithReference(call);

      const error = errorOf(await call('finalize', { issueKey: 'INC-1', document }));
      await settle(app);

      expect(error.kind).toBe(kind);
      expect(error.message).toContain('INC-1');
      const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
      expect(stored?.document.header.status).toBe('DRAFT');
      expect(stored?.document.rootCause).toEqual(document.rootCause);
      expect(labels(app)).not.toContain('POSTMORTEM-FINAL');
      expect(await children(app)).toHaveLength(0);
      // Once Jira recovers, the same click finalizes (with the revision the panel reloads).
      const reloaded = dataOf(await call('getPanel', { issueKey: 'INC-1' })).document;
      dataOf(await call('finalize', { issueKey: 'INC-1', document: reloaded }));
      await settle(app);
      expect(await children(app)).toHaveLength(5);
    },
  );

  it('reopens a final postmortem (label removed, DRAFT) and re-finalizing creates no second set of children', async () => {
    const { app, call } = await panelApp();
    dataOf(await call('finalize', { issueKey: 'INC-1', document: await openWithReference(call) }));
    await settle(app);

    const reopened = dataOf(await call('reopen', { issueKey: 'INC-1' })).document;
    await settle(app);
    expect(reopened.header).toMatchObject({ status: 'DRAFT', finalizedAt: null });
    expect(labels(app)).not.toContain('POSTMORTEM-FINAL');

    dataOf(await call('finalize', { issueKey: 'INC-1', document: reopened }));
    await settle(app);
    expect(await children(app)).toHaveLength(5);
    expect((await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.header.status).toBe('FINAL');
  });
});
