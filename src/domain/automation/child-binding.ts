/**
 * Which action-item rows have a child, decided from what the app recorded and what Jira shows when
 * read strongly consistently. Pure: the finalization use case does the reads and writes.
 */
import type { ErrorKind } from '../../contract/errors';
import type { PostmortemDocument } from '../postmortem';

/** An issue read from Jira with its `postmortem-action-source` property (absent on unrelated issues). */
export interface FoundChild {
  key: string;
  source: unknown;
}

/**
 * Children found on Jira for rows whose create may have happened: the rows recorded before the
 * create (`pendingRows`) that have no recorded child yet. A child made for another incident, for a
 * row outside `pendingRows` (an older finalization reusing a row id), or one already bound to another
 * row never binds.
 */
export function bindFoundChildren(
  found: readonly FoundChild[],
  incidentKey: string,
  pendingRows: readonly string[],
  children: Readonly<Record<string, string>>,
): Record<string, string> {
  const bound: Record<string, string> = {};
  const taken = new Set(Object.values(children));
  for (const child of found) {
    const source = child.source as { incidentKey?: unknown; rowId?: unknown } | null | undefined;
    const rowId = source?.rowId;
    if (source?.incidentKey !== incidentKey || typeof rowId !== 'string') continue;
    if (!pendingRows.includes(rowId) || rowId in children || rowId in bound || taken.has(child.key)) continue;
    bound[rowId] = child.key;
    taken.add(child.key);
  }
  return bound;
}

/** How Jira answered one element of a bulk create the app did not get a child for. */
export interface UncreatedElement {
  /** Set when Jira answered for this element (a per-element error): it was not created. */
  status: number | null;
  kind: ErrorKind;
}

/**
 * Whether an element may have been created although no key came back: a 5xx, a timeout or an answer
 * that could not be read leaves it unknown; a per-element error, a 429 or a refusal means Jira did
 * nothing.
 */
export function mayHaveBeenCreated(element: UncreatedElement): boolean {
  return element.status === null && (element.kind === 'Unavailable' || element.kind === 'Internal');
}

/**
 * The document as the panel shows it: each row's child key is the one the app recorded for that row
 * id, never a key the client saved (issue 12, item 2). Stored documents are not changed by this.
 */
export function withRecordedChildren(
  document: PostmortemDocument,
  children: Readonly<Record<string, string>>,
): PostmortemDocument {
  return {
    ...document,
    actionItems: document.actionItems.map((item) => ({
      ...item,
      createdIssueKey: children[item.id] ?? null,
    })),
  };
}
