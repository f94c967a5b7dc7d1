import { renderReviewHistory } from '../review/review-history-markdown';
import { markdownTableRow } from './markdown-table';
import type {
  ActionItem,
  ActionItemOwner,
  PostmortemDocument,
  PostmortemHeader,
} from './postmortem-document';

// The exact layout of the reference template ("Step 2: Use the Postmortem Template", INC-2025-034):
// header lines, then sections separated by `---`, no blank lines, pipe tables with these separators.
const TIMELINE_SEPARATOR = '|-----------|---------|';
const ACTION_ITEMS_SEPARATOR = '|---|--------|-------|----------|------|';
const SECTION_BREAK = '---';

export const STATUS_LABELS = {
  DRAFT: 'DRAFT',
  IN_REVIEW: 'IN REVIEW',
  APPROVED: 'APPROVED',
  FINALIZING: 'FINALIZING',
  FINAL: 'FINAL',
} as const;

function label(name: string, value: string | null): string {
  return value ? `**${name}:** ${value}` : `**${name}:**`;
}

/** `47 minutes (14:23 – 15:10 UTC)` as in the reference; parts that are unknown are left out. */
export function durationLine(
  header: Pick<PostmortemHeader, 'durationMinutes' | 'startTime' | 'endTime' | 'timeZone'>,
): string | null {
  const parts: string[] = [];
  if (header.durationMinutes !== null) parts.push(`${header.durationMinutes} minutes`);
  if (header.startTime !== null || header.endTime !== null) {
    const zone = header.timeZone ? ` ${header.timeZone}` : '';
    parts.push(`(${header.startTime ?? '?'} – ${header.endTime ?? '?'}${zone})`);
  } else if (header.timeZone) {
    parts.push(`(${header.timeZone})`);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/** Owners resolved to a Jira account are written as a link the parser (and the ADF mention) can read back. */
export function formatOwner(owner: ActionItemOwner | null): string {
  if (owner === null) return '';
  if ('text' in owner) return owner.text;
  return `[${owner.displayName ?? ''}](accountid:${owner.accountId})`;
}

function actionItemNumber(item: ActionItem): string {
  const match = /^ai-(\d+)$/.exec(item.id);
  return match ? String(Number(match[1])) : item.id;
}

function headerBlock(doc: PostmortemDocument): string[] {
  const h = doc.header;
  const lines = [
    `# Postmortem: ${h.title}`.trimEnd(),
    label('Incident ID', h.incidentId),
    label('Date', h.date),
    label('Severity', h.severity),
    label('Duration', durationLine(h)),
    label('Written by', h.writtenBy),
    label('Reviewed by', h.reviewedBy.join(', ')),
    label('Status', STATUS_LABELS[h.status]),
  ];
  if (h.category !== null) lines.push(label('Category', h.category));
  if (h.finalizedAt !== null) lines.push(label('Finalized at', h.finalizedAt));
  return lines;
}

function impactBlock(doc: PostmortemDocument): string[] {
  const i = doc.impact;
  const fields: Array<[string, string | null]> = [
    ['Users affected', i.usersAffected],
    ['Transactions failed', i.failedTransactions],
    ['Revenue impact', i.revenueImpact],
    ['SLO impact', i.sloImpact],
  ];
  const bullets = fields
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `- **${name}:** ${value ?? ''}`);
  return ['## Impact', bullets.join('\n'), i.text];
}

function timelineBlock(doc: PostmortemDocument): string[] {
  const rows = [
    // The zone only when the document states one: an unknown zone is not UTC (issue 18).
    markdownTableRow([doc.header.timeZone ? `Time (${doc.header.timeZone})` : 'Time', 'Event']),
    TIMELINE_SEPARATOR,
    ...doc.timeline.map((row) => markdownTableRow([row.time, row.event])),
  ];
  return ['## Timeline', rows.join('\n')];
}

function rootCauseBlock(doc: PostmortemDocument): string[] {
  const summary = doc.rootCause.summary === null ? '' : `**Root Cause:** ${doc.rootCause.summary}`;
  return ['## Root Cause', doc.rootCause.text, summary];
}

function listBlock(heading: string, items: readonly string[], ordered: boolean): string[] {
  return [
    `## ${heading}`,
    items.map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${item}`).join('\n'),
  ];
}

function actionItemsBlock(doc: PostmortemDocument): string[] {
  // The reference has no column for the created child issue; it appears only once automation has run.
  const withCreated = doc.actionItems.some((item) => item.createdIssueKey !== null);
  const header = ['#', 'Action', 'Owner', 'Due Date', 'Jira', ...(withCreated ? ['Created issue'] : [])];
  const rows = [
    markdownTableRow(header),
    withCreated ? `${ACTION_ITEMS_SEPARATOR}---------------|` : ACTION_ITEMS_SEPARATOR,
    ...doc.actionItems.map((item) =>
      markdownTableRow([
        actionItemNumber(item),
        item.action,
        formatOwner(item.owner),
        item.dueDate ?? '',
        item.externalRef ?? '',
        ...(withCreated ? [item.createdIssueKey ?? ''] : []),
      ]),
    ),
  ];
  return ['## Action Items', rows.join('\n')];
}

export interface RenderMarkdownOptions {
  /**
   * `reference` (default) writes the template exactly as the reference document does: no blank lines.
   * `commonmark` puts blank lines between blocks, so strict Markdown renderers do not read the `---`
   * under the header lines as a heading underline or merge the header lines into one paragraph.
   * `parseMarkdown` reads both.
   */
  spacing?: 'reference' | 'commonmark';
}

/** The postmortem as Markdown in the reference template's format (Step 2), ending with a newline. */
export function renderMarkdown(doc: PostmortemDocument, options: RenderMarkdownOptions = {}): string {
  const optional = (heading: string, text: string | undefined): string[][] =>
    text ? [[`## ${heading}`, text]] : [];
  const blocks: string[][] = [
    headerBlock(doc),
    ...optional('Summary', doc.summary),
    impactBlock(doc),
    timelineBlock(doc),
    ...optional('Detection', doc.detection),
    ...optional('Resolution', doc.resolution),
    rootCauseBlock(doc),
    listBlock('Contributing Factors', doc.contributingFactors, true),
    listBlock('What Worked Well', doc.whatWorkedWell, false),
  ];
  if (doc.lessonsLearned.length > 0) blocks.push(listBlock('Lessons Learned', doc.lessonsLearned, false));
  blocks.push(actionItemsBlock(doc));
  blocks.push(['## Notes on Blameless Culture', doc.blamelessNotes]);
  const history = renderReviewHistory(doc.review?.decisions ?? []);
  if (history.length > 0) blocks.push(history);
  // Other notes go last: everything after their heading belongs to them, whatever headings it contains.
  if (doc.otherNotes !== '') blocks.push(['## Other Notes', doc.otherNotes]);
  const gap = options.spacing === 'commonmark' ? '\n\n' : '\n';
  const rendered = blocks.map((parts) => parts.filter((part) => part !== '').join(gap));
  return `${rendered.join(`${gap}${SECTION_BREAK}${gap}`)}\n`;
}
