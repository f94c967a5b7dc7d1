import { z } from 'zod';

/**
 * The review of a postmortem (issue 15): who was asked, and every decision in order. Stored in its own
 * record beside the document (`src/storage/review-store.ts`), so a decision never moves the document's
 * revision under an author who is editing; the panel and exports read it merged into the document.
 */
export const REVIEW_DECISIONS = ['approved', 'changes-requested'] as const;
export type ReviewDecisionKind = (typeof REVIEW_DECISIONS)[number];

/** How many current approvals Finalize needs (admin setting). */
export const APPROVALS_REQUIRED = ['none', 'one', 'all'] as const;
export type ApprovalsRequired = (typeof APPROVALS_REQUIRED)[number];

const isoTime = z.iso.datetime({ offset: true });

export const reviewerSchema = z
  .object({ accountId: z.string().min(1), displayName: z.string().min(1) })
  .strict();
export type Reviewer = z.infer<typeof reviewerSchema>;

export const reviewDecisionSchema = z
  .object({
    accountId: z.string().min(1),
    displayName: z.string().min(1),
    decision: z.enum(REVIEW_DECISIONS),
    comment: z.string().min(1).nullable(),
    at: isoTime,
    /** `contentFingerprint` of the document the reviewer decided on: an approval of other content is stale. */
    contentFingerprint: z.string().min(1),
  })
  .strict();
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewRecordSchema = z
  .object({
    reviewers: z.array(reviewerSchema),
    requestedBy: z.string().min(1).nullable(),
    requestedAt: isoTime.nullable(),
    decisions: z.array(reviewDecisionSchema),
  })
  .strict();
export type ReviewRecord = z.infer<typeof reviewRecordSchema>;

export function emptyReview(): ReviewRecord {
  return { reviewers: [], requestedBy: null, requestedAt: null, decisions: [] };
}
