/**
 * The keyboard model of the editable grids (timeline, action items). Tab and Shift+Tab are the
 * browser's own (the cells are in reading order); Enter adds a row below; Alt+ArrowUp/Down moves the
 * row, so reordering never needs a mouse. Pickers keep Enter for choosing an option, and Shift+Enter
 * keeps a line break in multi-line cells. Chromium's date input would take Tab from segment to segment
 * (month, day, year); in the grid Tab leaves it like any cell, and its segments fill as digits are typed.
 */
export type GridCellKind = 'text' | 'multiline' | 'picker' | 'date';

export interface GridKey {
  key: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** An input method is composing text: its Enter confirms the composition, not a grid command. */
  isComposing: boolean;
}

export interface GridCell {
  kind: GridCellKind;
  row: number;
  rowCount: number;
}

export type GridCommand =
  | { kind: 'add-row'; after: number }
  | { kind: 'move-row'; from: number; to: number }
  | { kind: 'leave-cell'; step: -1 | 1 };

/** What a key press in a grid cell does to the grid, or null when the cell's own input keeps it. */
export function gridKeyCommand(key: GridKey, cell: GridCell): GridCommand | null {
  if (key.isComposing || key.ctrlKey || key.metaKey) return null;
  if (key.altKey && !key.shiftKey && (key.key === 'ArrowUp' || key.key === 'ArrowDown')) {
    const to = cell.row + (key.key === 'ArrowUp' ? -1 : 1);
    return to < 0 || to >= cell.rowCount ? null : { kind: 'move-row', from: cell.row, to };
  }
  if (key.key === 'Tab' && !key.altKey && cell.kind === 'date') {
    return { kind: 'leave-cell', step: key.shiftKey ? -1 : 1 };
  }
  if (key.key === 'Enter' && !key.altKey && !key.shiftKey && cell.kind !== 'picker') {
    return { kind: 'add-row', after: cell.row };
  }
  return null;
}

/** The live-region sentence after a row moved (positions 0-based in, 1-based out). */
export function rowMovedAnnouncement(noun: string, from: number, to: number, rowCount: number): string {
  return `Moved ${noun} ${from + 1} to position ${to + 1} of ${rowCount}.`;
}
