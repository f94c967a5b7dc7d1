import { initialEditScope, isEditing, toggleSection } from '../../../static/issue-panel/src/logic/edit-scope';

describe('edit scope of the panel', () => {
  it('opens a saved postmortem to read and a never-saved one to write', () => {
    expect(initialEditScope({ canEdit: true, saved: true, status: 'DRAFT' })).toEqual({ kind: 'read' });
    expect(initialEditScope({ canEdit: true, saved: false, status: 'DRAFT' })).toEqual({ kind: 'document' });
  });

  it('only ever reads for a viewer who may not edit, or a final postmortem', () => {
    expect(initialEditScope({ canEdit: false, saved: false, status: 'DRAFT' })).toEqual({ kind: 'read' });
    expect(initialEditScope({ canEdit: true, saved: true, status: 'FINAL' })).toEqual({ kind: 'read' });
  });

  it('edits one section at a time, or every section at once', () => {
    const timeline = toggleSection({ kind: 'read' }, 'timeline');
    expect(isEditing(timeline, 'timeline')).toBe(true);
    expect(isEditing(timeline, 'impact')).toBe(false);
    const impact = toggleSection(timeline, 'impact');
    expect([isEditing(impact, 'timeline'), isEditing(impact, 'impact')]).toEqual([false, true]);
    expect(toggleSection(impact, 'impact')).toEqual({ kind: 'read' });
    expect(isEditing({ kind: 'document' }, 'otherNotes')).toBe(true);
    expect(isEditing({ kind: 'read' }, 'header')).toBe(false);
  });
});
