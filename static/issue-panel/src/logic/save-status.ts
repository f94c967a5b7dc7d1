export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'retrying' | 'invalid' | 'conflict' | 'read-only';

/** The words of the save indicator; browser tests read them, so they are part of the UI contract. */
export function saveStatusLabel(status: SaveStatus): string {
  switch (status) {
    case 'saved':
      return 'Saved';
    case 'saving':
      return 'Saving…';
    case 'dirty':
      return 'Unsaved changes';
    case 'retrying':
      return 'Save failed — retrying';
    case 'invalid':
      return 'Save failed — check the fields';
    case 'conflict':
      return 'Not saved: someone else saved';
    case 'read-only':
      return 'Read-only';
  }
}
