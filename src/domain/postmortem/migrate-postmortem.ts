import { z } from 'zod';
import {
  CURRENT_POSTMORTEM_VERSION,
  isIsoDay,
  normalizeSeverity,
  postmortemDocumentSchema,
  type PostmortemDocument,
} from './postmortem-document';

/** Thrown when stored or submitted data is not a postmortem of any known version. */
export class InvalidPostmortemError extends Error {
  constructor(
    message: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'InvalidPostmortemError';
  }
}

// Version 1 (the first stored shape): free-text owners, no row ids, root cause as one string, `notes`.
const v1Schema = z.object({
  version: z.literal(1).optional(),
  header: z.object({
    incidentId: z.string(),
    title: z.string().default(''),
    date: z.string().nullable().default(null),
    severity: z.string().nullable().default(null),
    duration: z.string().nullable().default(null),
    writtenBy: z.string().nullable().default(null),
    reviewedBy: z.array(z.string()).default([]),
    status: z.enum(['DRAFT', 'IN REVIEW', 'FINAL']).default('DRAFT'),
    category: z.string().nullable().default(null),
  }),
  impact: z
    .object({
      usersAffected: z.string().nullable().default(null),
      failedTransactions: z.string().nullable().default(null),
      revenueImpact: z.string().nullable().default(null),
      sloImpact: z.string().nullable().default(null),
      text: z.string().default(''),
    })
    .default({
      usersAffected: null,
      failedTransactions: null,
      revenueImpact: null,
      sloImpact: null,
      text: '',
    }),
  timeline: z.array(z.object({ time: z.string(), event: z.string() })).default([]),
  rootCause: z.string().default(''),
  contributingFactors: z.array(z.string()).default([]),
  whatWorkedWell: z.array(z.string()).default([]),
  actionItems: z
    .array(
      z.object({
        action: z.string(),
        owner: z.string().nullable().default(null),
        dueDate: z.string().nullable().default(null),
        jira: z.string().nullable().default(null),
      }),
    )
    .default([]),
  notes: z.string().default(''),
  otherNotes: z.string().default(''),
});
type PostmortemV1 = z.infer<typeof v1Schema>;

const blankToNull = (value: string | null): string | null => (value && value.trim() ? value.trim() : null);

function migrateV1ToV2(v1: PostmortemV1): unknown {
  const kept: string[] = [];
  // v1 stored duration as free text; keep it readable rather than guess minutes from it.
  if (v1.header.duration?.trim()) kept.push(`Duration: ${v1.header.duration.trim()}`);
  if (v1.header.date && !isIsoDay(v1.header.date)) kept.push(`Date: ${v1.header.date}`);
  const items = v1.actionItems.map((item, index) => {
    const validDue = item.dueDate !== null && isIsoDay(item.dueDate);
    return {
      id: `ai-${index + 1}`,
      action:
        !validDue && item.dueDate?.trim() ? `${item.action} [Due: ${item.dueDate.trim()}]` : item.action,
      owner: blankToNull(item.owner) ? { text: (item.owner ?? '').trim() } : null,
      dueDate: validDue ? item.dueDate : null,
      externalRef: blankToNull(item.jira),
      createdIssueKey: null,
    };
  });
  return {
    version: 2,
    revision: 0,
    header: {
      incidentId: v1.header.incidentId,
      title: v1.header.title,
      date: v1.header.date && isIsoDay(v1.header.date) ? v1.header.date : null,
      severity: normalizeSeverity(v1.header.severity),
      startTime: null,
      endTime: null,
      timeZone: null,
      durationMinutes: null,
      writtenBy: blankToNull(v1.header.writtenBy),
      reviewedBy: v1.header.reviewedBy.map((name) => name.trim()).filter(Boolean),
      // A v1 "IN REVIEW" was typed in: no reviewer was ever asked, so there is no review to be in.
      status: v1.header.status === 'IN REVIEW' ? 'DRAFT' : v1.header.status,
      category: blankToNull(v1.header.category),
      finalizedAt: null,
    },
    impact: {
      usersAffected: blankToNull(v1.impact.usersAffected),
      failedTransactions: blankToNull(v1.impact.failedTransactions),
      revenueImpact: blankToNull(v1.impact.revenueImpact),
      sloImpact: blankToNull(v1.impact.sloImpact),
      text: v1.impact.text,
    },
    timeline: v1.timeline.map((row, index) => ({ id: `tl-${index + 1}`, time: row.time, event: row.event })),
    rootCause: { text: v1.rootCause, summary: null },
    contributingFactors: v1.contributingFactors,
    whatWorkedWell: v1.whatWorkedWell,
    lessonsLearned: [],
    actionItems: items,
    blamelessNotes: v1.notes,
    otherNotes: [v1.otherNotes, ...kept].filter((part) => part.trim()).join('\n\n'),
  };
}

/**
 * Version 3 adds the review (issue 15). In version 2, IN_REVIEW was only the automation's hold while
 * it created the children (read-only): it is FINALIZING now, and IN_REVIEW means a review in progress.
 */
function migrateV2ToV3(v2: Record<string, unknown>): unknown {
  const header = v2.header as { status?: unknown } | undefined;
  if (header?.status !== 'IN_REVIEW') return { ...v2, version: 3 };
  return { ...v2, version: 3, header: { ...header, status: 'FINALIZING' } };
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/** Lifts any stored version to the current one and validates it; throws InvalidPostmortemError otherwise. */
export function migratePostmortem(raw: unknown): PostmortemDocument {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidPostmortemError('Not a postmortem: expected a JSON object.', [
      '(root): expected object',
    ]);
  }
  const version = (raw as { version?: unknown }).version;
  let candidate: unknown = raw;
  if (version === undefined || version === 1) {
    const v1 = v1Schema.safeParse(raw);
    if (!v1.success) {
      const issues = issuesOf(v1.error);
      throw new InvalidPostmortemError(`Not a valid version-1 postmortem: ${issues.join('; ')}`, issues);
    }
    candidate = migrateV2ToV3(migrateV1ToV2(v1.data) as Record<string, unknown>);
  } else if (version === 2) {
    candidate = migrateV2ToV3(raw as Record<string, unknown>);
  } else if (version !== CURRENT_POSTMORTEM_VERSION) {
    const issues = [`version: unknown version ${JSON.stringify(version)}`];
    throw new InvalidPostmortemError(
      `Unknown postmortem version ${JSON.stringify(version)}; this app understands 1 to ${CURRENT_POSTMORTEM_VERSION}.`,
      issues,
    );
  }
  const current = postmortemDocumentSchema.safeParse(candidate);
  if (!current.success) {
    const issues = issuesOf(current.error);
    throw new InvalidPostmortemError(`Invalid postmortem: ${issues.join('; ')}`, issues);
  }
  return current.data;
}
