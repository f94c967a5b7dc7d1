import type { PostmortemDocument } from '../../../src/contract/issue-panel-api';
import { loadPostmortem, savePostmortem } from '../../../src/storage/postmortem-store';
import { NOW, PREVIEW_ACCOUNT_ID, dataOf, errorOf } from '../../helpers/incident-app';
import { panelApp, SECOND_EDITOR } from './panel-fixture';

async function openPanel(call: Awaited<ReturnType<typeof panelApp>>['call'], accountId = PREVIEW_ACCOUNT_ID) {
  return dataOf(await call('getPanel', { issueKey: 'INC-1' }, { accountId, issueKey: 'INC-1' })).document;
}

const withRootCause = (document: PostmortemDocument, text: string): PostmortemDocument => ({
  ...document,
  rootCause: { ...document.rootCause, text },
});

describe('issue panel: saving a draft (saveDraft on the Jira emulator)', () => {
  it('saves the document, bumps its revision and answers the live checks', async () => {
    const { app, call } = await panelApp();
    const opened = await openPanel(call);
    const saved = dataOf(
      await call('saveDraft', { issueKey: 'INC-1', document: withRootCause(opened, 'Missing index.') }),
    );
    expect(saved.document.revision).toBe(1);
    expect(saved.savedAt).toBe('2025-03-17T09:00:00.000Z');
    expect(Array.isArray(saved.findings)).toBe(true);
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(stored).toMatchObject({ updatedBy: PREVIEW_ACCOUNT_ID, document: { revision: 1 } });
    expect(stored?.document.rootCause.text).toBe('Missing index.');
    expect(dataOf(await call('getPanel', { issueKey: 'INC-1' })).saved).toBe(true);
  });

  it('answers Conflict to the later of two editors and overwrites nothing', async () => {
    const { app, call, as } = await panelApp();
    const first = await openPanel(call, PREVIEW_ACCOUNT_ID);
    const second = await openPanel(call, SECOND_EDITOR);

    dataOf(await call('saveDraft', { issueKey: 'INC-1', document: withRootCause(first, 'First editor') }));
    const conflict = errorOf(
      await call(
        'saveDraft',
        { issueKey: 'INC-1', document: withRootCause(second, 'Second editor') },
        as(SECOND_EDITOR),
      ),
    );

    expect(conflict.kind).toBe('Conflict');
    expect(conflict.message).toMatch(/Someone else saved this postmortem.*Your text is kept/);
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(stored).toMatchObject({ updatedBy: PREVIEW_ACCOUNT_ID, document: { revision: 1 } });
    expect(stored?.document.rootCause.text).toBe('First editor');
  });

  it('lets the later editor save after reloading the newer revision', async () => {
    const { call, as } = await panelApp();
    const first = await openPanel(call);
    dataOf(await call('saveDraft', { issueKey: 'INC-1', document: withRootCause(first, 'First editor') }));
    const reloaded = await openPanel(call, SECOND_EDITOR);
    const saved = dataOf(
      await call(
        'saveDraft',
        { issueKey: 'INC-1', document: withRootCause(reloaded, 'Both') },
        as(SECOND_EDITOR),
      ),
    );
    expect(saved.document.revision).toBe(2);
  });

  it('refuses a save from a user who cannot edit the issue, and stores nothing', async () => {
    const { app, call, as } = await panelApp();
    app.emulator.setPermissions(SECOND_EDITOR, { browse: true, edit: false });
    const opened = await openPanel(call, SECOND_EDITOR);
    const error = errorOf(
      await call('saveDraft', { issueKey: 'INC-1', document: opened }, as(SECOND_EDITOR)),
    );
    expect(error.kind).toBe('Forbidden');
    expect(error.message).toContain('Ask a project admin');
    expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
  });

  it('refuses a document over the 230 KiB storage budget with a clear error, keeping the stored version', async () => {
    const { app, call } = await panelApp();
    const opened = await openPanel(call);
    const saved = dataOf(
      await call('saveDraft', { issueKey: 'INC-1', document: withRootCause(opened, 'Short and saved.') }),
    ).document;
    // Every field within its own limit, together over the budget.
    const huge = {
      ...withRootCause(saved, 'x'.repeat(50_000)),
      summary: 's'.repeat(45_000),
      otherNotes: 'n'.repeat(150_000),
    };

    const error = errorOf(await call('saveDraft', { issueKey: 'INC-1', document: huge }));

    expect(error.kind).toBe('InvalidInput');
    expect(error.message).toMatch(/This postmortem is 24\d KiB, more than the 230 KiB.*Shorten/);
    const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(stored?.document.revision).toBe(1);
    expect(stored?.document.rootCause.text).toBe('Short and saved.');
    // The rejected text is still the caller's: nothing was trimmed in place.
    expect(huge.otherNotes).toHaveLength(150_000);
  });

  it('counts bytes, not characters: multi-byte text over the budget is refused too', async () => {
    const { call } = await panelApp();
    const opened = await openPanel(call);
    // 80,000 characters of 3-byte UTF-8 (each field within its limit) are 240,000 bytes, over 230 KiB.
    const document = { ...withRootCause(opened, '€'.repeat(50_000)), otherNotes: '€'.repeat(30_000) };
    const error = errorOf(await call('saveDraft', { issueKey: 'INC-1', document }));
    expect(error).toMatchObject({ kind: 'InvalidInput', message: expect.stringContaining('230 KiB') });
  });

  it('keeps the status server-owned: a payload saying FINAL saves a DRAFT and adds no label', async () => {
    const { app, call } = await panelApp();
    const opened = await openPanel(call);
    const claimed = {
      ...opened,
      header: { ...opened.header, status: 'FINAL' as const, finalizedAt: '2025-03-17T08:00:00.000Z' },
    };
    const saved = dataOf(await call('saveDraft', { issueKey: 'INC-1', document: claimed })).document;
    expect(saved.header).toMatchObject({ status: 'DRAFT', finalizedAt: null });
    expect((await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.header.status).toBe('DRAFT');
    expect(app.emulator.getIssue('INC-1')?.fields.labels).toEqual(['SEV-1']);
  });

  it('refuses edits to a final postmortem until it is reopened', async () => {
    const { app, call } = await panelApp();
    const opened = await openPanel(call);
    const final = { ...opened, header: { ...opened.header, status: 'FINAL' as const } };
    await savePostmortem(app.services({}).kv, 'INC-1', final, { accountId: null, at: NOW });
    const reloaded = await openPanel(call);
    const error = errorOf(await call('saveDraft', { issueKey: 'INC-1', document: reloaded }));
    expect(error).toMatchObject({ kind: 'Conflict', message: expect.stringContaining('Reopen it') });
    expect((await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.revision).toBe(1);
  });

  it.each<[string, (document: PostmortemDocument) => unknown, string]>([
    ['no document', () => undefined, 'document'],
    ['a revision that is not a number', (d) => ({ ...d, revision: 'latest' }), 'document.revision'],
    [
      'an unknown status',
      (d) => ({ ...d, header: { ...d.header, status: 'DONE' } }),
      'document.header.status',
    ],
    [
      'a due date that is no calendar day',
      (d) => ({
        ...d,
        actionItems: [
          {
            id: 'ai-1',
            action: 'Fix',
            owner: null,
            dueDate: '2025-02-30',
            externalRef: null,
            createdIssueKey: null,
          },
        ],
      }),
      'document.actionItems.0.dueDate',
    ],
    ['an unexpected field', (d) => ({ ...d, html: '<script>' }), 'document'],
  ])(
    'rejects %s with a validation error naming the field, and stores nothing',
    async (_name, mangle, field) => {
      const { app, call } = await panelApp();
      const opened = await openPanel(call);
      const error = errorOf(await call('saveDraft', { issueKey: 'INC-1', document: mangle(opened) }));
      expect(error.kind).toBe('InvalidInput');
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(error.message).toContain(field);
      expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
    },
  );
});

describe('issue panel: saving a draft over a field limit (issue 12)', () => {
  it('answers InvalidInput naming each field over its limit, and stores nothing', async () => {
    const { app, call } = await panelApp();
    const opened = await openPanel(call);
    const tooLong: PostmortemDocument = {
      ...withRootCause(opened, 'Missing index.'),
      header: { ...opened.header, title: 'x'.repeat(256) },
      timeline: [{ id: 'tl-1', time: '10:00', event: 'e'.repeat(5_001) }],
    };
    const error = errorOf(await call('saveDraft', { issueKey: 'INC-1', document: tooLong }));
    expect(error).toMatchObject({
      kind: 'InvalidInput',
      fields: {
        'document.header.title': 'at most 255 characters',
        'document.timeline.0.event': 'at most 5,000 characters',
      },
    });
    // What the panel shows under "Save failed — check the fields".
    expect(error.message).toContain('document.header.title: at most 255 characters');
    expect(await loadPostmortem(app.services({}).kv, 'INC-1')).toBeNull();
  });
});
