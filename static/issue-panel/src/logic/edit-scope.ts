/**
 * What the panel edits in place: nothing (read view), the whole document, or one section (its path,
 * as in `section-<path>` and the findings' paths).
 */
export type EditScope = { kind: 'read' } | { kind: 'document' } | { kind: 'section'; path: string };

/**
 * A postmortem never saved opens for writing; a saved one opens as a document to read. A viewer who may
 * not edit, or a finalized postmortem, only ever reads.
 */
export function initialEditScope(panel: { canEdit: boolean; saved: boolean; status: string }): EditScope {
  if (!panel.canEdit || panel.status === 'FINAL') return { kind: 'read' };
  return panel.saved ? { kind: 'read' } : { kind: 'document' };
}

export function isEditing(scope: EditScope, path: string): boolean {
  return scope.kind === 'document' || (scope.kind === 'section' && scope.path === path);
}

/** The section's Edit/Done button: opens this section alone, or closes it back to reading. */
export function toggleSection(scope: EditScope, path: string): EditScope {
  return scope.kind === 'section' && scope.path === path ? { kind: 'read' } : { kind: 'section', path };
}
