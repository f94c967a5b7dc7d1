/**
 * The issue panel's review calls (issue 15): ask named reviewers, decide, and read where the review
 * stands. The deciding account is the invocation's, never a payload field.
 */
import { z } from 'zod';
import type { ApprovalProgress, ReviewDecision, ReviewerState } from '../domain/review';
import { REVIEW_DECISIONS } from '../domain/review/review-record';
import type { PostmortemStatus } from '../domain/postmortem';
import { issueKeySchema } from './issue-key';
import { answering, type ApiOf } from './resolver-contract';

export type { ApprovalProgress, ReviewDecision, ReviewerState } from '../domain/review';

/** Enough reviewers for any real review; a mention list Jira's comment and the panel can show. */
export const MAX_REVIEWERS = 10;
export const MAX_REVIEW_COMMENT = 2_000;

export const getReviewPayloadSchema = z.object({ issueKey: issueKeySchema });

export const requestReviewPayloadSchema = z.object({
  issueKey: issueKeySchema,
  reviewers: z
    .array(z.string().trim().min(1).max(128))
    .min(1, 'Name at least one reviewer.')
    .max(MAX_REVIEWERS, `At most ${MAX_REVIEWERS} reviewers.`)
    .refine((ids) => new Set(ids).size === ids.length, 'Each reviewer once.'),
  note: z.string().trim().max(MAX_REVIEW_COMMENT).optional(),
});

export const decideReviewPayloadSchema = z.object({
  issueKey: issueKeySchema,
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().trim().max(MAX_REVIEW_COMMENT).optional(),
});

export interface ReviewerView {
  accountId: string;
  displayName: string;
  state: ReviewerState;
  /** When the latest decision was made, if any. */
  decidedAt: string | null;
}

export interface ReviewView {
  /** The lifecycle status with the review merged in (DRAFT, IN_REVIEW, APPROVED, FINALIZING, FINAL). */
  status: PostmortemStatus;
  /** False until the postmortem is saved once: there is nothing to review before. */
  saved: boolean;
  reviewers: ReviewerView[];
  requestedAt: string | null;
  /** Every decision, oldest first. */
  history: ReviewDecision[];
  progress: ApprovalProgress;
  /** The caller is a named reviewer and the review is open. */
  canDecide: boolean;
  /** The caller may edit the incident and the postmortem is not being finalized or final. */
  canRequest: boolean;
}

export const reviewContract = {
  getReview: answering<ReviewView>()(getReviewPayloadSchema, 'viewed-issue'),
  requestReview: answering<ReviewView>()(requestReviewPayloadSchema, 'edited-issue'),
  decideReview: answering<ReviewView>()(decideReviewPayloadSchema, 'viewed-issue'),
};

export type ReviewApi = ApiOf<typeof reviewContract>;
