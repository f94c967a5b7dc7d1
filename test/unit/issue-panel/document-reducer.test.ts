import { documentReducer } from '../../../static/issue-panel/src/logic/document-reducer';
import { insertAfter, moveItem } from '../../../static/issue-panel/src/logic/move-item';
import { nextActionItemId } from '../../../static/issue-panel/src/logic/next-action-item-id';
import { blankDocument } from './panel-fixtures';

describe('nextActionItemId', () => {
  it('starts at ai-1 and goes above the highest id, ignoring foreign ids', () => {
    expect(nextActionItemId([])).toBe('ai-1');
    expect(nextActionItemId([{ id: 'ai-2' }, { id: 'ai-7' }, { id: 'x-99' }])).toBe('ai-8');
  });
});

describe('moveItem', () => {
  it('moves one step (keyboard) or any distance (drag) and leaves out-of-range moves alone', () => {
    expect(moveItem(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
    expect(moveItem(['a'], -1, 0)).toEqual(['a']);
  });
});

describe('insertAfter', () => {
  it('inserts below the given row (Enter in a grid row), or appends without one', () => {
    expect(insertAfter(['a', 'b', 'c'], 0, 'x')).toEqual(['a', 'x', 'b', 'c']);
    expect(insertAfter(['a', 'b', 'c'], 2, 'x')).toEqual(['a', 'b', 'c', 'x']);
    expect(insertAfter(['a', 'b'], undefined, 'x')).toEqual(['a', 'b', 'x']);
    expect(insertAfter(['a', 'b'], 7, 'x')).toEqual(['a', 'b', 'x']);
  });
});

describe('documentReducer', () => {
  it('adds action items with fresh ids that are not reused after removing a middle row', () => {
    let doc = blankDocument();
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'removeRow', list: 'actionItems', id: 'ai-2' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    expect(doc.actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-3', 'ai-4']);
    expect(doc.actionItems[2]).toEqual({
      id: 'ai-4',
      action: '',
      owner: null,
      dueDate: null,
      externalRef: null,
      createdIssueKey: null,
    });
  });

  it('edits, reorders and removes action items by id', () => {
    let doc = blankDocument();
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, {
      type: 'updateActionItem',
      id: 'ai-2',
      patch: { action: 'Add alert', owner: { accountId: 'u1', displayName: 'Ana' }, dueDate: '2026-12-01' },
    });
    doc = documentReducer(doc, { type: 'moveRow', list: 'actionItems', id: 'ai-2', toIndex: 0 });
    expect(doc.actionItems.map((item) => item.id)).toEqual(['ai-2', 'ai-1']);
    expect(doc.actionItems[0]?.owner).toEqual({ accountId: 'u1', displayName: 'Ana' });
    doc = documentReducer(doc, { type: 'removeRow', list: 'actionItems', id: 'ai-1' });
    expect(doc.actionItems).toHaveLength(1);
  });

  it('manages timeline rows with unique ids', () => {
    let doc = blankDocument({ timeline: [{ id: 'row-a', time: '14:00', event: 'Alert' }] });
    doc = documentReducer(doc, { type: 'addRow', list: 'timeline' });
    doc = documentReducer(doc, { type: 'addRow', list: 'timeline' });
    const ids = doc.timeline.map((row) => row.id);
    expect(new Set(ids).size).toBe(3);
    const second = ids[1] ?? '';
    doc = documentReducer(doc, {
      type: 'updateTimelineRow',
      id: second,
      patch: { time: '14:05', event: 'Paged' },
    });
    doc = documentReducer(doc, { type: 'moveRow', list: 'timeline', id: second, toIndex: 0 });
    expect(doc.timeline[0]).toEqual({ id: second, time: '14:05', event: 'Paged' });
    doc = documentReducer(doc, { type: 'removeRow', list: 'timeline', id: 'row-a' });
    expect(doc.timeline.map((row) => row.id)).not.toContain('row-a');
  });

  it('inserts a new row below the one Enter was pressed in, with a fresh id', () => {
    let doc = blankDocument({
      timeline: [
        { id: 'tl-1', time: '14:00', event: 'Alert' },
        { id: 'tl-2', time: '14:10', event: 'Rollback' },
      ],
    });
    doc = documentReducer(doc, { type: 'addRow', list: 'timeline', after: 0 });
    expect(doc.timeline.map((row) => [row.id, row.time])).toEqual([
      ['tl-1', '14:00'],
      ['tl-3', ''],
      ['tl-2', '14:10'],
    ]);
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems' });
    doc = documentReducer(doc, { type: 'addRow', list: 'actionItems', after: 0 });
    expect(doc.actionItems.map((item) => item.id)).toEqual(['ai-1', 'ai-3', 'ai-2']);
  });

  it('adds, edits and removes list entries without touching the other lists', () => {
    let doc = blankDocument({ whatWorkedWell: ['Fast rollback'] });
    doc = documentReducer(doc, { type: 'addListItem', key: 'lessonsLearned' });
    doc = documentReducer(doc, {
      type: 'updateListItem',
      key: 'lessonsLearned',
      index: 0,
      value: 'Test configs',
    });
    expect(doc.lessonsLearned).toEqual(['Test configs']);
    doc = documentReducer(doc, { type: 'removeListItem', key: 'whatWorkedWell', index: 0 });
    expect(doc.whatWorkedWell).toEqual([]);
    expect(doc.lessonsLearned).toEqual(['Test configs']);
  });

  it('patches header, impact, root cause and notes and keeps the loaded revision', () => {
    let doc = blankDocument();
    doc = documentReducer(doc, { type: 'setHeader', patch: { severity: 'SEV-1', reviewedBy: ['Bo'] } });
    doc = documentReducer(doc, { type: 'setImpact', patch: { usersAffected: '40%' } });
    doc = documentReducer(doc, { type: 'setRootCause', patch: { text: 'Config drift' } });
    doc = documentReducer(doc, { type: 'setText', key: 'otherNotes', value: 'See runbook' });
    expect(doc.header.severity).toBe('SEV-1');
    expect(doc.header.title).toBe('Checkout outage');
    expect(doc.impact.usersAffected).toBe('40%');
    expect(doc.rootCause).toEqual({ text: 'Config drift', summary: null });
    expect(doc.otherNotes).toBe('See runbook');
    expect(doc.revision).toBe(3);
  });

  it('replaces the whole document (load their version, apply import)', () => {
    const other = blankDocument({ revision: 9, otherNotes: 'theirs' });
    expect(documentReducer(blankDocument(), { type: 'replace', document: other })).toBe(other);
  });
});
