import { AppError } from '../contract/errors';
import { reviewRecordSchema, type ReviewRecord } from '../domain/review';
import type { KvPort } from '../ports';

/**
 * The custom entity declared in manifest.yml (`app.storage.entities`): one review per incident, beside
 * the postmortem entity rather than inside it, so a reviewer's decision never moves the revision an
 * author's open editor saves against. Writes are KVS transactions conditioned on `revision`.
 */
export const REVIEW_ENTITY = 'postmortem-review';

interface ReviewEntity {
  revision: number;
  review: unknown;
}

async function read(
  kv: KvPort,
  issueKey: string,
): Promise<{ revision: number; review: ReviewRecord } | null> {
  const stored = await kv.getEntity<ReviewEntity>(REVIEW_ENTITY, issueKey);
  if (!stored) return null;
  const parsed = reviewRecordSchema.safeParse(stored.review);
  if (!parsed.success) {
    // A misread review could count approvals nobody gave: refuse rather than guess.
    throw new AppError('Internal', `The stored review of ${issueKey} is unreadable.`);
  }
  return { revision: stored.revision, review: parsed.data };
}

export async function loadReview(kv: KvPort, issueKey: string): Promise<ReviewRecord | null> {
  return (await read(kv, issueKey))?.review ?? null;
}

const ATTEMPTS = 3;

/**
 * Applies `change` to the stored review and writes it only if nobody wrote in between; on a race the
 * change is applied again to the newer review (two reviewers deciding at once both land).
 */
export async function updateReview(
  kv: KvPort,
  issueKey: string,
  change: (current: ReviewRecord | null) => ReviewRecord,
): Promise<ReviewRecord> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await read(kv, issueKey);
    const next = change(current?.review ?? null);
    const written = await kv.setEntityIf<ReviewEntity>(
      REVIEW_ENTITY,
      issueKey,
      { revision: (current?.revision ?? 0) + 1, review: next },
      current ? { field: 'revision', equals: current.revision } : { absent: true },
    );
    if (written) return next;
  }
  throw new AppError('Conflict', `The review of ${issueKey} changed several times at once; try again.`);
}
