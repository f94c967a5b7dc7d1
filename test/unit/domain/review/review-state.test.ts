import { parseMarkdown, renderMarkdown, type PostmortemDocument } from '../../../../src/domain/postmortem';
import {
  approvalProgress,
  approvalsBlocker,
  contentFingerprint,
  isContentEdit,
  openStatus,
  reviewerStatuses,
  withDecision,
  withReview,
  withReviewRequested,
  type ReviewRecord,
} from '../../../../src/domain/review';
import { referencePostmortemMarkdown } from '../../../helpers/shared-files';

const MARIA = { accountId: '5b10a2844c20165700ede21g', displayName: 'Maria Chen' };
const PRIYA = { accountId: '6a20bb1c93f06d33dd1e5f02', displayName: 'Priya Nair' };
const AUTHOR = '5b10ac8d82e05b22cc7d4ef5';
const at = (minute: number) => new Date(Date.UTC(2025, 2, 17, 9, minute));

/** The reference postmortem, not finalized yet (the reference's own is FINAL). */
function reference(): PostmortemDocument {
  const { document } = parseMarkdown(referencePostmortemMarkdown());
  return { ...document, header: { ...document.header, status: 'DRAFT', reviewedBy: [], finalizedAt: null } };
}

function requested(): ReviewRecord {
  return withReviewRequested(null, { reviewers: [MARIA, PRIYA], by: AUTHOR, at: at(0) });
}

function decide(
  document: PostmortemDocument,
  review: ReviewRecord,
  accountId: string,
  decision: 'approved' | 'changes-requested',
  minute: number,
): ReviewRecord {
  const result = withDecision(document, review, { accountId, decision, comment: null, at: at(minute) });
  if (!result.ok) throw new Error(result.reason);
  return result.review;
}

describe('what counts as an edit for the review', () => {
  it('is any change to what the postmortem says: a section, a header fact, a row', () => {
    const doc = reference();
    expect(isContentEdit(doc, { ...doc, rootCause: { ...doc.rootCause, text: 'Another cause' } })).toBe(true);
    expect(isContentEdit(doc, { ...doc, header: { ...doc.header, severity: 'SEV-3' } })).toBe(true);
    expect(isContentEdit(doc, { ...doc, timeline: doc.timeline.slice(1) })).toBe(true);
  });

  it('is not the revision, the status, "Reviewed by", the review record, child keys or key order', () => {
    const doc = reference();
    const review = requested();
    const bookkeeping: PostmortemDocument = {
      ...doc,
      revision: doc.revision + 4,
      review,
      header: { ...doc.header, status: 'APPROVED', reviewedBy: ['Maria Chen'], finalizedAt: null },
      actionItems: doc.actionItems.map((item, i) => ({ ...item, createdIssueKey: `INC-${i + 10}` })),
    };
    expect(isContentEdit(doc, bookkeeping)).toBe(false);
    const reversed = <T extends object>(value: T): T =>
      Object.fromEntries(Object.entries(value).reverse()) as T;
    const reordered = { ...reversed(doc), header: reversed(doc.header) };
    expect(contentFingerprint(reordered)).toBe(contentFingerprint(doc));
  });
});

describe('reviewer statuses and approvals', () => {
  it("counts only each reviewer's latest decision, and an approval only for the content it was given on", () => {
    const doc = reference();
    let review = requested();
    review = decide(doc, review, MARIA.accountId, 'changes-requested', 1);
    review = decide(doc, review, MARIA.accountId, 'approved', 2);
    expect(reviewerStatuses(review, contentFingerprint(doc)).map((s) => s.state)).toEqual([
      'approved',
      'pending',
    ]);

    const edited = { ...doc, otherNotes: 'One more note', review };
    expect(reviewerStatuses(review, contentFingerprint(edited)).map((s) => s.state)).toEqual([
      'stale',
      'pending',
    ]);
    expect(approvalProgress(edited, 'one')).toMatchObject({ current: 0, needed: 1, met: false });
    // Undone, the content is again exactly what Maria approved.
    expect(approvalProgress({ ...doc, review }, 'one')).toMatchObject({ current: 1, met: true });
  });

  it.each([
    ['none', 0, true, true],
    ['one', 1, true, false],
    ['all', 2, false, false],
  ] as const)(
    'needs %s: %i approvals; one of two approved → met %s; none approved → met %s',
    (required, needed, oneMet, noneMet) => {
      const doc = reference();
      const review = requested();
      const one = decide(doc, review, PRIYA.accountId, 'approved', 3);
      expect(approvalProgress({ ...doc, review: one }, required)).toMatchObject({ needed, met: oneMet });
      expect(approvalProgress({ ...doc, review }, required).met).toBe(noneMet);
    },
  );

  it('blocks with a message naming what is missing and whose approval went stale', () => {
    const doc = reference();
    const review = decide(doc, requested(), MARIA.accountId, 'approved', 1);
    const edited = { ...doc, otherNotes: 'changed', review };
    expect(approvalsBlocker(edited, 'all')).toEqual([
      {
        code: 'approvals-missing',
        severity: 'error',
        path: 'review',
        message:
          'Finalizing needs approvals from all named reviewers (0 of 2). Approvals given before the last edit no longer count: Maria Chen.',
      },
    ]);
    expect(approvalsBlocker({ ...doc }, 'one')[0]?.message).toBe(
      'Finalizing needs an approval from a named reviewer. Ask for a review first.',
    );
    expect(approvalsBlocker({ ...doc }, 'none')).toEqual([]);
  });
});

describe('the lifecycle status', () => {
  it('goes DRAFT → IN_REVIEW → APPROVED and back to IN_REVIEW after an edit; fills "Reviewed by" from current approvals', () => {
    const doc = reference();
    expect(openStatus(doc, 'all')).toBe('DRAFT');
    let review = requested();
    expect(withReview(doc, review, 'all').header.status).toBe('IN_REVIEW');
    review = decide(doc, review, MARIA.accountId, 'approved', 1);
    expect(withReview(doc, review, 'all').header).toMatchObject({
      status: 'IN_REVIEW',
      reviewedBy: ['Maria Chen'],
    });
    review = decide(doc, review, PRIYA.accountId, 'approved', 2);
    expect(withReview(doc, review, 'all').header).toMatchObject({
      status: 'APPROVED',
      reviewedBy: ['Maria Chen', 'Priya Nair'],
    });
    const edited = { ...doc, otherNotes: 'changed after approval' };
    expect(withReview(edited, review, 'all').header).toMatchObject({ status: 'IN_REVIEW', reviewedBy: [] });
  });

  it('leaves FINALIZING and FINAL alone, and a never-reviewed document its typed "Reviewed by"', () => {
    const doc = reference();
    const review = decide(doc, requested(), MARIA.accountId, 'approved', 1);
    const final = { ...doc, header: { ...doc.header, status: 'FINAL' as const } };
    expect(withReview(final, review, 'one').header.status).toBe('FINAL');
    expect(withReview(doc, null, 'one')).toBe(doc);
  });
});

describe('decisions', () => {
  it('refuses anyone not named, and any decision before review is asked or once finalizing', () => {
    const doc = reference();
    const review = requested();
    const decision = { accountId: AUTHOR, decision: 'approved' as const, comment: null, at: at(1) };
    expect(withDecision(doc, review, decision)).toEqual({ ok: false, reason: 'not-a-reviewer' });
    expect(withDecision(doc, null, { ...decision, accountId: MARIA.accountId })).toEqual({
      ok: false,
      reason: 'not-in-review',
    });
    const finalizing = { ...doc, header: { ...doc.header, status: 'FINALIZING' as const } };
    expect(withDecision(finalizing, review, { ...decision, accountId: MARIA.accountId })).toEqual({
      ok: false,
      reason: 'not-in-review',
    });
  });

  it('records time, account, the name Jira gave and the comment', () => {
    const doc = reference();
    const result = withDecision(doc, requested(), {
      accountId: PRIYA.accountId,
      decision: 'changes-requested',
      comment: 'Add the 14:31 page to the timeline',
      at: at(5),
    });
    expect(result.ok && result.review.decisions).toEqual([
      {
        accountId: PRIYA.accountId,
        displayName: 'Priya Nair',
        decision: 'changes-requested',
        comment: 'Add the 14:31 page to the timeline',
        at: '2025-03-17T09:05:00.000Z',
        contentFingerprint: contentFingerprint(doc),
      },
    ]);
  });
});

describe('the review history in Markdown', () => {
  it('is its own section, read back into the review and not into the content (Other notes stay as they were)', () => {
    const doc = { ...reference(), otherNotes: 'A note that is content.' };
    let review = requested();
    review = decide(doc, review, MARIA.accountId, 'changes-requested', 1);
    const withComment = withDecision(doc, review, {
      accountId: PRIYA.accountId,
      decision: 'approved',
      comment: 'Looks right | ship it\nthanks',
      at: at(2),
    });
    if (!withComment.ok) throw new Error(withComment.reason);
    const markdown = renderMarkdown({ ...doc, review: withComment.review });
    expect(markdown).toContain('## Review History');
    // Before Other notes, which take everything after their heading.
    expect(markdown.indexOf('## Review History')).toBeLessThan(markdown.indexOf('## Other Notes'));
    expect(markdown).not.toContain('accountid:');

    const reread = parseMarkdown(markdown);
    expect(reread.document.review?.decisions).toEqual(withComment.review.decisions);
    expect(reread.document.otherNotes).toBe('A note that is content.');
    expect(reread.report.otherNotes).toEqual([]);
    const { review: _review, ...content } = reread.document;
    const { review: _original, ...original } = { ...doc, review: withComment.review };
    expect(content).toEqual(original);
  });

  it('writes no section before anyone has decided', () => {
    const doc = reference();
    expect(renderMarkdown({ ...doc, review: requested() })).not.toContain('Review History');
  });
});
