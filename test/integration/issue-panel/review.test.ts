import type { PostmortemDocument } from '../../../src/contract/issue-panel-api';
import { parseMarkdown } from '../../../src/domain/postmortem';
import type { ApprovalsRequired } from '../../../src/domain/review';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/app-settings';
import { editIssue } from '../../../src/jira/issues';
import { loadPostmortem } from '../../../src/storage/postmortem-store';
import { saveSettings } from '../../../src/storage/settings-store';
import { PREVIEW_ACCOUNT_ID, dataOf, errorOf } from '../../helpers/incident-app';
import { referencePostmortemMarkdown } from '../../helpers/shared-files';
import { children, panelApp, settle } from './panel-fixture';

const MARIA = '5b10a2844c20165700ede21g';
const PRIYA = '6a20bb1c93f06d33dd1e5f02';
const SAM = '6a20bb1c93f06d33dd1e5f03';
const AUTHOR = PREVIEW_ACCOUNT_ID;

/** The incident with the reference postmortem saved as a draft by the author, and the approvals setting. */
async function reviewApp(approvalsRequired: ApprovalsRequired = 'all') {
  const fixture = await panelApp();
  const { app, call } = fixture;
  await saveSettings(app.services({}).kv, { ...DEFAULT_SETTINGS, approvalsRequired });
  const opened = dataOf(await call('getPanel', { issueKey: 'INC-1' })).document;
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  const draft: PostmortemDocument = {
    ...document,
    revision: opened.revision,
    header: { ...document.header, incidentId: 'INC-1', status: 'DRAFT', reviewedBy: [], finalizedAt: null },
  };
  const saved = dataOf(await call('saveDraft', { issueKey: 'INC-1', document: draft })).document;
  const as = (accountId: string) => ({ accountId, issueKey: 'INC-1' });
  const review = async (accountId: string) =>
    dataOf(await call('getReview', { issueKey: 'INC-1' }, as(accountId)));
  const decide = (accountId: string, decision: 'approved' | 'changes-requested', comment?: string) =>
    call('decideReview', { issueKey: 'INC-1', decision, ...(comment ? { comment } : {}) }, as(accountId));
  const askMariaAndPriya = async () =>
    dataOf(await call('requestReview', { issueKey: 'INC-1', reviewers: [MARIA, PRIYA] }, as(AUTHOR)));
  return { ...fixture, saved, as, review, decide, askMariaAndPriya };
}

/** The account ids of the ADF `mention` nodes in a comment body, in order. */
function mentionedIds(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const { type, attrs, content } = node as { type?: unknown; attrs?: { id?: unknown }; content?: unknown };
  const own = type === 'mention' && typeof attrs?.id === 'string' ? [attrs.id] : [];
  return [...own, ...(Array.isArray(content) ? content.flatMap(mentionedIds) : [])];
}

describe('issue panel: the review workflow (on the Forge platform and the Jira emulator)', () => {
  it('asks the named reviewers with a Jira comment, as the author, that mentions each of them', async () => {
    const { app, askMariaAndPriya } = await reviewApp();
    const view = await askMariaAndPriya();

    expect(view).toMatchObject({ status: 'IN_REVIEW', canRequest: true, canDecide: false });
    expect(view.reviewers).toEqual([
      { accountId: MARIA, displayName: 'Maria Chen', state: 'pending', decidedAt: null },
      { accountId: PRIYA, displayName: 'Priya Nair', state: 'pending', decidedAt: null },
    ]);
    const [comment, ...others] = app.emulator.getComments('INC-1');
    expect(others).toEqual([]);
    expect(comment?.author).toEqual({ accountId: AUTHOR, asApp: false });
    expect(mentionedIds(comment?.body)).toEqual([MARIA, PRIYA]);
    const post = app.emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith('/INC-1/comment'));
    expect(post).toMatchObject({ asApp: false, accountId: AUTHOR, response: { status: 201 } });
  });

  it('refuses a decision from anyone not named, whatever account the payload names; records nothing', async () => {
    const { call, as, askMariaAndPriya, review } = await reviewApp();
    await askMariaAndPriya();
    const forged = errorOf(
      await call('decideReview', { issueKey: 'INC-1', decision: 'approved', accountId: MARIA }, as(SAM)),
    );
    expect(forged).toMatchObject({ kind: 'Forbidden', message: expect.stringContaining('reviewers named') });
    const author = errorOf(
      await call('decideReview', { issueKey: 'INC-1', decision: 'approved' }, as(AUTHOR)),
    );
    expect(author.kind).toBe('Forbidden');
    expect((await review(AUTHOR)).history).toEqual([]);
  });

  it('refuses to ask someone who is not a Jira user, and asks nobody then', async () => {
    const { app, call, as } = await reviewApp();
    const error = errorOf(
      await call('requestReview', { issueKey: 'INC-1', reviewers: [MARIA, 'no-such-account'] }, as(AUTHOR)),
    );
    expect(error).toMatchObject({
      kind: 'InvalidInput',
      message: expect.stringContaining('no-such-account'),
    });
    expect(app.emulator.getComments('INC-1')).toEqual([]);
  });

  it('records each decision with time, account and comment; a decision does not move the revision the author saves against', async () => {
    const { call, saved, decide, askMariaAndPriya, review } = await reviewApp();
    await askMariaAndPriya();
    dataOf(await decide(MARIA, 'changes-requested', 'Add the 14:31 page to the timeline'));
    const view = await review(PRIYA);
    expect(view.history).toEqual([
      expect.objectContaining({
        accountId: MARIA,
        displayName: 'Maria Chen',
        decision: 'changes-requested',
        comment: 'Add the 14:31 page to the timeline',
        at: '2025-03-17T09:00:00.000Z',
      }),
    ]);
    expect(view).toMatchObject({ canDecide: true, status: 'IN_REVIEW' });
    // The author's open editor still holds the revision it saved: its next autosave lands.
    const again = await call('saveDraft', {
      issueKey: 'INC-1',
      document: { ...saved, otherNotes: 'Timeline fixed' },
    });
    expect(again.ok).toBe(true);
  });

  it('makes approvals stale after an edit (not after a save that changes nothing), and fills "Reviewed by" from current approvals', async () => {
    const { call, saved, decide, askMariaAndPriya, review } = await reviewApp('one');
    await askMariaAndPriya();
    dataOf(await decide(MARIA, 'approved'));
    let panel = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(panel.document.header).toMatchObject({ status: 'APPROVED', reviewedBy: ['Maria Chen'] });

    // Autosave of the same content: not an edit.
    const unchanged = dataOf(
      await call('saveDraft', { issueKey: 'INC-1', document: panel.document }),
    ).document;
    expect((await review(AUTHOR)).reviewers[0]?.state).toBe('approved');

    dataOf(
      await call('saveDraft', {
        issueKey: 'INC-1',
        document: { ...unchanged, otherNotes: 'Edited after approval' },
      }),
    );
    const stale = await review(AUTHOR);
    expect(stale.reviewers.map((r) => r.state)).toEqual(['stale', 'pending']);
    expect(stale.progress).toMatchObject({ current: 0, needed: 1, met: false });
    panel = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(panel.document.header).toMatchObject({ status: 'IN_REVIEW', reviewedBy: [] });
    expect(panel.blockers.map((b) => b.code)).toEqual(['approvals-missing']);
    expect(saved.revision).toBeLessThan(panel.document.revision);
  });

  it.each([
    ['none', 0, true],
    ['one', 1, true],
    ['all', 1, false],
  ] as const)(
    'with approvals setting "%s", Finalize after %i approval(s) is allowed: %s',
    async (setting, approvals, allowed) => {
      const { app, call, decide, askMariaAndPriya } = await reviewApp(setting);
      if (setting !== 'none') await askMariaAndPriya();
      if (approvals > 0) dataOf(await decide(PRIYA, 'approved'));
      const { document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
      const answer = await call('finalize', { issueKey: 'INC-1', document });
      if (allowed) {
        expect(answer.ok).toBe(true);
        await settle(app);
        expect(await children(app)).toHaveLength(5);
      } else {
        expect(errorOf(answer)).toMatchObject({
          kind: 'InvalidInput',
          message: expect.stringContaining('approvals from all named reviewers (1 of 2)'),
          fields: { review: expect.any(String) },
        });
        expect(app.emulator.getIssue('INC-1')?.fields.labels).not.toContain('POSTMORTEM-FINAL');
      }
    },
  );

  it('runs the round trip: changes requested, then both approve, then Finalize; FINAL keeps "Reviewed by"', async () => {
    const { app, call, decide, askMariaAndPriya } = await reviewApp('all');
    await askMariaAndPriya();
    dataOf(await decide(MARIA, 'changes-requested', 'Name the owner of item 3'));
    dataOf(await decide(MARIA, 'approved'));
    const last = dataOf(await decide(PRIYA, 'approved'));
    expect(last).toMatchObject({ status: 'APPROVED', progress: { current: 2, needed: 2, met: true } });
    const { document, blockers } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(blockers).toEqual([]);
    dataOf(await call('finalize', { issueKey: 'INC-1', document }));
    await settle(app);
    const final = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(final.document.header).toMatchObject({
      status: 'FINAL',
      reviewedBy: ['Maria Chen', 'Priya Nair'],
    });
    expect((await loadPostmortem(app.services({}).kv, 'INC-1'))?.document.header.reviewedBy).toEqual([
      'Maria Chen',
      'Priya Nair',
    ]);
    expect(errorOf(await decide(PRIYA, 'changes-requested')).kind).toBe('Conflict');
  });

  it('handles the label added in Jira without the approvals like the other blockers: finalized, the rule reported as skipped', async () => {
    const { app, call, askMariaAndPriya } = await reviewApp('all');
    await askMariaAndPriya();
    await editIssue(app.emulator.jiraPort(AUTHOR), {
      issueIdOrKey: 'INC-1',
      labels: { add: ['POSTMORTEM-FINAL'] },
    });
    await settle(app);
    const panel = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    expect(panel.document.header.status).toBe('FINAL');
    expect(panel.automation?.skippedRules).toEqual([
      {
        rule: 'approvals-missing',
        message: expect.stringContaining('approvals from all named reviewers (0 of 2)'),
      },
    ]);
    expect(JSON.stringify(app.slackSink.messages())).toContain('approvals from all named reviewers');
  });

  it('keeps the review history in the exported Markdown, where a re-import reads it back as history, not content', async () => {
    const { call, decide, askMariaAndPriya } = await reviewApp();
    await askMariaAndPriya();
    dataOf(await decide(MARIA, 'changes-requested', 'Timeline | needs the 14:31 page'));
    dataOf(await decide(PRIYA, 'approved'));
    // The client's copy is from before the decisions: the export reads the stored review.
    const { document } = dataOf(await call('getPanel', { issueKey: 'INC-1' }));
    const { review: _review, ...stale } = document;
    const { markdown } = dataOf(await call('exportMarkdown', { issueKey: 'INC-1', document: stale }));
    expect(markdown).toContain('## Review History');
    expect(markdown).toMatch(
      /\| Maria Chen \| 5b10a2844c20165700ede21g \| Changes requested \| Timeline \\\| needs the 14:31 page \|/,
    );
    expect(markdown).toMatch(/\| Priya Nair \| 6a20bb1c93f06d33dd1e5f02 \| Approved \|/);

    const imported = dataOf(await call('importMarkdown', { issueKey: 'INC-1', markdown }));
    expect(imported.document.review?.decisions.map((d) => [d.displayName, d.decision])).toEqual([
      ['Maria Chen', 'changes-requested'],
      ['Priya Nair', 'approved'],
    ]);
    expect(imported.document.otherNotes).toBe(document.otherNotes);
    expect(imported.report.otherNotes).toEqual([]);
  });
});
