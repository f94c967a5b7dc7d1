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

/**
 * What one field of a saved postmortem may hold (issue 12): sized to what the template asks for in it, well
 * above the reference and every document of the import corpus, and together still bounded by the 230 KiB a
 * stored postmortem may take. A save over any of them is refused field by field; an import that exceeds
 * them says so in its report, and nothing is cut.
 */
export const FIELD_LIMITS = {
  /** Names and one-word facts: title (Jira's summary holds 255), incident id, author, reviewer, category, keys. */
  name: 255,
  /** Start and end as written (`2025-03-15 14:23`), a zone (`UTC+05:30`), a timeline row's time. */
  time: 100,
  /** One-line facts: the impact figures, the root cause summary, an action. */
  line: 2_000,
  /**
   * One entry of contributing factors, what worked well, lessons learned, and a timeline event (one heading
   * per timestamp carries paragraphs: 2,480 characters in the import corpus).
   */
  entry: 5_000,
  /** Prose sections: summary, impact, detection, resolution, root cause, blameless notes. */
  prose: 50_000,
  /** Other notes, where an import keeps what it could not map. */
  otherNotes: 150_000,
  timelineRows: 1_000,
  actionItems: 500,
  listEntries: 200,
  reviewers: 50,
} as const;

const count = (n: number) => n.toLocaleString('en-US');

/** The stored shape (`capped` false: what storage and migration read) or what a user may save (true). */
function documentSchemas(capped: boolean) {
  const text = (max: number) =>
    capped ? z.string().max(max, `at most ${count(max)} characters`) : z.string();
  const list = <Item extends z.ZodType>(item: Item, max: number, noun: string) =>
    capped ? z.array(item).max(max, `at most ${count(max)} ${noun}`) : z.array(item);

  const owner = z.union([
    z
      .object({
        accountId: text(FIELD_LIMITS.name).min(1),
        displayName: text(FIELD_LIMITS.name).min(1).optional(),
      })
      .strict(),
    z.object({ text: text(FIELD_LIMITS.name).min(1) }).strict(),
  ]);
  const timelineRow = z
    .object({
      id: text(FIELD_LIMITS.name).min(1),
      time: text(FIELD_LIMITS.time),
      event: text(FIELD_LIMITS.entry),
    })
    .strict();
  const actionItem = z
    .object({
      id: text(FIELD_LIMITS.name).min(1),
      action: text(FIELD_LIMITS.line),
      owner: owner.nullable(),
      dueDate: isoDaySchema.nullable(),
      externalRef: text(FIELD_LIMITS.name).min(1).nullable(),
      createdIssueKey: text(FIELD_LIMITS.name).min(1).nullable(),
    })
    .strict();
  const header = z
    .object({
      incidentId: text(FIELD_LIMITS.name),
      title: text(FIELD_LIMITS.name),
      date: isoDaySchema.nullable(),
      severity: z.enum(SEVERITIES).nullable(),
      // Start/end as written (`14:23`, `2025-03-15 14:23`); the reference gives wall-clock times plus a zone label.
      startTime: text(FIELD_LIMITS.time).min(1).nullable(),
      endTime: text(FIELD_LIMITS.time).min(1).nullable(),
      timeZone: text(FIELD_LIMITS.time).min(1).nullable(),
      durationMinutes: z.number().int().nonnegative().nullable(),
      writtenBy: text(FIELD_LIMITS.name).min(1).nullable(),
      reviewedBy: list(text(FIELD_LIMITS.name).min(1), FIELD_LIMITS.reviewers, 'reviewers'),
      status: z.enum(POSTMORTEM_STATUSES),
      category: text(FIELD_LIMITS.name).min(1).nullable(),
      finalizedAt: z.iso.datetime({ offset: true }).nullable(),
    })
    .strict();
  const impact = z
    .object({
      usersAffected: text(FIELD_LIMITS.line).min(1).nullable(),
      failedTransactions: text(FIELD_LIMITS.line).min(1).nullable(),
      revenueImpact: text(FIELD_LIMITS.line).min(1).nullable(),
      sloImpact: text(FIELD_LIMITS.line).min(1).nullable(),
      text: text(FIELD_LIMITS.prose),
    })
    .strict();
  const entries = () => list(text(FIELD_LIMITS.entry), FIELD_LIMITS.listEntries, 'entries');
  const document = z
    .object({
      version: z.literal(CURRENT_POSTMORTEM_VERSION),
      // Incremented by the storage layer on every save (optimistic concurrency); the domain never reads it.
      revision: z.number().int().nonnegative(),
      header,
      // Sections the reference template lacks but imported postmortems have (Google SRE, PagerDuty, Atlassian):
      // absent until a document has them, so stored documents of version 2 stay valid as they are.
      summary: text(FIELD_LIMITS.prose).optional(),
      impact,
      detection: text(FIELD_LIMITS.prose).optional(),
      resolution: text(FIELD_LIMITS.prose).optional(),
      timeline: list(timelineRow, FIELD_LIMITS.timelineRows, 'timeline rows'),
      rootCause: z
        .object({ text: text(FIELD_LIMITS.prose), summary: text(FIELD_LIMITS.line).min(1).nullable() })
        .strict(),
      contributingFactors: entries(),
      whatWorkedWell: entries(),
      lessonsLearned: entries(),
      actionItems: list(actionItem, FIELD_LIMITS.actionItems, 'action items'),
      blamelessNotes: text(FIELD_LIMITS.prose),
      otherNotes: text(FIELD_LIMITS.otherNotes),
      // Absent until someone asks for a review (issue 15).
      review: reviewRecordSchema.optional(),
    })
    .strict();
  return { owner, timelineRow, actionItem, header, impact, document };
}

const stored = documentSchemas(false);

export const ownerSchema = stored.owner;
export type ActionItemOwner = z.infer<typeof ownerSchema>;

export const timelineRowSchema = stored.timelineRow;
export type TimelineRow = z.infer<typeof timelineRowSchema>;

export const actionItemSchema = stored.actionItem;
export type ActionItem = z.infer<typeof actionItemSchema>;

export const postmortemHeaderSchema = stored.header;
export type PostmortemHeader = z.infer<typeof postmortemHeaderSchema>;

export const impactSchema = stored.impact;
export type Impact = z.infer<typeof impactSchema>;

/** A postmortem as stored: what storage, migration and the server's own writes read and write. */
export const postmortemDocumentSchema = stored.document;
export type PostmortemDocument = z.infer<typeof postmortemDocumentSchema>;

/**
 * A postmortem as a user may save, check or finalize it: the stored shape with every field within
 * FIELD_LIMITS. Kept apart from the stored shape so a document stored before the limits still opens.
 */
export const editablePostmortemSchema = documentSchemas(true).document;

/** The fields of `doc` over FIELD_LIMITS, as `timeline: at most 1,000 timeline rows`; empty when it may be saved. */
export function overLimitFields(doc: PostmortemDocument): string[] {
  const checked = editablePostmortemSchema.safeParse(doc);
  return checked.success
    ? []
    : checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

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
