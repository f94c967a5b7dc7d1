/**
 * The review history in the exported Markdown: its own `## Review History` section (before Other
 * notes, which take everything after their heading), one table row per decision. The importer reads it
 * back into the review's decisions, never into the document's content.
 */
import { isTableLine, isTableSeparator, markdownTableRow, splitTableRow } from '../postmortem/markdown-table';
import { REVIEW_DECISIONS, type ReviewDecision, type ReviewDecisionKind } from './review-record';

export const REVIEW_HISTORY_HEADING = 'Review History';

const COLUMNS = ['Time', 'Reviewer', 'Account', 'Decision', 'Comment', 'Content fingerprint'];
const SEPARATOR = '|------|----------|---------|----------|---------|---------------------|';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DECISION_LABELS: Record<ReviewDecisionKind, string> = {
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

/**
 * The section's lines, or none when nobody has decided yet. The account is written as plain text:
 * as an `accountid:` link it would become an ADF mention, notifying the reviewer on every export.
 */
export function renderReviewHistory(decisions: readonly ReviewDecision[]): string[] {
  if (decisions.length === 0) return [];
  const rows = decisions.map((d) =>
    markdownTableRow([
      d.at,
      d.displayName,
      d.accountId,
      DECISION_LABELS[d.decision],
      d.comment ?? '',
      d.contentFingerprint,
    ]),
  );
  return [`## ${REVIEW_HISTORY_HEADING}`, [markdownTableRow(COLUMNS), SEPARATOR, ...rows].join('\n')];
}

function decisionOf(label: string): ReviewDecisionKind | undefined {
  return REVIEW_DECISIONS.find((kind) => DECISION_LABELS[kind].toLowerCase() === label.trim().toLowerCase());
}

/** The decisions in a Review History section's lines; lines that are not a decision row are left over. */
export function readReviewHistory(lines: readonly string[]): {
  decisions: ReviewDecision[];
  leftover: string[];
} {
  const decisions: ReviewDecision[] = [];
  const leftover: string[] = [];
  for (const line of lines) {
    if (!isTableLine(line) || isTableSeparator(line)) {
      if (!isTableLine(line) && line.trim() !== '') leftover.push(line);
      continue;
    }
    const [at = '', displayName = '', accountId = '', label = '', comment = '', contentFingerprint = ''] =
      splitTableRow(line);
    const decision = decisionOf(label);
    if (
      decision === undefined ||
      !ISO_TIME.test(at) ||
      displayName === '' ||
      accountId === '' ||
      contentFingerprint === ''
    ) {
      // The column header row, or a row that is not a decision.
      if (line.trim() !== markdownTableRow(COLUMNS)) leftover.push(line);
      continue;
    }
    decisions.push({
      accountId,
      displayName,
      decision,
      comment: comment === '' ? null : comment,
      at,
      contentFingerprint,
    });
  }
  return { decisions, leftover };
}
