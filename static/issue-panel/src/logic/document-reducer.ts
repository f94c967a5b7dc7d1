import type { PostmortemDocument } from '../../../../src/contract/issue-panel-api';
import { moveItem } from './move-item';
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
  | { type: 'addTimelineRow' }
  | { type: 'updateTimelineRow'; id: string; patch: Partial<Omit<TimelineRow, 'id'>> }
  | { type: 'moveTimelineRow'; id: string; step: -1 | 1 }
  | { type: 'removeTimelineRow'; id: string }
  | { type: 'addListItem'; key: TextListKey }
  | { type: 'updateListItem'; key: TextListKey; index: number; value: string }
  | { type: 'removeListItem'; key: TextListKey; index: number }
  | { type: 'addActionItem' }
  | { type: 'updateActionItem'; id: string; patch: Partial<Omit<ActionItem, 'id'>> }
  | { type: 'moveActionItem'; id: string; step: -1 | 1 }
  | { type: 'removeActionItem'; id: string };

/** Timeline rows have no id rule in the domain; `tl-<n>` above the highest keeps React keys stable. */
function nextTimelineId(rows: readonly TimelineRow[]): string {
  const max = rows.reduce((acc, row) => {
    const match = /^tl-(\d+)$/.exec(row.id);
    return match ? Math.max(acc, Number(match[1])) : acc;
  }, rows.length);
  return `tl-${max + 1}`;
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
    case 'addTimelineRow':
      return {
        ...doc,
        timeline: [...doc.timeline, { id: nextTimelineId(doc.timeline), time: '', event: '' }],
      };
    case 'updateTimelineRow':
      return {
        ...doc,
        timeline: doc.timeline.map((row) => (row.id === action.id ? { ...row, ...action.patch } : row)),
      };
    case 'moveTimelineRow':
      return {
        ...doc,
        timeline: moveItem(
          doc.timeline,
          doc.timeline.findIndex((row) => row.id === action.id),
          action.step,
        ),
      };
    case 'removeTimelineRow':
      return { ...doc, timeline: doc.timeline.filter((row) => row.id !== action.id) };
    case 'addListItem':
      return { ...doc, [action.key]: [...doc[action.key], ''] };
    case 'updateListItem':
      return {
        ...doc,
        [action.key]: doc[action.key].map((item, index) => (index === action.index ? action.value : item)),
      };
    case 'removeListItem':
      return { ...doc, [action.key]: doc[action.key].filter((_, index) => index !== action.index) };
    case 'addActionItem':
      return {
        ...doc,
        actionItems: [
          ...doc.actionItems,
          {
            id: nextActionItemId(doc.actionItems),
            action: '',
            owner: null,
            dueDate: null,
            externalRef: null,
            createdIssueKey: null,
          },
        ],
      };
    case 'updateActionItem':
      return {
        ...doc,
        actionItems: doc.actionItems.map((item) =>
          item.id === action.id ? { ...item, ...action.patch } : item,
        ),
      };
    case 'moveActionItem':
      return {
        ...doc,
        actionItems: moveItem(
          doc.actionItems,
          doc.actionItems.findIndex((item) => item.id === action.id),
          action.step,
        ),
      };
    case 'removeActionItem':
      return { ...doc, actionItems: doc.actionItems.filter((item) => item.id !== action.id) };
  }
}
