import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { insertAfter, moveItem } from './move-item';
import { nextActionItemId } from './next-action-item-id';
import type { ActionItem, Header, Impact, TextListKey, TimelineRow } from './panel-types';

/** Free-text sections: the reference's, and those imported postmortems bring (Summary, Detection, Resolution). */
export type TextKey = 'blamelessNotes' | 'otherNotes' | 'summary' | 'detection' | 'resolution';

export type DocumentAction =
  | { type: 'replace'; document: PostmortemDocument }
  | { type: 'setHeader'; patch: Partial<Header> }
  | { type: 'setImpact'; patch: Partial<Impact> }
  | { type: 'setRootCause'; patch: Partial<PostmortemDocument['rootCause']> }
  | { type: 'setText'; key: TextKey; value: string }
  /** `after`: the row index to insert behind (Enter in a grid row); absent → at the end. */
  | { type: 'addRow'; list: GridList; after?: number }
  | { type: 'moveRow'; list: GridList; id: string; toIndex: number }
  | { type: 'removeRow'; list: GridList; id: string }
  | { type: 'updateTimelineRow'; id: string; patch: Partial<Omit<TimelineRow, 'id'>> }
  | { type: 'addListItem'; key: TextListKey }
  | { type: 'updateListItem'; key: TextListKey; index: number; value: string }
  | { type: 'removeListItem'; key: TextListKey; index: number }
  | { type: 'updateActionItem'; id: string; patch: Partial<Omit<ActionItem, 'id'>> };

/** The sections edited as grids: rows with ids, added, moved and removed the same way. */
export type GridList = 'timeline' | 'actionItems';

/** Timeline rows have no id rule in the domain; `tl-<n>` above the highest keeps React keys stable. */
export function nextTimelineId(rows: readonly TimelineRow[]): string {
  const max = rows.reduce((acc, row) => {
    const match = /^tl-(\d+)$/.exec(row.id);
    return match ? Math.max(acc, Number(match[1])) : acc;
  }, rows.length);
  return `tl-${max + 1}`;
}

function blankRow(doc: PostmortemDocument, list: GridList): TimelineRow | ActionItem {
  return list === 'timeline'
    ? { id: nextTimelineId(doc.timeline), time: '', event: '' }
    : {
        id: nextActionItemId(doc.actionItems),
        action: '',
        owner: null,
        dueDate: null,
        externalRef: null,
        createdIssueKey: null,
      };
}

/** Pure edits of the document; `revision` is left alone so the save still carries the loaded one. */
export function documentReducer(doc: PostmortemDocument, action: DocumentAction): PostmortemDocument {
  switch (action.type) {
    case 'replace':
      return action.document;
    case 'setHeader':
      return { ...doc, header: { ...doc.header, ...action.patch } };
    case 'setImpact':
      return { ...doc, impact: { ...doc.impact, ...action.patch } };
    case 'setRootCause':
      return { ...doc, rootCause: { ...doc.rootCause, ...action.patch } };
    case 'setText':
      return { ...doc, [action.key]: action.value };
    case 'addRow':
      // Types are checked loosely through the computed key: blankRow builds the row kind of the list it is given.
      return {
        ...doc,
        [action.list]: insertAfter<TimelineRow | ActionItem>(
          doc[action.list],
          action.after,
          blankRow(doc, action.list),
        ),
      };
    case 'moveRow': {
      const rows: ReadonlyArray<{ id: string }> = doc[action.list];
      const from = rows.findIndex((row) => row.id === action.id);
      return { ...doc, [action.list]: moveItem(rows, from, action.toIndex) };
    }
    case 'removeRow': {
      const rows: ReadonlyArray<{ id: string }> = doc[action.list];
      return { ...doc, [action.list]: rows.filter((row) => row.id !== action.id) };
    }
    case 'updateTimelineRow':
      return {
        ...doc,
        timeline: doc.timeline.map((row) => (row.id === action.id ? { ...row, ...action.patch } : row)),
      };
    case 'addListItem':
      return { ...doc, [action.key]: [...doc[action.key], ''] };
    case 'updateListItem':
      return {
        ...doc,
        [action.key]: doc[action.key].map((item, index) => (index === action.index ? action.value : item)),
      };
    case 'removeListItem':
      return { ...doc, [action.key]: doc[action.key].filter((_, index) => index !== action.index) };
    case 'updateActionItem':
      return {
        ...doc,
        actionItems: doc.actionItems.map((item) =>
          item.id === action.id ? { ...item, ...action.patch } : item,
        ),
      };
  }
}
