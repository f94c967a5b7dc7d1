import type { ActionItem, PostmortemDocument, PostmortemStatus } from '../../domain/postmortem';
import { AppError } from '../../contract/errors';
import { MAX_ROW_ID_NUMBER, rowIdNumber, type LoadedPostmortem } from '../../storage/postmortem-store';

// The panel numbers a new row one above the highest it shows, so its numbers climb one at a time.
const MAX_ROW_ID_STEP = 1000;

/**
 * The document to store for what a client sent, with every field the server owns taken from the
 * stored version whatever the payload says:
 * - status and finalization time (only finalize, reopen and the automation move them);
 * - each row's child issue key: only the stored row with the same id has one, so a payload naming
 *   `createdIssueKey: "INC-500"` cannot make the automation treat a row as done or link to that issue;
 * - row ids: a row the stored version does not have (or a second row with one id) is numbered above
 *   every id this postmortem ever had, so it can never be taken for an earlier row that has a child.
 */
export function withServerOwnedFields(
  incoming: PostmortemDocument,
  stored: LoadedPostmortem | null,
  status: PostmortemStatus,
): PostmortemDocument {
  const storedRows = new Map(stored?.document.actionItems.map((item) => [item.id, item]) ?? []);
  let ceiling = stored?.rowIdCeiling ?? 0;
  const taken = new Set<string>();
  const actionItems = incoming.actionItems.map((item): ActionItem => {
    const existing = taken.has(item.id) ? undefined : storedRows.get(item.id);
    if (existing) {
      taken.add(item.id);
      return { ...item, createdIssueKey: existing.createdIssueKey };
    }
    if (ceiling >= MAX_ROW_ID_NUMBER) {
      throw new AppError(
        'InvalidInput',
        'This postmortem has used up its action-item numbers: no row can be added. Edit the existing rows instead.',
      );
    }
    const proposed = rowIdNumber(item.id) ?? 0;
    // The client's own `ai-<n>` is kept when it is new to this postmortem, so its rows keep their ids; a
    // number far above the rest is replaced, so the ceiling never nears where numbers lose precision.
    ceiling = proposed > ceiling && proposed <= ceiling + MAX_ROW_ID_STEP ? proposed : ceiling + 1;
    const id = `ai-${ceiling}`;
    taken.add(id);
    return { ...item, id, createdIssueKey: null };
  });
  return {
    ...incoming,
    header: {
      ...incoming.header,
      status,
      finalizedAt: stored?.document.header.finalizedAt ?? null,
    },
    actionItems,
  };
}

/** An imported document's rows as new rows: fresh ids above every id the postmortem had, no child keys. */
export function asNewRows(document: PostmortemDocument, stored: LoadedPostmortem | null): PostmortemDocument {
  const ceiling = stored?.rowIdCeiling ?? 0;
  return {
    ...document,
    actionItems: document.actionItems.map((item, index) => ({
      ...item,
      id: `ai-${ceiling + index + 1}`,
      createdIssueKey: null,
    })),
  };
}
