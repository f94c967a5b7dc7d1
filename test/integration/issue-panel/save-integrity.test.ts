import type { PostmortemDocument } from '../../../src/contract/issue-panel-api';
import { parseMarkdown, renderMarkdown, type ActionItem } from '../../../src/domain/postmortem';
import { loadAutomationRecord } from '../../../src/storage/automation-record-store';
import { loadPostmortem, savePostmortem } from '../../../src/storage/postmortem-store';
import { NOW, PREVIEW_ACCOUNT_ID, dataOf, errorOf } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import { children, panelApp, SECOND_EDITOR, settle } from './panel-fixture';

type Call = Awaited<ReturnType<typeof panelApp>>['call'];

async function openPanel(call: Call, accountId = PREVIEW_ACCOUNT_ID) {
  return dataOf(await call('getPanel', { issueKey: 'INC-1' }, { accountId, issueKey: 'INC-1' })).document;
}

const withRootCause = (document: PostmortemDocument, text: string): PostmortemDocument => ({
  ...document,
  rootCause: { ...document.rootCause, text },
});

const row = (id: string, action: string, createdIssueKey: string | null = null): ActionItem => ({
  id,
  action,
  owner: { text: 'Alex' },
  dueDate: '2025-04-01',
  externalRef: null,
  createdIssueKey,
});

const withRows = (document: PostmortemDocument, actionItems: ActionItem[]): PostmortemDocument => ({
  ...document,
  actionItems,
});

/** Successive saves from one open panel: each sends these rows on the document the last save answered. */
async function savesFromPanel(call: Call) {
  let document = await openPanel(call);
  return async (rows: ActionItem[]) => {
    document = dataOf(
      await call('saveDraft', { issueKey: 'INC-1', document: withRows(document, rows) }),
    ).document;
    return document;
  };
}

/** A postmortem stored by the server itself (the automation, an earlier version), then opened in the panel. */
async function storedByServer(
  { app, call }: Awaited<ReturnType<typeof panelApp>>,
  change: (opened: PostmortemDocument) => PostmortemDocument,
) {
  await savePostmortem(app.services({}).kv, 'INC-1', change(await openPanel(call)), {
    accountId: null,
    at: NOW,
  });
  return openPanel(call);
}

/** The reference postmortem (five action items, owners, due dates) on INC-1, at the opened revision. */
async function openWithReference(call: Call) {
  const opened = await openPanel(call);
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return {
    ...document,
    revision: opened.revision,
    header: { ...document.header, incidentId: 'INC-1', status: 'DRAFT' as const, finalizedAt: null },
  };
}

describe('issue panel: saves lose nothing and the server owns its fields', () => {
  it.each([
    ['the first save', 0],
    ['a later save', 1],
  ])(
    'gives two truly concurrent saves of one revision (%s) one success and one Conflict, storing the winner',
    async (_name, savesBefore) => {
      const { app, call, as } = await panelApp();
      let opened = await openPanel(call);
      for (let i = 0; i < savesBefore; i += 1) {
        opened = dataOf(await call('saveDraft', { issueKey: 'INC-1', document: opened })).document;
      }

      const answers = await Promise.all([
        call('saveDraft', { issueKey: 'INC-1', document: withRootCause(opened, 'Editor A') }),
        call(
          'saveDraft',
          { issueKey: 'INC-1', document: withRootCause(opened, 'Editor B') },
          as(SECOND_EDITOR),
        ),
      ]);

      const won = answers.filter((answer) => answer.ok);
      const lost = answers.filter((answer) => !answer.ok);
      expect(won).toHaveLength(1);
      expect(lost.map((answer) => errorOf(answer).kind)).toEqual(['Conflict']);
      const winner = dataOf(won[0] as (typeof answers)[number]).document;
      const stored = await loadPostmortem(app.services({}).kv, 'INC-1');
      expect(stored?.document.revision).toBe(savesBefore + 1);
      expect(stored?.document.rootCause.text).toBe(winner.rootCause.text);
    },
  );

  it('ignores child issue keys sent by the client: a new row has none, an existing row keeps its own', async () => {
    const fixture = await panelApp();
    const { app, call } = fixture;
    const kv = app.services({}).kv;
    // As the automation leaves it after a reopen: row ai-1 has its child INC-2.
    const reloaded = await storedByServer(fixture, (opened) =>
      withRows(opened, [row('ai-1', 'Add the index', 'INC-2')]),
    );

    const saved = dataOf(
      await call('saveDraft', {
        issueKey: 'INC-1',
        document: withRows(reloaded, [
          row('ai-1', 'Add the index', 'INC-500'),
          row('ai-2', 'Alert', 'INC-501'),
        ]),
      }),
    ).document;

    expect(saved.actionItems.map((item) => [item.id, item.createdIssueKey])).toEqual([
      ['ai-1', 'INC-2'],
      ['ai-2', null],
    ]);
    const stored = await loadPostmortem(kv, 'INC-1');
    expect(stored?.document.actionItems.map((item) => item.createdIssueKey)).toEqual(['INC-2', null]);
  });

  it('gives a duplicated row id a fresh one, so every stored row id is unique', async () => {
    const { call } = await panelApp();
    const opened = await openPanel(call);
    const saved = dataOf(
      await call('saveDraft', {
        issueKey: 'INC-1',
        document: withRows(opened, [row('ai-1', 'First'), row('ai-1', 'Second'), row('x', 'Third')]),
      }),
    ).document;
    expect(saved.actionItems.map((item) => [item.id, item.action])).toEqual([
      ['ai-1', 'First'],
      ['ai-2', 'Second'],
      ['ai-3', 'Third'],
    ]);
  });

  it('replaces a row number far above the rest, so minted ids stay exact and unique', async () => {
    const save = await savesFromPanel((await panelApp()).call);
    const first = await save([row('ai-999999999999999', 'Huge'), row('ai-99999999999999999999', 'Huger')]);
    expect(first.actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-2']);
    const second = await save([...first.actionItems, row('ai-1000000000', 'Next')]);
    expect(second.actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-2', 'ai-3']);
  });

  it('refuses a new row once the row numbers reach the 32-bit limit of the stored ceiling, and stores nothing', async () => {
    const fixture = await panelApp();
    const { app, call } = fixture;
    const kv = app.services({}).kv;
    const reloaded = await storedByServer(fixture, (opened) =>
      withRows(opened, [row('ai-2147483647', 'Last number')]),
    );

    const error = errorOf(
      await call('saveDraft', {
        issueKey: 'INC-1',
        document: withRows(reloaded, [...reloaded.actionItems, row('ai-2147483648', 'One more')]),
      }),
    );

    expect(error).toMatchObject({ kind: 'InvalidInput', message: expect.stringContaining('used up') });
    expect((await loadPostmortem(kv, 'INC-1'))?.document.revision).toBe(1);
  });

  it('never gives a new row the id of a row that was removed', async () => {
    const save = await savesFromPanel((await panelApp()).call);
    await save([row('ai-1', 'Keep'), row('ai-2', 'Remove me')]);
    await save([row('ai-1', 'Keep')]);
    // The panel numbers a new row above the rows it shows: ai-2 again.
    const saved = await save([row('ai-1', 'Keep'), row('ai-2', 'Brand new')]);
    expect(saved.actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-3']);
  });

  it('refuses saves while the postmortem is FINALIZING (the automation is creating its children)', async () => {
    const fixture = await panelApp();
    const { app, call } = fixture;
    const kv = app.services({}).kv;
    const reloaded = await storedByServer(fixture, (opened) => ({
      ...opened,
      header: { ...opened.header, status: 'FINALIZING' },
    }));

    const error = errorOf(
      await call('saveDraft', {
        issueKey: 'INC-1',
        document: withRows(reloaded, [row('ai-1', 'Added while the automation waits on Jira')]),
      }),
    );

    expect(error).toMatchObject({ kind: 'Conflict', message: expect.stringContaining('being finalized') });
    const stored = await loadPostmortem(kv, 'INC-1');
    expect(stored?.document.revision).toBe(1);
    expect(stored?.document.actionItems).toEqual([]);
  });

  it('after reopen, an imported document gets fresh row ids, and finalizing it creates a child for each new row', async () => {
    const { app, call } = await panelApp();
    const document = await openWithReference(call);
    dataOf(await call('finalize', { issueKey: 'INC-1', document }));
    await settle(app);
    const firstChildren = (await children(app)).map((issue) => issue.key);
    expect(firstChildren).toHaveLength(5);
    const reopened = dataOf(await call('reopen', { issueKey: 'INC-1' })).document;

    const markdown = renderMarkdown(
      withRows(reopened, [row('ai-1', 'Rotate the database credentials'), row('ai-2', 'Write the runbook')]),
    );
    const preview = dataOf(await call('importMarkdown', { issueKey: 'INC-1', markdown })).document;
    expect(preview.actionItems.map((item) => [item.id, item.createdIssueKey])).toEqual([
      ['ai-6', null],
      ['ai-7', null],
    ]);
    // What the panel does with "Apply": the import's content on the open postmortem's identity.
    const applied = {
      ...preview,
      revision: reopened.revision,
      header: { ...preview.header, incidentId: 'INC-1', status: reopened.header.status },
    };
    dataOf(await call('finalize', { issueKey: 'INC-1', document: applied }));
    await settle(app);

    const after = await loadPostmortem(app.services({}).kv, 'INC-1');
    expect(after?.document.header.status).toBe('FINAL');
    // Child keys are kept in the automation record, by row id (not in the document).
    const record = await loadAutomationRecord(app.services({}).kv, 'INC-1');
    const newKeys = after?.document.actionItems.map((item) => record?.children[item.id] ?? null) ?? [];
    expect(newKeys).toHaveLength(2);
    for (const key of newKeys) {
      expect(key).not.toBeNull();
      expect(firstChildren).not.toContain(key);
    }
    expect(await children(app)).toHaveLength(7);
  });
});
