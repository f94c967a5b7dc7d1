/**
 * The review workflow's rules (issue 15): DRAFT → IN_REVIEW → APPROVED while people work, then
 * FINALIZING → FINAL by the automation. Pure: the use cases in `src/usecases/review/` read the
 * document and its review record, decide with these functions, and store the result.
 *
 * An approval counts for the content it was given on: each decision records the document's
 * `contentFingerprint`, and an approval whose fingerprint differs from the document's now is stale.
 */
import type { Finding } from '../checks/finding';
import type { PostmortemDocument, PostmortemStatus } from '../postmortem/postmortem-document';
import {
  emptyReview,
  type ApprovalsRequired,
  type ReviewDecision,
  type ReviewDecisionKind,
  type ReviewRecord,
  type Reviewer,
} from './review-record';

/** Sorted-key JSON, so two equal documents compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Two 32-bit FNV-1a hashes with different offsets, as 16 hex digits: a fingerprint, not a secret. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * What a reviewer reviews: every section, header fact, timeline row and action item — the document
 * without its storage revision, its review, its status and finalization time, "Reviewed by" (filled
 * from approvals) and the child issue keys the automation records.
 */
export function contentFingerprint(document: PostmortemDocument): string {
  const { revision: _revision, review: _review, header, actionItems, ...content } = document;
  const { status: _status, finalizedAt: _finalizedAt, reviewedBy: _reviewedBy, ...facts } = header;
  const rows = actionItems.map(({ createdIssueKey: _createdIssueKey, ...row }) => row);
  return fnv64(canonical({ ...content, header: facts, actionItems: rows }));
}

/**
 * An edit, for the review: a change to what the postmortem says (`contentFingerprint`). A decision, a
 * review request, a status change, "Reviewed by" filled from approvals, a child issue recorded, or a
 * save that sends the content back unchanged is not an edit.
 */
export function isContentEdit(before: PostmortemDocument, after: PostmortemDocument): boolean {
  return contentFingerprint(before) !== contentFingerprint(after);
}

export type ReviewerState = 'pending' | 'approved' | 'stale' | 'changes-requested';

export interface ReviewerStatus {
  reviewer: Reviewer;
  state: ReviewerState;
  /** The reviewer's latest decision, if any. */
  decision: ReviewDecision | null;
}

/** Each named reviewer with where they stand on `fingerprint`: only their latest decision counts. */
export function reviewerStatuses(review: ReviewRecord | undefined, fingerprint: string): ReviewerStatus[] {
  if (!review) return [];
  return review.reviewers.map((reviewer) => {
    const decision = review.decisions.findLast((d) => d.accountId === reviewer.accountId) ?? null;
    const state: ReviewerState =
      decision === null
        ? 'pending'
        : decision.decision === 'changes-requested'
          ? 'changes-requested'
          : decision.contentFingerprint === fingerprint
            ? 'approved'
            : 'stale';
    return { reviewer, state, decision };
  });
}

export interface ApprovalProgress {
  required: ApprovalsRequired;
  /** Current (not stale) approvals by named reviewers. */
  current: number;
  /** How many Finalize needs: 0, 1, or every named reviewer (at least one). */
  needed: number;
  met: boolean;
}

export function approvalProgress(
  document: PostmortemDocument,
  required: ApprovalsRequired,
): ApprovalProgress {
  const statuses = reviewerStatuses(document.review, contentFingerprint(document));
  const current = statuses.filter((s) => s.state === 'approved').length;
  const needed = required === 'none' ? 0 : required === 'one' ? 1 : Math.max(1, statuses.length);
  return { required, current, needed, met: current >= needed };
}

/** The approvals rule as a finalization blocker: Finalize refuses it, the label path reports it skipped. */
export function approvalsBlocker(document: PostmortemDocument, required: ApprovalsRequired): Finding[] {
  const progress = approvalProgress(document, required);
  if (progress.met) return [];
  const statuses = reviewerStatuses(document.review, contentFingerprint(document));
  const stale = statuses.filter((s) => s.state === 'stale').map((s) => s.reviewer.displayName);
  const want =
    required === 'one'
      ? 'an approval from a named reviewer'
      : `approvals from all named reviewers (${progress.current} of ${progress.needed})`;
  const askFirst = statuses.length === 0 ? ' Ask for a review first.' : '';
  const staleNote =
    stale.length > 0 ? ` Approvals given before the last edit no longer count: ${stale.join(', ')}.` : '';
  return [
    {
      code: 'approvals-missing',
      severity: 'error',
      message: `Finalizing needs ${want}.${askFirst}${staleNote}`,
      path: 'review',
    },
  ];
}

/** The statuses people move through; FINALIZING and FINAL belong to the automation. */
export type OpenStatus = Extract<PostmortemStatus, 'DRAFT' | 'IN_REVIEW' | 'APPROVED'>;

const SETTLED: ReadonlySet<PostmortemStatus> = new Set(['FINALIZING', 'FINAL']);

export function isSettled(status: PostmortemStatus): boolean {
  return SETTLED.has(status);
}

/**
 * DRAFT until review is asked; IN_REVIEW while it runs; APPROVED once at least one current approval
 * is in and the approvals the settings ask for are met.
 */
export function openStatus(document: PostmortemDocument, required: ApprovalsRequired): OpenStatus {
  if (!document.review || document.review.requestedAt === null) return 'DRAFT';
  const progress = approvalProgress(document, required);
  return progress.current > 0 && progress.met ? 'APPROVED' : 'IN_REVIEW';
}

/**
 * The document with its review merged in, as the panel, the exports and the finalization see it: the
 * open status from the review, and "Reviewed by" filled from the current approvals (display names as
 * Jira gave them). A document never reviewed keeps its typed "Reviewed by".
 */
export function withReview(
  document: PostmortemDocument,
  review: ReviewRecord | null,
  required: ApprovalsRequired,
): PostmortemDocument {
  if (!review) return document;
  const merged = { ...document, review };
  const approvedBy = reviewerStatuses(review, contentFingerprint(merged))
    .filter((s) => s.state === 'approved')
    .map((s) => s.reviewer.displayName);
  const status = isSettled(document.header.status) ? document.header.status : openStatus(merged, required);
  return { ...merged, header: { ...document.header, status, reviewedBy: approvedBy } };
}

/** The author asks these reviewers (replacing the list); earlier decisions stay in the history. */
export function withReviewRequested(
  review: ReviewRecord | null,
  request: { reviewers: Reviewer[]; by: string; at: Date },
): ReviewRecord {
  return {
    ...(review ?? emptyReview()),
    reviewers: request.reviewers,
    requestedBy: request.by,
    requestedAt: request.at.toISOString(),
  };
}

export type DecisionRefusal = 'not-a-reviewer' | 'not-in-review';

/** A named reviewer's decision on the document as it is now, appended to the history. */
export function withDecision(
  document: PostmortemDocument,
  review: ReviewRecord | null,
  decision: { accountId: string; decision: ReviewDecisionKind; comment: string | null; at: Date },
): { ok: true; review: ReviewRecord } | { ok: false; reason: DecisionRefusal } {
  if (!review || review.requestedAt === null || isSettled(document.header.status))
    return { ok: false, reason: 'not-in-review' };
  const reviewer = review.reviewers.find((r) => r.accountId === decision.accountId);
  if (!reviewer) return { ok: false, reason: 'not-a-reviewer' };
  const recorded: ReviewDecision = {
    accountId: reviewer.accountId,
    displayName: reviewer.displayName,
    decision: decision.decision,
    comment: decision.comment,
    at: decision.at.toISOString(),
    contentFingerprint: contentFingerprint(document),
  };
  return { ok: true, review: { ...review, decisions: [...review.decisions, recorded] } };
}
