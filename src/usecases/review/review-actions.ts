/**
 * The review workflow's use cases (issue 15): read the postmortem and its review record, decide with
 * `src/domain/review`, write the review record (never the document: a decision must not move the
 * revision an author's open editor saves against).
 */
import { AppError } from '../../contract/errors';
import type { ReviewView } from '../../contract/review-api';
import type { PostmortemDocument } from '../../domain/postmortem';
import {
  approvalProgress,
  isSettled,
  reviewRequestComment,
  reviewerStatuses,
  contentFingerprint,
  withDecision,
  withReview,
  withReviewRequested,
  type ReviewDecisionKind,
  type Reviewer,
} from '../../domain/review';
import { addComment } from '../../jira/comments';
import { getMyPermissions } from '../../jira/permissions';
import { getUser } from '../../jira/users';
import type { Services } from '../../services';
import { loadPostmortem } from '../../storage/postmortem-store';
import { loadReview, updateReview } from '../../storage/review-store';
import { loadSettings } from '../../storage/settings-store';

async function savedDocument(services: Services, issueKey: string): Promise<PostmortemDocument | null> {
  return (await loadPostmortem(services.kv, issueKey))?.document ?? null;
}

function reviewView(
  document: PostmortemDocument | null,
  required: Parameters<typeof withReview>[2],
  caller: { accountId: string | null; mayEdit: boolean },
): ReviewView {
  const merged = document ? withReview(document, document.review ?? null, required) : null;
  const review = merged?.review;
  const statuses = merged ? reviewerStatuses(review, contentFingerprint(merged)) : [];
  const status = merged?.header.status ?? 'DRAFT';
  const open = !isSettled(status);
  return {
    status,
    saved: document !== null,
    reviewers: statuses.map((s) => ({
      accountId: s.reviewer.accountId,
      displayName: s.reviewer.displayName,
      state: s.state,
      decidedAt: s.decision?.at ?? null,
    })),
    requestedAt: review?.requestedAt ?? null,
    history: review?.decisions ?? [],
    progress: merged
      ? approvalProgress(merged, required)
      : { required, current: 0, needed: required === 'none' ? 0 : 1, met: required === 'none' },
    canDecide:
      open && review?.requestedAt != null && statuses.some((s) => s.reviewer.accountId === caller.accountId),
    canRequest: open && caller.mayEdit && document !== null,
  };
}

/** Where the review stands; the resolver lets only those Jira lets see the incident ask. */
export async function loadReviewView(services: Services, issueKey: string): Promise<ReviewView> {
  const [permissions, settings, document, review] = await Promise.all([
    getMyPermissions(services.jiraAsUser, { permissions: ['EDIT_ISSUES'], issueKey }),
    loadSettings(services.kv, services.logger),
    savedDocument(services, issueKey),
    loadReview(services.kv, issueKey),
  ]);
  return reviewView(
    document ? { ...document, ...(review ? { review } : {}) } : null,
    settings.approvalsRequired,
    { accountId: services.accountId, mayEdit: permissions.EDIT_ISSUES },
  );
}

/** Each account as Jira names it now; an unknown or deactivated account cannot review. */
async function resolveReviewers(services: Services, accountIds: readonly string[]): Promise<Reviewer[]> {
  return Promise.all(
    accountIds.map(async (accountId) => {
      const user = await getUser(services.jiraAsUser, accountId).catch((error: unknown) => {
        if (error instanceof AppError && error.kind === 'NotFound')
          throw new AppError('InvalidInput', `No Jira user ${accountId} to ask for a review.`);
        throw error;
      });
      if (!user.active)
        throw new AppError('InvalidInput', `${user.displayName || accountId} is deactivated in Jira.`);
      return { accountId: user.accountId, displayName: user.displayName || user.accountId };
    }),
  );
}

/**
 * The author asks named reviewers: a Jira comment, as the author, mentions each of them (so Jira
 * notifies them), then the review record names them. The comment goes first: if Jira refuses it,
 * nobody was asked and nothing is recorded.
 */
export async function requestReview(
  services: Services,
  issueKey: string,
  request: { reviewers: string[]; note?: string | undefined },
): Promise<ReviewView> {
  const document = await savedDocument(services, issueKey);
  if (!document) throw new AppError('Conflict', 'Save the postmortem before asking for a review.');
  if (isSettled(document.header.status))
    throw new AppError(
      'Conflict',
      'This postmortem is being finalized or is final: reopen it to review it again.',
    );
  const by = services.accountId;
  if (by === null) throw new AppError('Forbidden', 'Asking for a review needs a signed-in user.');
  const reviewers = await resolveReviewers(services, request.reviewers);
  await addComment(services.jiraAsUser, {
    issueIdOrKey: issueKey,
    body: reviewRequestComment({ reviewers, issueKey, note: request.note ?? null }),
  });
  const at = services.clock.now();
  await updateReview(services.kv, issueKey, (current) => withReviewRequested(current, { reviewers, by, at }));
  return loadReviewView(services, issueKey);
}

/**
 * A named reviewer approves or requests changes, on the postmortem as it is stored now. The account is
 * the invocation's: nobody can decide for someone else.
 */
export async function decideReview(
  services: Services,
  issueKey: string,
  decision: { decision: ReviewDecisionKind; comment?: string | undefined },
): Promise<ReviewView> {
  const accountId = services.accountId;
  if (accountId === null) throw new AppError('Forbidden', 'Deciding on a review needs a signed-in user.');
  const document = await savedDocument(services, issueKey);
  if (!document) throw new AppError('Conflict', `${issueKey} has no saved postmortem to review.`);
  const at = services.clock.now();
  const comment = decision.comment?.trim() ? decision.comment.trim() : null;
  await updateReview(services.kv, issueKey, (current) => {
    const decided = withDecision(document, current, { accountId, decision: decision.decision, comment, at });
    if (decided.ok) return decided.review;
    throw decided.reason === 'not-a-reviewer'
      ? new AppError(
          'Forbidden',
          'Only the reviewers named for this postmortem can approve it or request changes.',
        )
      : new AppError('Conflict', 'This postmortem is not in review: there is nothing to decide.');
  });
  return loadReviewView(services, issueKey);
}

/**
 * The document as exported and checked: the stored review merged in (history, "Reviewed by", status)
 * whatever review the client's copy holds. The resolver has checked the caller may see the incident.
 */
export async function withStoredReview(
  services: Services,
  issueKey: string,
  document: PostmortemDocument,
): Promise<PostmortemDocument> {
  const [settings, review] = await Promise.all([
    loadSettings(services.kv, services.logger),
    loadReview(services.kv, issueKey),
  ]);
  const { review: _fromClient, ...content } = document;
  return withReview(content, review, settings.approvalsRequired);
}
