import { z } from 'zod';
import { reviewRecordSchema } from '../review/review-record';

/** Bumped whenever the stored shape changes; `migratePostmortem` lifts every older version to this one. */
export const CURRENT_POSTMORTEM_VERSION = 3;

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
/**
 * DRAFT → IN_REVIEW → APPROVED follow the review (editable throughout; `withReviewHeader`).
 * FINALIZING holds the document read-only while the automation creates the action items' children;
 * FINAL is read-only until reopened. Version 2 used IN_REVIEW for that hold (see `migratePostmortem`).
 */
export const POSTMORTEM_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'FINALIZING', 'FINAL'] as const;

export type Severity = (typeof SEVERITIES)[number];
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, checked for real (2025-02-30 is rejected, not rolled over). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

const isoDaySchema = z.string().refine(isIsoDay, { message: 'expected a real calendar day YYYY-MM-DD' });

export const ownerSchema = z.union([
  z.object({ accountId: z.string().min(1), displayName: z.string().min(1).optional() }).strict(),
  z.object({ text: z.string().min(1) }).strict(),
]);
export type ActionItemOwner = z.infer<typeof ownerSchema>;

export const timelineRowSchema = z
  .object({ id: z.string().min(1), time: z.string(), event: z.string() })
  .strict();
export type TimelineRow = z.infer<typeof timelineRowSchema>;

export const actionItemSchema = z
  .object({
    id: z.string().min(1),
    action: z.string(),
    owner: ownerSchema.nullable(),
    dueDate: isoDaySchema.nullable(),
    externalRef: z.string().min(1).nullable(),
    createdIssueKey: z.string().min(1).nullable(),
  })
  .strict();
export type ActionItem = z.infer<typeof actionItemSchema>;

export const postmortemHeaderSchema = z
  .object({
    incidentId: z.string(),
    title: z.string(),
    date: isoDaySchema.nullable(),
    severity: z.enum(SEVERITIES).nullable(),
    // Start/end as written (`14:23`, `2025-03-15 14:23`); the reference gives wall-clock times plus a zone label.
    startTime: z.string().min(1).nullable(),
    endTime: z.string().min(1).nullable(),
    timeZone: z.string().min(1).nullable(),
    durationMinutes: z.number().int().nonnegative().nullable(),
    writtenBy: z.string().min(1).nullable(),
    reviewedBy: z.array(z.string().min(1)),
    status: z.enum(POSTMORTEM_STATUSES),
    category: z.string().min(1).nullable(),
    finalizedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .strict();
export type PostmortemHeader = z.infer<typeof postmortemHeaderSchema>;

export const impactSchema = z
  .object({
    usersAffected: z.string().min(1).nullable(),
    failedTransactions: z.string().min(1).nullable(),
    revenueImpact: z.string().min(1).nullable(),
    sloImpact: z.string().min(1).nullable(),
    text: z.string(),
  })
  .strict();
export type Impact = z.infer<typeof impactSchema>;

export const postmortemDocumentSchema = z
  .object({
    version: z.literal(CURRENT_POSTMORTEM_VERSION),
    // Incremented by the storage layer on every save (optimistic concurrency); the domain never reads it.
    revision: z.number().int().nonnegative(),
    header: postmortemHeaderSchema,
    // Sections the reference template lacks but imported postmortems have (Google SRE, PagerDuty, Atlassian):
    // absent until a document has them, so stored documents of version 2 stay valid as they are.
    summary: z.string().optional(),
    impact: impactSchema,
    detection: z.string().optional(),
    resolution: z.string().optional(),
    timeline: z.array(timelineRowSchema),
    rootCause: z.object({ text: z.string(), summary: z.string().min(1).nullable() }).strict(),
    contributingFactors: z.array(z.string()),
    whatWorkedWell: z.array(z.string()),
    lessonsLearned: z.array(z.string()),
    actionItems: z.array(actionItemSchema),
    blamelessNotes: z.string(),
    otherNotes: z.string(),
    // Absent until someone asks for a review (issue 15).
    review: reviewRecordSchema.optional(),
  })
  .strict();
export type PostmortemDocument = z.infer<typeof postmortemDocumentSchema>;

export interface EmptyPostmortemSeed {
  incidentId: string;
  title?: string;
  date?: string;
  severity?: string;
  writtenBy?: string;
  category?: string;
}

/** Accepts `SEV-1`, `sev1`, `Sev 1`, `P1`; anything else is not a severity. */
export function normalizeSeverity(value: string | null | undefined): Severity | null {
  const match = /^\s*(?:sev|p)[\s_-]*([1-4])\s*$/i.exec(value ?? '');
  return match ? (`SEV-${match[1]}` as Severity) : null;
}

/** A blank postmortem for an incident: every template section present and empty. */
export function emptyPostmortem(seed: EmptyPostmortemSeed): PostmortemDocument {
  return {
    version: CURRENT_POSTMORTEM_VERSION,
    revision: 0,
    header: {
      incidentId: seed.incidentId,
      title: seed.title ?? '',
      date: seed.date !== undefined && isIsoDay(seed.date) ? seed.date : null,
      severity: normalizeSeverity(seed.severity),
      startTime: null,
      endTime: null,
      timeZone: null,
      durationMinutes: null,
      writtenBy: seed.writtenBy?.trim() ? seed.writtenBy.trim() : null,
      reviewedBy: [],
      status: 'DRAFT',
      category: seed.category?.trim() ? seed.category.trim() : null,
      finalizedAt: null,
    },
    impact: { usersAffected: null, failedTransactions: null, revenueImpact: null, sloImpact: null, text: '' },
    timeline: [],
    rootCause: { text: '', summary: null },
    contributingFactors: [],
    whatWorkedWell: [],
    lessonsLearned: [],
    actionItems: [],
    blamelessNotes: '',
    otherNotes: '',
  };
}

/** Action item ids are `ai-<n>` and never reused, so a child issue created for a row stays tied to it. */
export function nextActionItemId(items: readonly ActionItem[]): string {
  const max = items.reduce((acc, item) => {
    const match = /^ai-(\d+)$/.exec(item.id);
    return match ? Math.max(acc, Number(match[1])) : acc;
  }, 0);
  return `ai-${max + 1}`;
}
