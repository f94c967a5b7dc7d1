import type { PostmortemDocument, PostmortemStatus, Severity } from './postmortem-document';

/** Stored as the `postmortem-summary` issue entity property so postmortems are searchable with JQL. */
export interface PostmortemIndexSummary {
  status: PostmortemStatus;
  severity: Severity | null;
  category: string | null;
  /** The impact section's SLO line, which "requires a postmortem" reads (absent in older summaries). */
  sloImpact?: string | null;
  incidentId: string;
  finalizedAt: string | null;
  rootCause: string;
  actionItemCount: number;
  /** Rows that have no child issue yet (automation creates one per row at finalization). */
  actionItemsWithoutIssueCount: number;
}

export const ROOT_CAUSE_SUMMARY_LIMIT = 2000;
// An issue entity property holds at most 32,768 characters; these caps keep the JSON far below it.
const SHORT_FIELD_LIMIT = 255;

function plainText(markdown: string): string {
  return (
    markdown
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // Emphasis and code markers only: snake_case identifiers in a root cause must survive.
      .replace(/\*\*|__|`/g, '')
      .replace(/^\s*(?:#{1,6}|>|[-*+])\s+/gm, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

function clip(value: string, limit: number): string {
  // Cut on code points so a surrogate pair is never split into invalid JSON text.
  const points = Array.from(value);
  return points.length <= limit ? value : `${points.slice(0, limit - 1).join('')}…`;
}

/** The small, indexed part of a postmortem; always serialises well under Jira's 32,768-character limit. */
export function indexedSummary(doc: PostmortemDocument): PostmortemIndexSummary {
  const rootCause = plainText(doc.rootCause.summary ?? doc.rootCause.text);
  return {
    status: doc.header.status,
    severity: doc.header.severity,
    category: doc.header.category === null ? null : clip(doc.header.category, SHORT_FIELD_LIMIT),
    sloImpact: doc.impact.sloImpact === null ? null : clip(doc.impact.sloImpact, ROOT_CAUSE_SUMMARY_LIMIT),
    incidentId: clip(doc.header.incidentId, SHORT_FIELD_LIMIT),
    finalizedAt: doc.header.finalizedAt,
    rootCause: clip(rootCause, ROOT_CAUSE_SUMMARY_LIMIT),
    actionItemCount: doc.actionItems.length,
    actionItemsWithoutIssueCount: doc.actionItems.filter((item) => item.createdIssueKey === null).length,
  };
}
